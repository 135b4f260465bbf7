// Package reporttest builds audit reports for the tests and benchmarks of
// the packages that render them. Its fixtures hold the hard cases those
// renderers must handle: practices not yet assessed, a component with
// nothing assessed, long evidence, text outside ASCII and text that a
// spreadsheet would read as a formula.
package reporttest

import (
	"fmt"
	"strings"
	"time"

	"github.com/imhars/imhars"
)

// GeneratedAt is the report time of every fixture, fixed so that rendered
// files can be compared with golden files.
var GeneratedAt = time.Date(2026, time.November, 2, 10, 30, 0, 0, time.UTC)

var school = imhars.School{
	ID:             7,
	Name:           "St Mary’s C of E Primary School",
	Phase:          imhars.PhasePrimary,
	URN:            "100432",
	LocalAuthority: "Islington",
}

// Sample returns the report of a small audit: three components with four
// practices each, compared with the previous year's audit. Component 1
// improved since then, component 2 fell back, and nothing in component 3 is
// assessed yet.
func Sample() imhars.Report {
	fw := sampleFramework()
	current := imhars.AuditData{
		Audit:       audit(12, "2026/27", imhars.AuditInProgress),
		Framework:   fw,
		Assessments: assessments(12, currentRatings(), sampleEvidence()),
		Findings:    sampleFindings(12),
	}
	setPriority(current.Assessments, "ethos.policies", imhars.PriorityHigh)
	setPriority(current.Assessments, "relationships.skills", imhars.PriorityLow)
	previous := imhars.AuditData{
		Audit:       audit(5, "2025/26", imhars.AuditComplete),
		Framework:   fw,
		Assessments: assessments(5, previousRatings(), nil),
	}
	return imhars.BuildReport(school, current, &previous, GeneratedAt)
}

// Full returns the report of an audit with seven components of six
// practices each (42 in all), every practice rated and given 2,000
// characters of evidence, for benchmarks.
func Full() imhars.Report {
	fw := &imhars.Framework{ID: 2, Slug: "imhars", Version: "2026.1", Title: "iMHARS"}
	ratings := map[string]imhars.Rating{}
	evidence := map[string]string{}
	for c := 1; c <= 7; c++ {
		comp := imhars.Component{Key: fmt.Sprintf("c%d", c), Number: c, Title: fmt.Sprintf("Component %d", c)}
		for p := 1; p <= 6; p++ {
			key := fmt.Sprintf("c%d.p%d", c, p)
			comp.Practices = append(comp.Practices, imhars.Practice{
				Key:    key,
				Number: fmt.Sprintf("%d.%d", c, p),
				Text:   "Staff model a culture of mutual respect in which everyone is recognised and affirmed.",
			})
			ratings[key] = imhars.Ratings[(c+p)%len(imhars.Ratings)]
			evidence[key] = longEvidence(2000)
		}
		fw.Components = append(fw.Components, comp)
	}

	data := imhars.AuditData{
		Audit:       audit(20, "2026/27", imhars.AuditComplete),
		Framework:   fw,
		Assessments: assessments(20, ratings, evidence),
		Findings:    map[string]imhars.ComponentFindings{},
	}
	for _, c := range fw.Components {
		data.Findings[c.Key] = findings(20, c.Key, longEvidence(600))
	}
	return imhars.BuildReport(school, data, nil, GeneratedAt)
}

func audit(id int64, year string, status imhars.AuditStatus) imhars.Audit {
	return imhars.Audit{
		ID:           id,
		SchoolID:     school.ID,
		FrameworkID:  1,
		AcademicYear: year,
		Status:       status,
		CreatedAt:    time.Date(2026, time.September, 8, 9, 0, 0, 0, time.UTC),
	}
}

// assessments records a rating for each key in ratings, with the evidence
// text for that key when there is one.
func assessments(auditID int64, ratings map[string]imhars.Rating, evidence map[string]string) map[string]imhars.PracticeAssessment {
	updated := time.Date(2026, time.October, 14, 15, 45, 0, 0, time.UTC)
	out := make(map[string]imhars.PracticeAssessment, len(ratings))
	for key, rating := range ratings {
		a := imhars.PracticeAssessment{
			AuditID:     auditID,
			PracticeKey: key,
			Rating:      rating,
			Evidence:    evidence[key],
			Version:     1,
			UpdatedBy:   "Zoë Okafor",
			UpdatedAt:   updated,
		}
		if a.Evidence != "" {
			a.Kinds = []imhars.EvidenceKind{imhars.EvidenceQuestionnaire, imhars.EvidenceFocusGroup}
		}
		if rating.IsPriority() {
			a.Priority = imhars.PriorityMedium
		}
		out[key] = a
	}
	return out
}

func setPriority(assessments map[string]imhars.PracticeAssessment, key string, p imhars.Priority) {
	a := assessments[key]
	a.Priority = p
	assessments[key] = a
}

// longEvidence returns n characters of evidence written as sentences, so
// that renderers wrap it at spaces.
func longEvidence(n int) string {
	const sentence = "Pupils in every year group described a trusted adult they would talk to. "
	text := strings.Repeat(sentence, n/len(sentence)+1)
	return strings.TrimSpace(text[:n])
}
