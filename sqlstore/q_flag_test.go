package sqlstore_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// commentIDs returns the ids of a questionnaire's comments, flagged ones
// included, by text.
func commentIDs(t *testing.T, s *sqlstore.Store, questionnaireID int64) map[string]int64 {
	t.Helper()
	list, err := s.Comments(context.Background(), questionnaireID, true)
	if err != nil {
		t.Fatal(err)
	}
	ids := make(map[string]int64)
	for _, c := range list {
		ids[c.Text] = c.ID
	}
	return ids
}

func TestFlagComment(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		other := newAuditFixtureNamed(t, s, "other")
		q := createQuestionnaire(t, s, fx.audit, imhars.AudienceStaff, 1)
		otherQ := createQuestionnaire(t, s, other.audit, imhars.AudienceStaff, 1)
		submitComments(t, s, q, map[string]string{"I want to hurt myself.": "hurt myself"},
			"I want to hurt myself.", "Year 9 seem withdrawn since the trip.", "Lunch is fine.")
		submitComments(t, s, otherQ, nil, "Another school's comment.")
		ids := commentIDs(t, s, q.ID)
		otherID := commentIDs(t, s, otherQ.ID)["Another school's comment."]

		if err := s.FlagComment(ctx, fx.school.ID, ids["Year 9 seem withdrawn since the trip."], "Mo Member"); err != nil {
			t.Fatal(err)
		}
		if err := s.FlagComment(ctx, fx.school.ID, ids["I want to hurt myself."], "Mo Member"); err != nil {
			t.Errorf("sending a comment already flagged: %v", err)
		}
		want := map[string]string{
			"I want to hurt myself.":                "hurt myself",
			"Year 9 seem withdrawn since the trip.": sqlstore.SentByTeamPhrase,
		}
		if diff := cmp.Diff(want, flaggedPhrases(t, s, fx.school.ID)); diff != "" {
			t.Errorf("flagged comments (-want +got):\n%s", diff)
		}
		unflagged, err := s.Comments(ctx, q.ID, false)
		if err != nil {
			t.Fatal(err)
		}
		if len(unflagged) != 1 || unflagged[0].Text != "Lunch is fine." {
			t.Errorf("unflagged comments = %+v, want only the one not sent", unflagged)
		}

		events, err := s.Events(ctx, fx.school.ID)
		if err != nil {
			t.Fatal(err)
		}
		var sent []string
		for _, e := range events {
			if e.Action == "safeguarding.sent" {
				sent = append(sent, e.UserName+": "+e.Detail)
			}
		}
		wantSent := []string{
			fmt.Sprintf("Mo Member: Comment %d sent to the safeguarding lead", ids["I want to hurt myself."]),
			fmt.Sprintf("Mo Member: Comment %d sent to the safeguarding lead", ids["Year 9 seem withdrawn since the trip."]),
		}
		if diff := cmp.Diff(wantSent, sent); diff != "" {
			t.Errorf("events of sent comments, newest first (-want +got):\n%s", diff)
		}

		tests := []struct {
			name      string
			schoolID  int64
			commentID int64
		}{
			{"another school's comment", fx.school.ID, otherID},
			{"sent as another school", other.school.ID, ids["Lunch is fine."]},
			{"unknown comment", fx.school.ID, 42},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				wantNotFound(t, s.FlagComment(ctx, tt.schoolID, tt.commentID, "Mo Member"))
			})
		}
		if got := flaggedPhrases(t, s, other.school.ID); len(got) != 0 {
			t.Errorf("another school's comments were flagged: %v", got)
		}
	})
}
