package sqlstore_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// submitComments submits one response with a comment on ethos for each
// text, flagging those given a phrase in flags.
func submitComments(t *testing.T, s *sqlstore.Store, q *imhars.Questionnaire, flags map[string]string,
	texts ...string) {
	t.Helper()
	for _, text := range texts {
		c := imhars.Comment{ComponentKey: "ethos", Text: text, Phrase: flags[text]}
		c.Flagged = c.Phrase != ""
		r := &imhars.Response{QuestionnaireID: q.ID, SubmittedOn: submittedOn,
			Answers: []imhars.Answer{{ItemID: "i1", Value: 3}}, Comments: []imhars.Comment{c}}
		if _, err := s.SubmitResponse(context.Background(), r, text, ""); err != nil {
			t.Fatal(err)
		}
	}
}

// flaggedPhrases returns the phrase of each flagged comment of the
// school, by text.
func flaggedPhrases(t *testing.T, s *sqlstore.Store, schoolID int64) map[string]string {
	t.Helper()
	list, err := s.FlaggedComments(context.Background(), schoolID)
	if err != nil {
		t.Fatal(err)
	}
	phrases := make(map[string]string)
	for _, f := range list {
		phrases[f.Text] = f.Phrase
	}
	return phrases
}

func TestRecheckComments(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		other := newAuditFixtureNamed(t, s, "other")
		staff := createQuestionnaire(t, s, fx.audit, imhars.AudienceStaff, 1)
		pupils := createQuestionnaire(t, s, fx.audit, imhars.AudiencePupils11to18, 1)
		otherQ := createQuestionnaire(t, s, other.audit, imhars.AudienceStaff, 1)
		submitComments(t, s, staff, map[string]string{"I want to hurt myself.": "hurt myself"},
			"I want to hurt myself.", "Lunch is too short.", "Nobody checks on the Year 9s.")
		submitComments(t, s, pupils, nil, "I sleep rough some nights.", "Lunch queues are long.")
		submitComments(t, s, otherQ, nil, "Lunch is never enough.")

		n, err := s.RecheckComments(ctx, fx.school.ID, []string{"Sleep rough", "lunch", "hurt"})
		if err != nil {
			t.Fatal(err)
		}
		if n != 3 {
			t.Errorf("RecheckComments flagged %d comments, want 3", n)
		}
		want := map[string]string{
			"I want to hurt myself.":     "hurt myself",
			"Lunch is too short.":        "lunch",
			"I sleep rough some nights.": "Sleep rough",
			"Lunch queues are long.":     "lunch",
		}
		if diff := cmp.Diff(want, flaggedPhrases(t, s, fx.school.ID)); diff != "" {
			t.Errorf("flagged comments after the recheck (-want +got):\n%s", diff)
		}
		if got := flaggedPhrases(t, s, other.school.ID); len(got) != 0 {
			t.Errorf("another school's comments were flagged: %v", got)
		}
		unflagged, err := s.Comments(ctx, staff.ID, false)
		if err != nil {
			t.Fatal(err)
		}
		if len(unflagged) != 1 || unflagged[0].Text != "Nobody checks on the Year 9s." {
			t.Errorf("unflagged staff comments = %+v, want only the one matching no phrase", unflagged)
		}

		n, err = s.RecheckComments(ctx, fx.school.ID, []string{"lunch", "sleep rough"})
		if err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("a second recheck flagged %d comments, want 0", n)
		}
		if diff := cmp.Diff(want, flaggedPhrases(t, s, fx.school.ID)); diff != "" {
			t.Errorf("flagged comments after a second recheck (-want +got):\n%s", diff)
		}
	})
}

func TestRecheckCommentsUnknownSchool(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		n, err := s.RecheckComments(context.Background(), 404, []string{"lunch"})
		if err != nil || n != 0 {
			t.Errorf("RecheckComments of an unknown school = %d, %v; want 0, nil", n, err)
		}
	})
}
