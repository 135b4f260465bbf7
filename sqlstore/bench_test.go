package sqlstore_test

import (
	"context"
	"testing"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/framework"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// BenchmarkAuditData loads an audit of the default framework in which
// every practice is rated and every component has findings.
func BenchmarkAuditData(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) { benchmarkAuditData(b, sqlstoretest.OpenSQLite(b)) })
	b.Run("postgres", func(b *testing.B) { benchmarkAuditData(b, sqlstoretest.OpenPostgres(b)) })
}

func benchmarkAuditData(b *testing.B, s *sqlstore.Store) {
	ctx := context.Background()
	a := ratedAudit(b, s)
	f, err := s.Framework(ctx, a.FrameworkID)
	if err != nil {
		b.Fatal(err)
	}
	want := f.PracticeCount()

	b.ResetTimer()
	for b.Loop() {
		data, err := s.AuditData(ctx, a)
		if err != nil {
			b.Fatal(err)
		}
		if len(data.Assessments) != want {
			b.Fatalf("%d assessments, want %d", len(data.Assessments), want)
		}
	}
}

// ratedAudit returns an audit of the default framework with every
// practice rated and findings written for every component.
func ratedAudit(b *testing.B, s *sqlstore.Store) *imhars.Audit {
	ctx := context.Background()
	f, err := s.EnsureDefaultFramework(ctx, framework.Default(), framework.DefaultSource())
	if err != nil {
		b.Fatal(err)
	}
	lead := createUser(b, s, "lead")
	sc := createSchool(b, s, "Highbury Primary", lead)
	a := createAudit(b, s, sc, f, "2026/27")
	evidence := "Staff and pupil questionnaires in the spring term, with a learning walk in May."
	for i, c := range f.Components {
		for j, p := range c.Practices {
			pa := &imhars.PracticeAssessment{AuditID: a.ID, PracticeKey: p.Key,
				Rating: imhars.Ratings[(i+j)%len(imhars.Ratings)], Evidence: evidence, UpdatedBy: "Lead",
				Kinds: []imhars.EvidenceKind{imhars.EvidenceQuestionnaire, imhars.EvidenceLearningWalk}}
			if err := s.SaveAssessment(ctx, pa); err != nil {
				b.Fatal(err)
			}
		}
		cf := &imhars.ComponentFindings{AuditID: a.ID, ComponentKey: c.Key, UpdatedBy: "Lead",
			WorksWell: evidence, Improve: evidence, NextSteps: evidence,
			Tiers: map[imhars.Tier]imhars.TierNote{
				imhars.TierUniversal: {Text: evidence, Coverage: imhars.CoverageGood},
			}}
		if err := s.SaveFindings(ctx, cf); err != nil {
			b.Fatal(err)
		}
	}
	return a
}
