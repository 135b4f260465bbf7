package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

func TestCreateAudit(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		a := fx.audit
		if a.ID == 0 || a.Status != imhars.AuditInProgress || a.CreatedAt.IsZero() {
			t.Errorf("created %+v, want ID, in-progress status and CreatedAt set", a)
		}
		got, err := s.Audit(ctx, fx.school.ID, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(a, got); diff != "" {
			t.Errorf("Audit (-created +got):\n%s", diff)
		}
	})
}

func TestCreateAuditErrors(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		tests := []struct {
			name  string
			audit imhars.Audit
			code  string
		}{
			{"duplicate year", imhars.Audit{SchoolID: fx.school.ID, FrameworkID: fx.framework.ID,
				AcademicYear: "2026/27"}, imhars.ECONFLICT},
			{"invalid year", imhars.Audit{SchoolID: fx.school.ID, FrameworkID: fx.framework.ID,
				AcademicYear: "2026"}, imhars.EINVALID},
			{"missing school", imhars.Audit{SchoolID: fx.school.ID + 100, FrameworkID: fx.framework.ID,
				AcademicYear: "2027/28"}, imhars.ENOTFOUND},
			{"missing framework", imhars.Audit{SchoolID: fx.school.ID, FrameworkID: fx.framework.ID + 100,
				AcademicYear: "2027/28"}, imhars.ENOTFOUND},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				err := s.CreateAudit(ctx, &tt.audit)
				wantCode(t, err, tt.code)
				if tt.audit.ID != 0 {
					t.Errorf("rejected audit got ID %d", tt.audit.ID)
				}
			})
		}

		err := s.CreateAudit(ctx, &imhars.Audit{SchoolID: fx.school.ID, FrameworkID: fx.framework.ID,
			AcademicYear: "2026/27"})
		if got, want := imhars.ErrorMessage(err), "This school already has an audit for 2026/27."; got != want {
			t.Errorf("duplicate year message = %q, want %q", got, want)
		}
	})
}

func TestAuditOtherSchool(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		other := createSchool(t, s, "Other", fx.lead)

		a, err := s.Audit(ctx, other.ID, fx.audit.ID)
		wantNotFound(t, err)
		if a != nil {
			t.Errorf("Audit returned %+v with an error", a)
		}
		_, err = s.Audit(ctx, fx.school.ID, fx.audit.ID+100)
		wantNotFound(t, err)
	})
}

func TestAudits(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		older := createAudit(t, s, fx.school, fx.framework, "2024/25")
		newest := createAudit(t, s, fx.school, fx.framework, "2027/28")
		other := createSchool(t, s, "Other", fx.lead)
		createAudit(t, s, other, fx.framework, "2025/26")

		got, err := s.Audits(ctx, fx.school.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := []imhars.Audit{*newest, *fx.audit, *older}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Audits (-want +got):\n%s", diff)
		}
	})
}

func TestPreviousAudit(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		complete := func(a *imhars.Audit) *imhars.Audit {
			t.Helper()
			if err := s.SetAuditStatus(ctx, a.ID, imhars.AuditComplete, testTime); err != nil {
				t.Fatal(err)
			}
			got, err := s.Audit(ctx, a.SchoolID, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		first := complete(createAudit(t, s, fx.school, fx.framework, "2022/23"))
		inProgress := createAudit(t, s, fx.school, fx.framework, "2023/24")
		second := complete(createAudit(t, s, fx.school, fx.framework, "2025/26"))
		later := createAudit(t, s, fx.school, fx.framework, "2027/28")
		other := createSchool(t, s, "Other", fx.lead)
		complete(createAudit(t, s, other, fx.framework, "2024/25"))

		tests := []struct {
			name    string
			current *imhars.Audit
			want    *imhars.Audit // nil for not found
		}{
			{"latest complete earlier year", fx.audit, second},
			{"skips a later audit in progress", later, second},
			{"skips a gap and an audit in progress", second, first},
			{"from an audit in progress", inProgress, first},
			{"first audit", first, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := s.PreviousAudit(ctx, tt.current)
				if tt.want == nil {
					wantNotFound(t, err)
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("PreviousAudit (-want +got):\n%s", diff)
				}
			})
		}
	})
}

func TestPreviousAuditOnlyInProgress(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		fx := newAuditFixture(t, s)
		createAudit(t, s, fx.school, fx.framework, "2025/26")
		_, err := s.PreviousAudit(context.Background(), fx.audit)
		wantNotFound(t, err)
	})
}

func TestSetAuditStatus(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		if err := s.SetAuditStatus(ctx, fx.audit.ID, imhars.AuditComplete, testTime); err != nil {
			t.Fatal(err)
		}
		got, err := s.Audit(ctx, fx.school.ID, fx.audit.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != imhars.AuditComplete || got.CompletedAt == nil || !got.CompletedAt.Equal(testTime) {
			t.Errorf("completed audit = %+v, want complete at %v", got, testTime)
		}

		if err := s.SetAuditStatus(ctx, fx.audit.ID, imhars.AuditInProgress, testTime.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		got, err = s.Audit(ctx, fx.school.ID, fx.audit.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != imhars.AuditInProgress || got.CompletedAt != nil {
			t.Errorf("reopened audit = %+v, want in progress with no completion time", got)
		}

		wantNotFound(t, s.SetAuditStatus(ctx, fx.audit.ID+100, imhars.AuditComplete, testTime))
		if err := s.SetAuditStatus(ctx, fx.audit.ID, "archived", testTime); err == nil {
			t.Error("unknown status accepted")
		}
	})
}

func TestAuditData(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		p := &imhars.PracticeAssessment{AuditID: fx.audit.ID, PracticeKey: "ethos.safe",
			Rating: imhars.Established, Evidence: "Pupil survey", UpdatedBy: "Lead",
			Kinds: []imhars.EvidenceKind{imhars.EvidenceQuestionnaire, imhars.EvidenceFocusGroup}}
		if err := s.SaveAssessment(ctx, p); err != nil {
			t.Fatal(err)
		}
		f := &imhars.ComponentFindings{AuditID: fx.audit.ID, ComponentKey: "learning",
			Tiers: map[imhars.Tier]imhars.TierNote{
				imhars.TierUniversal:  {Text: "Growth mindset lessons", Coverage: imhars.CoverageGood},
				imhars.TierTargeted:   {},
				imhars.TierSpecialist: {Coverage: imhars.CoverageGap},
			}}
		if err := s.SaveFindings(ctx, f); err != nil {
			t.Fatal(err)
		}
		other := createAudit(t, s, fx.school, fx.framework, "2025/26")
		q := &imhars.PracticeAssessment{AuditID: other.ID, PracticeKey: "ethos.respect", Rating: imhars.Emerging}
		if err := s.SaveAssessment(ctx, q); err != nil {
			t.Fatal(err)
		}

		got, err := s.AuditData(ctx, fx.audit)
		if err != nil {
			t.Fatal(err)
		}
		want := &imhars.AuditData{
			Audit:       *fx.audit,
			Framework:   fx.framework,
			Assessments: map[string]imhars.PracticeAssessment{"ethos.safe": *p},
			Findings:    map[string]imhars.ComponentFindings{"learning": *f},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("AuditData (-want +got):\n%s", diff)
		}
	})
}

func TestAuditDataMissingFramework(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		fx := newAuditFixture(t, s)
		a := *fx.audit
		a.FrameworkID += 100
		_, err := s.AuditData(context.Background(), &a)
		wantNotFound(t, err)
	})
}
