package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

func TestSaveAssessment(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		p := &imhars.PracticeAssessment{AuditID: fx.audit.ID, PracticeKey: "ethos.safe",
			Rating: imhars.Emerging, Evidence: "Staff survey, May", UpdatedBy: "Ada",
			Kinds: []imhars.EvidenceKind{imhars.EvidenceQuestionnaire}, Priority: imhars.PriorityHigh}
		if err := s.SaveAssessment(ctx, p); err != nil {
			t.Fatal(err)
		}
		if p.Version != 1 || time.Since(p.UpdatedAt) > time.Minute {
			t.Errorf("after first save Version = %d, UpdatedAt = %v, want 1 and now", p.Version, p.UpdatedAt)
		}
		got, err := s.Assessment(ctx, fx.audit.ID, "ethos.safe")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(p, got); diff != "" {
			t.Errorf("Assessment after insert (-saved +got):\n%s", diff)
		}

		p.Rating, p.Kinds, p.Priority, p.UpdatedBy = imhars.Embedded, nil, imhars.PriorityNone, "Bob"
		if err := s.SaveAssessment(ctx, p); err != nil {
			t.Fatal(err)
		}
		if p.Version != 2 {
			t.Errorf("after second save Version = %d, want 2", p.Version)
		}
		got, err = s.Assessment(ctx, fx.audit.ID, "ethos.safe")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(p, got); diff != "" {
			t.Errorf("Assessment after update (-saved +got):\n%s", diff)
		}
	})
}

func TestSaveAssessmentVersionConflict(t *testing.T) {
	for _, stale := range []int{0, 1, 3} {
		t.Run(fmt.Sprintf("from version %d", stale), func(t *testing.T) {
			sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
				ctx := context.Background()
				fx := newAuditFixture(t, s)
				p := &imhars.PracticeAssessment{AuditID: fx.audit.ID, PracticeKey: "ethos.safe",
					Rating: imhars.Emerging}
				for range 2 {
					if err := s.SaveAssessment(ctx, p); err != nil {
						t.Fatal(err)
					}
				}
				before, err := s.Assessment(ctx, fx.audit.ID, "ethos.safe")
				if err != nil {
					t.Fatal(err)
				}

				old := &imhars.PracticeAssessment{AuditID: fx.audit.ID, PracticeKey: "ethos.safe",
					Rating: imhars.NotInPlace, Version: stale}
				err = s.SaveAssessment(ctx, old)
				if !errors.Is(err, imhars.ErrVersionConflict) {
					t.Errorf("error = %v, want imhars.ErrVersionConflict", err)
				}
				if old.Version != stale {
					t.Errorf("rejected save changed Version to %d", old.Version)
				}
				after, err := s.Assessment(ctx, fx.audit.ID, "ethos.safe")
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(before, after); diff != "" {
					t.Errorf("rejected save changed the record (-before +after):\n%s", diff)
				}
			})
		})
	}
}

func TestSaveAssessmentConcurrent(t *testing.T) {
	for _, start := range []int{0, 2} {
		t.Run(fmt.Sprintf("from version %d", start), func(t *testing.T) {
			sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
				ctx := context.Background()
				fx := newAuditFixture(t, s)
				for range start {
					p := &imhars.PracticeAssessment{AuditID: fx.audit.ID, PracticeKey: "ethos.safe",
						Rating: imhars.Emerging}
					p.Version, _ = currentVersion(t, s, fx.audit.ID)
					if err := s.SaveAssessment(ctx, p); err != nil {
						t.Fatal(err)
					}
				}

				const editors = 8
				errs := make([]error, editors)
				var wg sync.WaitGroup
				for i := range editors {
					wg.Go(func() {
						p := &imhars.PracticeAssessment{AuditID: fx.audit.ID, PracticeKey: "ethos.safe",
							Rating: imhars.Established, UpdatedBy: fmt.Sprintf("editor %d", i), Version: start}
						errs[i] = s.SaveAssessment(ctx, p)
					})
				}
				wg.Wait()

				winner := -1
				for i, err := range errs {
					switch {
					case err == nil && winner >= 0:
						t.Errorf("editors %d and %d both saved from version %d", winner, i, start)
					case err == nil:
						winner = i
					case !errors.Is(err, imhars.ErrVersionConflict):
						t.Errorf("editor %d: %v", i, err)
					}
				}
				if winner < 0 {
					t.Fatal("no editor saved")
				}
				version, updatedBy := currentVersion(t, s, fx.audit.ID)
				if version != start+1 || updatedBy != fmt.Sprintf("editor %d", winner) {
					t.Errorf("stored version %d by %q, want %d by editor %d", version, updatedBy, start+1, winner)
				}
			})
		})
	}
}

// currentVersion returns the version and editor of ethos.safe, or 0 and ""
// when it was never saved.
func currentVersion(t *testing.T, s *sqlstore.Store, auditID int64) (int, string) {
	t.Helper()
	p, err := s.Assessment(context.Background(), auditID, "ethos.safe")
	if errors.Is(err, imhars.ErrNotFound) {
		return 0, ""
	}
	if err != nil {
		t.Fatal(err)
	}
	return p.Version, p.UpdatedBy
}

func TestSaveAssessmentRejected(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		done := createAudit(t, s, fx.school, fx.framework, "2025/26")
		if err := s.SetAuditStatus(ctx, done.ID, imhars.AuditComplete, testTime); err != nil {
			t.Fatal(err)
		}

		tests := []struct {
			name string
			p    imhars.PracticeAssessment
			code string
		}{
			{"complete audit", imhars.PracticeAssessment{AuditID: done.ID, PracticeKey: "ethos.safe",
				Rating: imhars.Emerging}, imhars.ECONFLICT},
			{"missing audit", imhars.PracticeAssessment{AuditID: fx.audit.ID + 100, PracticeKey: "ethos.safe",
				Rating: imhars.Emerging}, imhars.ENOTFOUND},
			{"invalid rating", imhars.PracticeAssessment{AuditID: fx.audit.ID, PracticeKey: "ethos.safe",
				Rating: 7}, imhars.EINVALID},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				err := s.SaveAssessment(ctx, &tt.p)
				wantCode(t, err, tt.code)
				if errors.Is(err, imhars.ErrVersionConflict) {
					t.Errorf("error matches ErrVersionConflict: %v", err)
				}
				if tt.p.Version != 0 {
					t.Errorf("rejected save changed Version to %d", tt.p.Version)
				}
			})
		}
		_, err := s.Assessment(ctx, done.ID, "ethos.safe")
		wantNotFound(t, err)
	})
}

func TestAssessmentNotFound(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		fx := newAuditFixture(t, s)
		p, err := s.Assessment(context.Background(), fx.audit.ID, "ethos.safe")
		wantNotFound(t, err)
		if p != nil {
			t.Errorf("Assessment returned %+v with an error", p)
		}
	})
}
