package sqlstore_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// addRecipients adds one recipient per name, with email name@school.example
// and token hash "hash-" + name.
func addRecipients(t testing.TB, s *sqlstore.Store, questionnaireID int64, names ...string) {
	t.Helper()
	var rs []imhars.Recipient
	for _, name := range names {
		rs = append(rs, imhars.Recipient{Email: name + "@school.example", Name: name, TokenHash: "hash-" + name})
	}
	if _, err := s.AddRecipients(context.Background(), questionnaireID, rs); err != nil {
		t.Fatalf("add recipients: %v", err)
	}
}

func TestAddRecipients(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		q := createQuestionnaire(t, s, fx.audit, imhars.AudienceStaff, 1)
		staffList := func(batch string) []imhars.Recipient {
			return []imhars.Recipient{
				{Email: "Amy.Lee@School.example", Name: "Amy Lee", Role: "Teacher", TokenHash: batch + "-1"},
				{Email: "amy.lee@school.example ", Name: "Amy again", Role: "Teacher", TokenHash: batch + "-2"},
				{Email: "ben@school.example", Name: "Ben Cole", Role: "SENCo", TokenHash: batch + "-3"},
			}
		}

		first := staffList("first")
		added, err := s.AddRecipients(ctx, q.ID, first)
		if err != nil {
			t.Fatal(err)
		}
		if added != 2 {
			t.Errorf("added %d, want 2: the second Amy differs only in case", added)
		}
		if first[0].ID == 0 || first[1].ID != 0 || first[2].ID == 0 {
			t.Errorf("IDs = %d, %d, %d, want the skipped row alone 0", first[0].ID, first[1].ID, first[2].ID)
		}
		again, err := s.AddRecipients(ctx, q.ID, staffList("second"))
		if err != nil {
			t.Fatal(err)
		}
		if again != 0 {
			t.Errorf("importing the same list again added %d, want 0", again)
		}

		got, err := s.Recipients(ctx, q.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := []imhars.Recipient{
			{ID: first[0].ID, QuestionnaireID: q.ID, Email: "amy.lee@school.example", Name: "Amy Lee",
				Role: "Teacher", TokenHash: "first-1"},
			{ID: first[2].ID, QuestionnaireID: q.ID, Email: "ben@school.example", Name: "Ben Cole",
				Role: "SENCo", TokenHash: "first-3"},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Recipients (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(want[0], first[0]); diff != "" {
			t.Errorf("added recipient in the argument (-stored +argument):\n%s", diff)
		}

		byHash, err := s.RecipientByTokenHash(ctx, "first-3")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(&want[1], byHash); diff != "" {
			t.Errorf("RecipientByTokenHash (-want +got):\n%s", diff)
		}
		_, err = s.RecipientByTokenHash(ctx, "second-3")
		wantNotFound(t, err)
	})
}

func TestAddRecipientsRejects(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		q := createQuestionnaire(t, s, fx.audit, imhars.AudienceStaff, 1)

		_, err := s.AddRecipients(ctx, q.ID+100, []imhars.Recipient{{Email: "a@b.example", TokenHash: "h"}})
		wantNotFound(t, err)
		_, err = s.AddRecipients(ctx, q.ID, []imhars.Recipient{{Email: "a@b.example"}})
		if err == nil {
			t.Error("recipient without a token hash added, want an error")
		}
		list, err := s.Recipients(ctx, q.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 0 {
			t.Errorf("%d recipients stored after rejected imports, want 0", len(list))
		}
	})
}
