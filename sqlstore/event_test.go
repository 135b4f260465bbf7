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

func TestEvents(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		ada := createUser(t, s, "Ada")
		sc := createSchool(t, s, "School", ada)
		other := createSchool(t, s, "Other", ada)
		events := []*imhars.Event{
			{At: testTime, UserID: ada.ID, SchoolID: sc.ID, Action: "export.pdf", Detail: "2026/27"},
			{At: testTime.Add(time.Hour), UserID: ada.ID, UserName: "Ada L.", SchoolID: sc.ID,
				Action: "export.csv"},
			{At: testTime, UserID: ada.ID, SchoolID: other.ID, Action: "export.pdf"},
		}
		for _, e := range events {
			if err := s.LogEvent(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		if events[0].UserName != "Ada" {
			t.Errorf("UserName = %q, want the account's name", events[0].UserName)
		}

		got, err := s.Events(ctx, sc.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := []imhars.Event{*events[1], *events[0]}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Events (-want +got):\n%s", diff)
		}
	})
}

func TestLogEventWithoutUserOrSchool(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		e := &imhars.Event{Action: "framework.import", Detail: "imhars 2026.1"}
		if err := s.LogEvent(context.Background(), e); err != nil {
			t.Fatal(err)
		}
		if e.At.IsZero() || e.UserName != "" {
			t.Errorf("logged %+v, want At set to now and no user name", e)
		}
	})
}

func TestEventsAfterSchoolDeleted(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		ada := createUser(t, s, "Ada")
		sc := createSchool(t, s, "School", ada)
		if err := s.LogEvent(ctx, &imhars.Event{UserID: ada.ID, SchoolID: sc.ID, Action: "export.pdf"}); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteSchool(ctx, sc.ID); err != nil {
			t.Fatalf("delete school with events: %v", err)
		}
		got, err := s.Events(ctx, sc.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 0 {
			t.Errorf("deleted school still lists %d events", len(got))
		}
	})
}
