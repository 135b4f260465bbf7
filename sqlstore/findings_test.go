package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

func TestSaveFindings(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		f := &imhars.ComponentFindings{AuditID: fx.audit.ID, ComponentKey: "ethos", UpdatedBy: "Ada",
			Tiers: map[imhars.Tier]imhars.TierNote{
				imhars.TierUniversal:  {Text: "Daily check-ins", Coverage: imhars.CoverageGood},
				imhars.TierTargeted:   {Text: "Nurture group", Coverage: imhars.CoveragePartial},
				imhars.TierSpecialist: {Text: "CAMHS link worker", Coverage: imhars.CoverageGap},
			},
			WorksWell: "Assemblies", Improve: "Parent voice", NextSteps: "Survey parents"}
		if err := s.SaveFindings(ctx, f); err != nil {
			t.Fatal(err)
		}
		if f.Version != 1 {
			t.Errorf("after first save Version = %d, want 1", f.Version)
		}
		got, err := s.Findings(ctx, fx.audit.ID, "ethos")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(f, got); diff != "" {
			t.Errorf("Findings after insert (-saved +got):\n%s", diff)
		}

		f.Tiers[imhars.TierTargeted] = imhars.TierNote{}
		f.NextSteps = "Survey parents in the autumn term"
		if err := s.SaveFindings(ctx, f); err != nil {
			t.Fatal(err)
		}
		got, err = s.Findings(ctx, fx.audit.ID, "ethos")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(f, got); diff != "" {
			t.Errorf("Findings after update (-saved +got):\n%s", diff)
		}
	})
}

func TestSaveFindingsMissingTiers(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		f := &imhars.ComponentFindings{AuditID: fx.audit.ID, ComponentKey: "ethos", WorksWell: "Assemblies"}
		if err := s.SaveFindings(ctx, f); err != nil {
			t.Fatal(err)
		}
		got, err := s.Findings(ctx, fx.audit.ID, "ethos")
		if err != nil {
			t.Fatal(err)
		}
		want := map[imhars.Tier]imhars.TierNote{
			imhars.TierUniversal: {}, imhars.TierTargeted: {}, imhars.TierSpecialist: {},
		}
		if diff := cmp.Diff(want, got.Tiers); diff != "" {
			t.Errorf("Tiers (-want +got):\n%s", diff)
		}
	})
}

func TestSaveFindingsVersionConflict(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		first := &imhars.ComponentFindings{AuditID: fx.audit.ID, ComponentKey: "ethos", WorksWell: "A"}
		if err := s.SaveFindings(ctx, first); err != nil {
			t.Fatal(err)
		}

		for _, version := range []int{0, 2} {
			stale := &imhars.ComponentFindings{AuditID: fx.audit.ID, ComponentKey: "ethos",
				WorksWell: "B", Version: version}
			err := s.SaveFindings(ctx, stale)
			if !errors.Is(err, imhars.ErrVersionConflict) {
				t.Errorf("save from version %d: error = %v, want imhars.ErrVersionConflict", version, err)
			}
		}
		got, err := s.Findings(ctx, fx.audit.ID, "ethos")
		if err != nil {
			t.Fatal(err)
		}
		if got.WorksWell != "A" || got.Version != 1 {
			t.Errorf("stored %q at version %d, want the first save unchanged", got.WorksWell, got.Version)
		}
	})
}

func TestSaveFindingsConcurrent(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		base := &imhars.ComponentFindings{AuditID: fx.audit.ID, ComponentKey: "ethos", WorksWell: "start"}
		if err := s.SaveFindings(ctx, base); err != nil {
			t.Fatal(err)
		}

		const editors = 8
		errs := make([]error, editors)
		var wg sync.WaitGroup
		for i := range editors {
			wg.Go(func() {
				f := &imhars.ComponentFindings{AuditID: fx.audit.ID, ComponentKey: "ethos",
					WorksWell: fmt.Sprintf("editor %d", i), Version: base.Version}
				errs[i] = s.SaveFindings(ctx, f)
			})
		}
		wg.Wait()

		var winners []string
		for i, err := range errs {
			switch {
			case err == nil:
				winners = append(winners, fmt.Sprintf("editor %d", i))
			case !errors.Is(err, imhars.ErrVersionConflict):
				t.Errorf("editor %d: %v", i, err)
			}
		}
		if len(winners) != 1 {
			t.Fatalf("saved by %s, want exactly one editor", strings.Join(winners, ", "))
		}
		got, err := s.Findings(ctx, fx.audit.ID, "ethos")
		if err != nil {
			t.Fatal(err)
		}
		if got.WorksWell != winners[0] || got.Version != 2 {
			t.Errorf("stored %q at version %d, want %q at version 2", got.WorksWell, got.Version, winners[0])
		}
	})
}

func TestSaveFindingsRejected(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		if err := s.SetAuditStatus(ctx, fx.audit.ID, imhars.AuditComplete, testTime); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name string
			f    imhars.ComponentFindings
			code string
		}{
			{"complete audit", imhars.ComponentFindings{AuditID: fx.audit.ID, ComponentKey: "ethos"},
				imhars.ECONFLICT},
			{"missing audit", imhars.ComponentFindings{AuditID: fx.audit.ID + 100, ComponentKey: "ethos"},
				imhars.ENOTFOUND},
			{"invalid coverage", imhars.ComponentFindings{AuditID: fx.audit.ID, ComponentKey: "ethos",
				Tiers: map[imhars.Tier]imhars.TierNote{imhars.TierUniversal: {Coverage: "most"}}},
				imhars.EINVALID},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				wantCode(t, s.SaveFindings(ctx, &tt.f), tt.code)
			})
		}
	})
}

func TestFindingsNotFound(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		fx := newAuditFixture(t, s)
		f, err := s.Findings(context.Background(), fx.audit.ID, "ethos")
		wantNotFound(t, err)
		if f != nil {
			t.Errorf("Findings returned %+v with an error", f)
		}
	})
}
