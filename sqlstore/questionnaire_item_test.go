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

// submitAll stores n responses, each answering every item in itemIDs with
// value, under keys prefix-1, prefix-2, ...
func submitAll(t testing.TB, s *sqlstore.Store, questionnaireID int64, prefix string, n, value int, itemIDs ...string) {
	t.Helper()
	for i := range n {
		r := &imhars.Response{QuestionnaireID: questionnaireID, SubmittedOn: imhars.Date{Year: 2026, Month: 11, Day: 5}}
		for _, id := range itemIDs {
			r.Answers = append(r.Answers, imhars.Answer{ItemID: id, Value: value})
		}
		dup, err := s.SubmitResponse(context.Background(), r, fmt.Sprintf("%s-%d", prefix, i+1), "")
		if err != nil || dup {
			t.Fatalf("submit response %s-%d: duplicate %t, error %v", prefix, i+1, dup, err)
		}
	}
}

// answerTotals returns the number of answers per item, "don't know"
// included.
func answerTotals(t testing.TB, s *sqlstore.Store, questionnaireID int64) map[string]int {
	t.Helper()
	counts, err := s.AnswerCounts(context.Background(), questionnaireID)
	if err != nil {
		t.Fatalf("count answers: %v", err)
	}
	totals := make(map[string]int)
	for id, c := range counts {
		if c.ItemID != id {
			t.Errorf("counts[%q].ItemID = %q", id, c.ItemID)
		}
		totals[id] = c.DontKnow
		for _, n := range c.ByValue {
			totals[id] += n
		}
	}
	return totals
}

func itemIDs(t testing.TB, s *sqlstore.Store, questionnaireID int64, withRetired bool) []string {
	t.Helper()
	items, err := s.Items(context.Background(), questionnaireID, withRetired)
	if err != nil {
		t.Fatalf("list items: %v", err)
	}
	var ids []string
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	return ids
}

func TestRewordItemKeepsAnswers(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		q := createQuestionnaire(t, s, fx.audit, imhars.AudienceStaff, 2)
		submitAll(t, s, q.ID, "r", 3, 4, "i1", "i2")

		if err := s.RewordItem(ctx, q.ID, "i1", "Staff treat each other with respect."); err != nil {
			t.Fatal(err)
		}
		items, err := s.Items(ctx, q.ID, false)
		if err != nil {
			t.Fatal(err)
		}
		if items[0].ID != "i1" || items[0].Text != "Staff treat each other with respect." {
			t.Errorf("first item = %s %q, want i1 with the new text", items[0].ID, items[0].Text)
		}
		if diff := cmp.Diff(map[string]int{"i1": 3, "i2": 3}, answerTotals(t, s, q.ID)); diff != "" {
			t.Errorf("answers per item (-want +got):\n%s", diff)
		}
		wantNotFound(t, s.RewordItem(ctx, q.ID, "i9", "Missing"))
	})
}

func TestRetireItemKeepsAnswers(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		q := createQuestionnaire(t, s, fx.audit, imhars.AudienceStaff, 3)
		submitAll(t, s, q.ID, "r", 2, 5, "i1", "i2", "i3")

		if err := s.RetireItem(ctx, q.ID, "i2"); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"i1", "i3"}, itemIDs(t, s, q.ID, false)); diff != "" {
			t.Errorf("items without retired (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{"i1", "i2", "i3"}, itemIDs(t, s, q.ID, true)); diff != "" {
			t.Errorf("items with retired (-want +got):\n%s", diff)
		}
		if got := answerTotals(t, s, q.ID)["i2"]; got != 2 {
			t.Errorf("answers to retired i2 = %d, want 2", got)
		}
		wantNotFound(t, s.RetireItem(ctx, q.ID, "i9"))
	})
}

func TestAddItem(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		q := createQuestionnaire(t, s, fx.audit, imhars.AudienceStaff, 3)
		submitAll(t, s, q.ID, "r", 2, 3, "i1", "i2", "i3")
		if err := s.RetireItem(ctx, q.ID, "i3"); err != nil {
			t.Fatal(err)
		}

		it := &imhars.Item{QuestionnaireID: q.ID, PracticeKey: "ethos.safe", ComponentKey: "ethos", Text: "New"}
		if err := s.AddItem(ctx, it); err != nil {
			t.Fatal(err)
		}
		if it.ID != "i4" {
			t.Errorf("new item ID = %q, want i4: the retired i3 keeps its id", it.ID)
		}
		if it.Position != 4 {
			t.Errorf("new item Position = %d, want 4, after every item", it.Position)
		}
		if _, ok := answerTotals(t, s, q.ID)["i4"]; ok {
			t.Error("new item has answers, want none")
		}
		if diff := cmp.Diff([]string{"i1", "i2", "i4"}, itemIDs(t, s, q.ID, false)); diff != "" {
			t.Errorf("items (-want +got):\n%s", diff)
		}

		first := &imhars.Item{QuestionnaireID: q.ID, PracticeKey: "ethos.safe", ComponentKey: "ethos",
			Text: "Placed", Position: 1}
		if err := s.AddItem(ctx, first); err != nil {
			t.Fatal(err)
		}
		if first.ID != "i5" || first.Position != 1 {
			t.Errorf("placed item = %s at %d, want i5 at 1", first.ID, first.Position)
		}
		wantNotFound(t, s.AddItem(ctx, &imhars.Item{QuestionnaireID: q.ID + 100, Text: "Lost"}))
	})
}

// TestItemChangesKeepCounts follows a questionnaire changed while open:
// five items with ten responses, then Q2 retired and Q2b added, then five
// more responses.
func TestItemChangesKeepCounts(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		q := createQuestionnaire(t, s, fx.audit, imhars.AudienceStaff, 5)
		submitAll(t, s, q.ID, "before", 10, 4, "i1", "i2", "i3", "i4", "i5")

		if err := s.RetireItem(ctx, q.ID, "i2"); err != nil {
			t.Fatal(err)
		}
		q2b := &imhars.Item{QuestionnaireID: q.ID, PracticeKey: "ethos.safe", ComponentKey: "ethos", Text: "Q2b"}
		if err := s.AddItem(ctx, q2b); err != nil {
			t.Fatal(err)
		}
		submitAll(t, s, q.ID, "after", 5, 2, "i1", "i3", "i4", "i5", q2b.ID)

		want := map[string]int{"i1": 15, "i2": 10, "i3": 15, "i4": 15, "i5": 15, q2b.ID: 5}
		if diff := cmp.Diff(want, answerTotals(t, s, q.ID)); diff != "" {
			t.Errorf("answers per item (-want +got):\n%s", diff)
		}
		counts, err := s.AnswerCounts(ctx, q.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(map[int]int{4: 10, 2: 5}, counts["i3"].ByValue); diff != "" {
			t.Errorf("Q3 answers by value (-want +got):\n%s", diff)
		}
		n, err := s.RespondentCount(ctx, q.ID)
		if err != nil {
			t.Fatal(err)
		}
		if n != 15 {
			t.Errorf("RespondentCount = %d, want 15", n)
		}
	})
}
