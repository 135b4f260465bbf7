package web

import (
	"context"
	"fmt"
	"time"

	"github.com/imhars/imhars"
)

type exportAudit struct {
	ID           int64              `json:"id"`
	AcademicYear string             `json:"academic_year"`
	Status       string             `json:"status"`
	CreatedAt    time.Time          `json:"created_at"`
	CompletedAt  *time.Time         `json:"completed_at"`
	Framework    exportFramework    `json:"framework"`
	Assessments  []exportAssessment `json:"assessments"`
	Findings     []exportFindings   `json:"findings"`
}

type exportFramework struct {
	Slug    string `json:"slug"`
	Version string `json:"version"`
	Title   string `json:"title"`
}

type exportAssessment struct {
	PracticeKey string    `json:"practice_key"`
	Rating      int       `json:"rating"`
	RatingLabel string    `json:"rating_label"`
	Evidence    string    `json:"evidence"`
	Kinds       []string  `json:"evidence_kinds"`
	Priority    string    `json:"priority"`
	UpdatedBy   string    `json:"updated_by"`
	UpdatedAt   time.Time `json:"updated_at"`
}

type exportFindings struct {
	ComponentKey string                `json:"component_key"`
	Tiers        map[string]exportTier `json:"tiers"`
	WorksWell    string                `json:"works_well"`
	Improve      string                `json:"improve"`
	NextSteps    string                `json:"next_steps"`
	UpdatedBy    string                `json:"updated_by"`
	UpdatedAt    time.Time             `json:"updated_at"`
}

type exportTier struct {
	Text     string `json:"text"`
	Coverage string `json:"coverage"`
}

// exportAudits returns the school's audits, each with every practice
// assessment and component's findings, in the framework's order.
func (s *Server) exportAudits(ctx context.Context, schoolID int64) ([]exportAudit, error) {
	audits, err := s.store.Audits(ctx, schoolID)
	if err != nil {
		return nil, fmt.Errorf("list audits of school %d: %w", schoolID, err)
	}
	out := make([]exportAudit, 0, len(audits))
	for i := range audits {
		data, err := s.store.AuditData(ctx, &audits[i])
		if err != nil {
			return nil, fmt.Errorf("load audit %d: %w", audits[i].ID, err)
		}
		out = append(out, newExportAudit(data))
	}
	return out, nil
}

func newExportAudit(data *imhars.AuditData) exportAudit {
	a, f := data.Audit, data.Framework
	e := exportAudit{
		ID: a.ID, AcademicYear: a.AcademicYear, Status: string(a.Status),
		CreatedAt: a.CreatedAt, CompletedAt: a.CompletedAt,
		Framework:   exportFramework{Slug: f.Slug, Version: f.Version, Title: f.Title},
		Assessments: []exportAssessment{}, Findings: []exportFindings{},
	}
	var practiceKeys, componentKeys []string
	for _, c := range f.Components {
		componentKeys = append(componentKeys, c.Key)
		for _, p := range c.Practices {
			practiceKeys = append(practiceKeys, p.Key)
		}
	}
	for _, key := range orderedKeys(data.Assessments, practiceKeys) {
		e.Assessments = append(e.Assessments, newExportAssessment(data.Assessments[key]))
	}
	for _, key := range orderedKeys(data.Findings, componentKeys) {
		e.Findings = append(e.Findings, newExportFindings(data.Findings[key]))
	}
	return e
}

func newExportAssessment(p imhars.PracticeAssessment) exportAssessment {
	kinds := make([]string, 0, len(p.Kinds))
	for _, k := range p.Kinds {
		kinds = append(kinds, string(k))
	}
	return exportAssessment{
		PracticeKey: p.PracticeKey, Rating: int(p.Rating), RatingLabel: p.Rating.Label(),
		Evidence: p.Evidence, Kinds: kinds, Priority: string(p.Priority),
		UpdatedBy: p.UpdatedBy, UpdatedAt: p.UpdatedAt,
	}
}

func newExportFindings(f imhars.ComponentFindings) exportFindings {
	tiers := make(map[string]exportTier, len(imhars.Tiers))
	for _, t := range imhars.Tiers {
		n := f.Tier(t)
		tiers[string(t)] = exportTier{Text: n.Text, Coverage: string(n.Coverage)}
	}
	return exportFindings{
		ComponentKey: f.ComponentKey, Tiers: tiers, WorksWell: f.WorksWell, Improve: f.Improve,
		NextSteps: f.NextSteps, UpdatedBy: f.UpdatedBy, UpdatedAt: f.UpdatedAt,
	}
}
