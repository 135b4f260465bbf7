package sqlstore_test

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// groupResponse returns a response to q's items "i1" to "i3".
func groupResponse(q *imhars.Questionnaire, first int) *imhars.Response {
	return &imhars.Response{QuestionnaireID: q.ID, SubmittedOn: submittedOn,
		Answers: []imhars.Answer{{ItemID: "i1", Value: first}, {ItemID: "i2", DontKnow: true}, {ItemID: "i3", Value: 3}}}
}

func TestSubmitResponsesGroup(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		q := createQuestionnaire(t, s, newAuditFixture(t, s).audit, imhars.AudienceStaff, 3)
		if _, err := s.SubmitResponse(ctx, groupResponse(q, 1), "stored-before", ""); err != nil {
			t.Fatal(err)
		}

		subs := []sqlstore.Submission{
			{Response: groupResponse(q, 2), Key: "a"},
			{Response: groupResponse(q, 3), Key: "b"},
			{Response: groupResponse(q, 4), Key: "a"},
			{Response: groupResponse(q, 5), Key: "stored-before"},
		}
		results := s.SubmitResponses(ctx, subs)
		want := []sqlstore.SubmitResult{{}, {}, {Duplicate: true}, {Duplicate: true}}
		if diff := cmp.Diff(want, results); diff != "" {
			t.Fatalf("results (-want +got):\n%s", diff)
		}
		for i, sub := range subs {
			if stored := !results[i].Duplicate; (sub.Response.ID != "") != stored {
				t.Errorf("submission %d has ID %q; stored = %v", i, sub.Response.ID, stored)
			}
		}

		list, err := s.Responses(ctx, q.ID)
		if err != nil {
			t.Fatal(err)
		}
		var firstValues []int
		for _, r := range list {
			firstValues = append(firstValues, r.Answers[0].Value)
		}
		slices.Sort(firstValues)
		if diff := cmp.Diff([]int{1, 2, 3}, firstValues); diff != "" {
			t.Errorf("stored responses by first answer (-want +got):\n%s", diff)
		}
	})
}

func TestSubmitResponsesBadOneFailsAlone(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		q := createQuestionnaire(t, s, newAuditFixture(t, s).audit, imhars.AudienceStaff, 3)
		bad := groupResponse(q, 1)
		bad.Answers = append(bad.Answers, imhars.Answer{ItemID: "i99", Value: 2})
		subs := []sqlstore.Submission{
			{Response: groupResponse(q, 2), Key: "good-1"},
			{Response: bad, Key: "bad"},
			{Response: groupResponse(q, 4), Key: ""},
			{Response: groupResponse(q, 5), Key: "good-2"},
		}
		results := s.SubmitResponses(ctx, subs)

		for _, i := range []int{0, 3} {
			if results[i].Err != nil || results[i].Duplicate {
				t.Errorf("submission %d = %+v, want stored", i, results[i])
			}
		}
		wantCode(t, results[1].Err, imhars.EINVALID)
		if results[2].Err == nil {
			t.Error("a submission without a key was stored")
		}
		n, err := s.RespondentCount(ctx, q.ID)
		if err != nil {
			t.Fatal(err)
		}
		if n != 2 {
			t.Errorf("%d responses stored, want the 2 good ones", n)
		}
	})
}

func TestSubmitResponsesMarksRecipients(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		q := createQuestionnaire(t, s, newAuditFixture(t, s).audit, imhars.AudienceStaff, 3)
		rs := []imhars.Recipient{
			{Email: "ann@example.org", TokenHash: "hash-ann"},
			{Email: "bob@example.org", TokenHash: "hash-bob"},
		}
		if _, err := s.AddRecipients(ctx, q.ID, rs); err != nil {
			t.Fatal(err)
		}
		subs := []sqlstore.Submission{
			{Response: groupResponse(q, 2), Key: "k1", RecipientTokenHash: "hash-ann"},
			{Response: groupResponse(q, 3), Key: "k2"},
		}
		for i, res := range s.SubmitResponses(ctx, subs) {
			if res.Err != nil {
				t.Fatalf("submission %d: %v", i, res.Err)
			}
		}

		got, err := s.Recipients(ctx, q.ID)
		if err != nil {
			t.Fatal(err)
		}
		responded := map[string]bool{}
		for _, r := range got {
			responded[r.Email] = r.Responded
		}
		want := map[string]bool{"ann@example.org": true, "bob@example.org": false}
		if diff := cmp.Diff(want, responded); diff != "" {
			t.Errorf("responded (-want +got):\n%s", diff)
		}
	})
}
