package imhars

import (
	"sort"
	"time"
)

// Score is points earned as a share of points possible. Each assessed
// practice can earn up to MaxPoints; practices not yet assessed are left
// out of both figures and counted in Total only.
type Score struct {
	Points   int // points earned
	Possible int // MaxPoints times Assessed
	Assessed int // practices with a rating
	Total    int // practices in the component or framework
}

// Add records one practice's rating.
func (s *Score) Add(r Rating) {
	s.Total++
	if !r.Assessed() {
		return
	}
	s.Assessed++
	s.Points += int(r)
	s.Possible += MaxPoints
}

// HasScore reports whether at least one practice is assessed.
func (s Score) HasScore() bool { return s.Possible > 0 }

// Percent returns the score as a whole percentage, rounded half up, or 0
// when nothing is assessed. Check HasScore before showing it.
func (s Score) Percent() int {
	if s.Possible == 0 {
		return 0
	}
	return (200*s.Points + s.Possible) / (2 * s.Possible)
}

// Unassessed returns the number of practices not yet rated.
func (s Score) Unassessed() int { return s.Total - s.Assessed }

// PracticeRow pairs a practice with its assessment.
type PracticeRow struct {
	Practice   *Practice
	Assessment PracticeAssessment
}

// ComponentReport is the report section for one component.
type ComponentReport struct {
	Component  *Component
	Score      Score
	Practices  []PracticeRow
	Strengths  []PracticeRow // rated Established or Embedded
	Priorities []PracticeRow // rated Not in place or Emerging, most urgent first
	Findings   ComponentFindings
	Change     *Change // nil when there is no comparable earlier audit
}

// Change compares a component's score with the same component in an
// earlier audit of the same school and framework.
type Change struct {
	PreviousYear    string
	PreviousPercent int
	Delta           int // percentage points, current minus previous
}

// Report is everything the audit report shows.
type Report struct {
	School      School
	Audit       Audit
	Framework   *Framework
	Components  []ComponentReport
	Overall     Score
	Previous    *Audit // the earlier audit used for Change, if any
	GeneratedAt time.Time
	// Views are the audit's questionnaire results, one per questionnaire,
	// each already summarised under the school's privacy thresholds.
	Views []GroupView
	// Privacy is the school's effective thresholds, for wording such as
	// "fewer than 5 responses".
	Privacy Privacy
}

// AuditData is an audit with its framework and everything recorded in it.
type AuditData struct {
	Audit       Audit
	Framework   *Framework
	Assessments map[string]PracticeAssessment // by practice key
	Findings    map[string]ComponentFindings  // by component key
}

// BuildReport computes the report for current. When previous is not nil and
// uses a framework with the same slug, each component present in both gets
// a Change.
func BuildReport(school School, current AuditData, previous *AuditData, now time.Time) Report {
	r := Report{School: school, Audit: current.Audit, Framework: current.Framework, GeneratedAt: now}
	var before map[string]Score
	if previous != nil && previous.Framework.Slug == current.Framework.Slug {
		before = componentScores(*previous)
		prev := previous.Audit
		r.Previous = &prev
	}
	for i := range current.Framework.Components {
		c := &current.Framework.Components[i]
		cr := buildComponent(c, current)
		if s, ok := before[c.Key]; ok && s.HasScore() && cr.Score.HasScore() {
			cr.Change = &Change{
				PreviousYear:    r.Previous.AcademicYear,
				PreviousPercent: s.Percent(),
				Delta:           cr.Score.Percent() - s.Percent(),
			}
		}
		r.Overall.Points += cr.Score.Points
		r.Overall.Possible += cr.Score.Possible
		r.Overall.Assessed += cr.Score.Assessed
		r.Overall.Total += cr.Score.Total
		r.Components = append(r.Components, cr)
	}
	return r
}

func buildComponent(c *Component, data AuditData) ComponentReport {
	cr := ComponentReport{Component: c, Findings: data.Findings[c.Key]}
	for j := range c.Practices {
		p := &c.Practices[j]
		a, ok := data.Assessments[p.Key]
		if !ok {
			a = PracticeAssessment{AuditID: data.Audit.ID, PracticeKey: p.Key, Rating: NotAssessed}
		}
		row := PracticeRow{Practice: p, Assessment: a}
		cr.Score.Add(a.Rating)
		cr.Practices = append(cr.Practices, row)
		if a.Rating.IsStrength() {
			cr.Strengths = append(cr.Strengths, row)
		}
		if a.Rating.IsPriority() {
			cr.Priorities = append(cr.Priorities, row)
		}
	}
	sort.SliceStable(cr.Priorities, func(i, j int) bool {
		a, b := cr.Priorities[i].Assessment, cr.Priorities[j].Assessment
		if a.Priority.Rank() != b.Priority.Rank() {
			return a.Priority.Rank() < b.Priority.Rank()
		}
		return a.Rating < b.Rating
	})
	return cr
}

func componentScores(data AuditData) map[string]Score {
	scores := make(map[string]Score, len(data.Framework.Components))
	for _, c := range data.Framework.Components {
		var s Score
		for _, p := range c.Practices {
			r := NotAssessed
			if a, ok := data.Assessments[p.Key]; ok {
				r = a.Rating
			}
			s.Add(r)
		}
		scores[c.Key] = s
	}
	return scores
}

// Progress counts what is still to do in an audit.
type Progress struct {
	Practices         int
	Assessed          int
	Components        int
	ComponentsWritten int // components with any findings recorded
}

// Percent returns the share of practices assessed, rounded down.
func (p Progress) Percent() int {
	if p.Practices == 0 {
		return 0
	}
	return 100 * p.Assessed / p.Practices
}

// ProgressOf counts assessed practices and written components.
func ProgressOf(data AuditData) Progress {
	var p Progress
	for _, c := range data.Framework.Components {
		p.Components++
		if f, ok := data.Findings[c.Key]; ok && !f.IsEmpty() {
			p.ComponentsWritten++
		}
		for _, pr := range c.Practices {
			p.Practices++
			if a, ok := data.Assessments[pr.Key]; ok && a.Rating.Assessed() {
				p.Assessed++
			}
		}
	}
	return p
}
