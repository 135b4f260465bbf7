package sqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// TestAnswerCountsFollowRows changes answers with plain SQL, as any other
// code might, and checks that the counts still match the rows.
func TestAnswerCountsFollowRows(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		dsn := sqlstoretest.SQLiteDSN(t)
		checkAnswerCountsFollowRows(t, dsn, "sqlite", dsn+"?_pragma=foreign_keys(1)", "?")
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := sqlstoretest.PostgresDSN(t)
		checkAnswerCountsFollowRows(t, dsn, "pgx", dsn, "$1")
	})
}

// checkAnswerCountsFollowRows opens the store at dsn and the same database
// at rawDSN with driver, whose first placeholder is param.
func checkAnswerCountsFollowRows(t *testing.T, dsn, driver, rawDSN, param string) {
	ctx := context.Background()
	s, err := sqlstore.Open(ctx, dsn)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	defer s.Close()
	db, err := sql.Open(driver, rawDSN)
	if err != nil {
		t.Fatalf("open database: %v", err)
	}
	defer db.Close()

	fx := newAuditFixture(t, s)
	q := createQuestionnaire(t, s, fx.audit, imhars.AudienceStaff, 2)
	submitAll(t, s, q.ID, "r", 3, 4, "i1", "i2")
	list, err := s.Responses(ctx, q.ID)
	if err != nil {
		t.Fatal(err)
	}

	_, err = db.ExecContext(ctx, "DELETE FROM answers WHERE response_id = "+param+" AND item_id = 'i2'", list[0].ID)
	if err != nil {
		t.Fatalf("delete answer: %v", err)
	}
	if diff := cmp.Diff(map[string]int{"i1": 3, "i2": 2}, answerTotals(t, s, q.ID)); diff != "" {
		t.Errorf("answers per item after deleting one (-want +got):\n%s", diff)
	}
	_, err = db.ExecContext(ctx, "DELETE FROM responses WHERE id = "+param, list[1].ID)
	if err != nil {
		t.Fatalf("delete response: %v", err)
	}
	if diff := cmp.Diff(map[string]int{"i1": 2, "i2": 1}, answerTotals(t, s, q.ID)); diff != "" {
		t.Errorf("answers per item after deleting a response (-want +got):\n%s", diff)
	}
	_, err = db.ExecContext(ctx, `INSERT INTO answers (response_id, questionnaire_id, item_id, value, dont_know)
		VALUES (`+param+`, `+paramN(param, 2)+`, 'i2', 0, TRUE)`, list[0].ID, q.ID)
	if err != nil {
		t.Fatalf("insert answer: %v", err)
	}
	counts, err := s.AnswerCounts(ctx, q.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := imhars.ItemCounts{ItemID: "i2", ByValue: map[int]int{4: 1}, DontKnow: 1}
	if diff := cmp.Diff(want, counts["i2"]); diff != "" {
		t.Errorf("counts of i2 after inserting an answer (-want +got):\n%s", diff)
	}
}

// paramN returns the n-th placeholder in the style of first.
func paramN(first string, n int) string {
	if first == "?" {
		return "?"
	}
	return fmt.Sprintf("$%d", n)
}

func TestDeleteSchoolWithResponses(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		q := createQuestionnaire(t, s, fx.audit, imhars.AudienceStaff, 3)
		submitAll(t, s, q.ID, "r", 5, 2, "i1", "i2", "i3")
		addRecipients(t, s, q.ID, "amy")

		if err := s.DeleteSchool(ctx, fx.school.ID); err != nil {
			t.Fatal(err)
		}
		_, err := s.QuestionnaireByLink(ctx, q.LinkID)
		wantNotFound(t, err)
		n, err := s.RespondentCount(ctx, q.ID)
		if err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("RespondentCount = %d after deleting the school, want 0", n)
		}
		if got := answerTotals(t, s, q.ID); len(got) != 0 {
			t.Errorf("answer counts after deleting the school = %v, want none", got)
		}
	})
}
