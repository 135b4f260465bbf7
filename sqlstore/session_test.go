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

func TestSession(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		u := createUser(t, s, "ada")
		sess := &imhars.Session{TokenHash: "hash1", UserID: u.ID, CSRFToken: "csrf1", ExpiresAt: testTime}
		if err := s.CreateSession(ctx, sess); err != nil {
			t.Fatal(err)
		}

		got, err := s.SessionByTokenHash(ctx, "hash1", testTime.Add(-time.Second))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(sess, got); diff != "" {
			t.Errorf("SessionByTokenHash (-created +got):\n%s", diff)
		}

		_, err = s.SessionByTokenHash(ctx, "hash1", testTime)
		wantNotFound(t, err)
		_, err = s.SessionByTokenHash(ctx, "other", testTime.Add(-time.Hour))
		wantNotFound(t, err)

		if err := s.DeleteSession(ctx, "hash1"); err != nil {
			t.Fatal(err)
		}
		_, err = s.SessionByTokenHash(ctx, "hash1", testTime.Add(-time.Hour))
		wantNotFound(t, err)
		if err := s.DeleteSession(ctx, "hash1"); err != nil {
			t.Errorf("deleting a deleted session: %v", err)
		}
	})
}

func TestSessionExpiryTimeZone(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		u := createUser(t, s, "ada")
		london, err := time.LoadLocation("Europe/London")
		if err != nil {
			t.Skipf("no time zone data: %v", err)
		}
		expires := testTime.In(london)
		sess := &imhars.Session{TokenHash: "h", UserID: u.ID, CSRFToken: "c", ExpiresAt: expires}
		if err := s.CreateSession(ctx, sess); err != nil {
			t.Fatal(err)
		}
		if sess.ExpiresAt.Location() != time.UTC || !sess.ExpiresAt.Equal(expires) {
			t.Errorf("ExpiresAt = %v, want %v in UTC", sess.ExpiresAt, expires)
		}
		// One microsecond before expiry, compared in another zone, still works.
		if _, err := s.SessionByTokenHash(ctx, "h", expires.Add(-time.Microsecond)); err != nil {
			t.Errorf("session one microsecond before expiry: %v", err)
		}
	})
}

func TestPendingForm(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		if err := s.SavePendingForm(ctx, "form1", "/schools/1", "rating=2", testTime); err != nil {
			t.Fatal(err)
		}
		path, values, err := s.TakePendingForm(ctx, "form1", testTime.Add(-time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		if path != "/schools/1" || values != "rating=2" {
			t.Errorf("TakePendingForm = %q, %q, want /schools/1, rating=2", path, values)
		}

		_, _, err = s.TakePendingForm(ctx, "form1", testTime.Add(-time.Minute))
		wantNotFound(t, err)
	})
}

func TestPendingFormExpired(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		if err := s.SavePendingForm(ctx, "form1", "/p", "v", testTime); err != nil {
			t.Fatal(err)
		}
		path, values, err := s.TakePendingForm(ctx, "form1", testTime)
		wantNotFound(t, err)
		if path != "" || values != "" {
			t.Errorf("expired form returned %q, %q", path, values)
		}
	})
}

func TestDeleteExpired(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		u := createUser(t, s, "ada")
		for _, sess := range []*imhars.Session{
			{TokenHash: "old", UserID: u.ID, ExpiresAt: testTime},
			{TokenHash: "new", UserID: u.ID, ExpiresAt: testTime.Add(time.Hour)},
		} {
			if err := s.CreateSession(ctx, sess); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.SavePendingForm(ctx, "oldform", "/p", "v", testTime); err != nil {
			t.Fatal(err)
		}
		if err := s.SavePendingForm(ctx, "newform", "/p", "v", testTime.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}

		if err := s.DeleteExpired(ctx, testTime); err != nil {
			t.Fatal(err)
		}

		past := testTime.Add(-time.Hour)
		_, err := s.SessionByTokenHash(ctx, "old", past)
		wantNotFound(t, err)
		if _, err := s.SessionByTokenHash(ctx, "new", past); err != nil {
			t.Errorf("unexpired session: %v", err)
		}
		_, _, err = s.TakePendingForm(ctx, "oldform", past)
		wantNotFound(t, err)
		if _, _, err := s.TakePendingForm(ctx, "newform", past); err != nil {
			t.Errorf("unexpired form: %v", err)
		}
	})
}
