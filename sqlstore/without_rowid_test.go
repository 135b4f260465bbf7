package sqlstore_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// anonymousTables hold anonymous responses. On SQLite none may have a
// rowid, which would number rows in the order they were inserted.
var anonymousTables = []string{"responses", "answers", "comments", "submission_keys"}

// submittedComment is the text of the one comment submitted before the
// migration, unique in the database file.
const submittedComment = "Assemblies about kindness are the best part of the week."

// rowidMigration is a database filled at version 4, before the tables of
// anonymous responses were rebuilt, with the ids of its responses in the
// order they were submitted.
type rowidMigration struct {
	store     *sqlstore.Store
	dsn       string
	fixture   auditFixture
	q         *imhars.Questionnaire
	submitted []string
}

func TestWithoutRowidMigration(t *testing.T) {
	tests := []struct {
		name string
		dsn  func(testing.TB) string
	}{
		{"sqlite", sqlstoretest.SQLiteDSN},
		{"postgres", sqlstoretest.PostgresDSN},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := fillVersion4(t, tt.dsn(t))
			if m.store.Dialect() == "sqlite" {
				got, err := m.store.QueryStrings(context.Background(), "SELECT id FROM responses ORDER BY rowid")
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(m.submitted, got); diff != "" {
					t.Fatalf("before the migration, rowid order is not submission order (-submitted +got):\n%s", diff)
				}
			}
			if err := m.store.Migrate(context.Background()); err != nil {
				t.Fatalf("migrate: %v", err)
			}
			t.Run("no rowid", func(t *testing.T) { checkNoRowid(t, m.store) })
			t.Run("unordered scans", func(t *testing.T) { checkUnorderedScans(t, m.store, m.submitted) })
			t.Run("rows kept", func(t *testing.T) { checkRowsKept(t, m) })
			t.Run("old rows erased", func(t *testing.T) { checkOldRowsErased(t, m) })
			t.Run("schema", func(t *testing.T) { checkRebuiltSchema(t, m.store) })
			t.Run("answer counts", func(t *testing.T) { checkCountTriggers(t, m) })
			t.Run("cascade", func(t *testing.T) { checkCascade(t, m) })
		})
	}
}

// fillVersion4 opens dsn at migration 4 and submits 12 responses, three
// with a comment and one with a flagged comment.
func fillVersion4(t *testing.T, dsn string) *rowidMigration {
	t.Helper()
	ctx := context.Background()
	s, err := sqlstore.OpenAtVersion(ctx, dsn, 4)
	if err != nil {
		t.Fatalf("open at version 4: %v", err)
	}
	t.Cleanup(func() { s.Close() })

	m := &rowidMigration{store: s, dsn: dsn, fixture: newAuditFixture(t, s)}
	m.q = createQuestionnaire(t, s, m.fixture.audit, imhars.AudienceStaff, 2)
	for i := range 12 {
		r := &imhars.Response{QuestionnaireID: m.q.ID, SubmittedOn: submittedOn,
			Answers: []imhars.Answer{{ItemID: "i1", Value: 1 + i%5}, {ItemID: "i2", DontKnow: true}}}
		switch i {
		case 3:
			r.Comments = []imhars.Comment{{ComponentKey: "ethos", Text: submittedComment}}
		case 5, 9:
			r.Comments = []imhars.Comment{{ComponentKey: "ethos", Text: fmt.Sprintf("Comment %d.", i)}}
		case 7:
			r.Comments = []imhars.Comment{{ComponentKey: "ethos", Text: "I want to hurt myself.",
				Flagged: true, Phrase: "hurt myself"}}
		}
		if _, err := s.SubmitResponse(ctx, r, fmt.Sprintf("key-%d", i), ""); err != nil {
			t.Fatal(err)
		}
		m.submitted = append(m.submitted, r.ID)
	}
	if slices.IsSorted(m.submitted) {
		t.Fatal("the random response ids happen to be in submission order; run the test again")
	}
	return m
}

// checkNoRowid asserts that no name of SQLite's hidden rowid is a column
// of the anonymous tables.
func checkNoRowid(t *testing.T, s *sqlstore.Store) {
	if s.Dialect() != "sqlite" {
		t.Skip("PostgreSQL tables have no rowid")
	}
	for _, table := range anonymousTables {
		for _, column := range []string{"rowid", "_rowid_", "oid"} {
			t.Run(table+"."+column, func(t *testing.T) {
				_, err := s.QueryStrings(context.Background(), "SELECT "+column+" FROM "+table)
				if err == nil || !strings.Contains(err.Error(), "no such column") {
					t.Errorf("SELECT %s FROM %s: error %v, want no such column", column, table, err)
				}
			})
		}
	}
}

// checkUnorderedScans asserts that SQLite returns rows read without ORDER
// BY in the order of their random keys, not in submission order. With one
// questionnaire, every index of these tables, which ends with the primary
// key, lists rows in key order too.
func checkUnorderedScans(t *testing.T, s *sqlstore.Store, submitted []string) {
	if s.Dialect() != "sqlite" {
		t.Skip("a PostgreSQL heap may keep insertion order, as migration 0005 notes")
	}
	ctx := context.Background()
	for _, tt := range []struct{ table, column string }{
		{"responses", "id"}, {"answers", "response_id"}, {"submission_keys", "key_hash"},
	} {
		got, err := s.QueryStrings(ctx, "SELECT "+tt.column+" FROM "+tt.table+"")
		if err != nil {
			t.Fatal(err)
		}
		if !slices.IsSorted(got) {
			t.Errorf("SELECT %s FROM %s is not in key order: %q", tt.column, tt.table, got)
		}
	}
	got, err := s.QueryStrings(ctx, "SELECT id FROM responses")
	if err != nil {
		t.Fatal(err)
	}
	if slices.Equal(got, submitted) {
		t.Errorf("SELECT id FROM responses lists responses in submission order")
	}
	ids, err := s.QueryStrings(ctx, "SELECT id FROM comments WHERE NOT flagged")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.IsSortedFunc(ids, func(a, b string) int { return compareInts(t, a, b) }) {
		t.Errorf("SELECT id FROM comments WHERE NOT flagged is not in key order: %q", ids)
	}
}

func compareInts(t *testing.T, a, b string) int {
	x, errA := strconv.ParseInt(a, 10, 64)
	y, errB := strconv.ParseInt(b, 10, 64)
	if errA != nil || errB != nil {
		t.Fatalf("comment ids %q and %q are not integers", a, b)
	}
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

func checkRowsKept(t *testing.T, m *rowidMigration) {
	ctx := context.Background()
	list, err := m.store.Responses(ctx, m.q.ID)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range list {
		ids = append(ids, r.ID)
		if len(r.Answers) != 2 {
			t.Errorf("response %s has %d answers after the migration, want 2", r.ID, len(r.Answers))
		}
	}
	if diff := cmp.Diff(slices.Sorted(slices.Values(m.submitted)), ids); diff != "" {
		t.Errorf("responses after the migration (-want +got):\n%s", diff)
	}
	comments, err := m.store.Comments(ctx, m.q.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, c := range comments {
		texts = append(texts, c.Text)
	}
	slices.Sort(texts)
	if diff := cmp.Diff([]string{submittedComment, "Comment 5.", "Comment 9."}, texts); diff != "" {
		t.Errorf("unflagged comments after the migration (-want +got):\n%s", diff)
	}
	flagged, err := m.store.FlaggedComments(ctx, m.fixture.school.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(flagged) != 1 || flagged[0].Phrase != "hurt myself" {
		t.Errorf("flagged comments after the migration = %+v, want the one submitted", flagged)
	}
	dup, err := m.store.SubmitResponse(ctx, &imhars.Response{QuestionnaireID: m.q.ID}, "key-0", "")
	if err != nil {
		t.Fatal(err)
	}
	if !dup {
		t.Error("a submission key stored before the migration is not found after it")
	}
	if diff := cmp.Diff(map[string]int{"i1": 12, "i2": 12}, answerTotals(t, m.store, m.q.ID)); diff != "" {
		t.Errorf("answers per item after the migration (-want +got):\n%s", diff)
	}
}

// checkOldRowsErased asserts that the database file holds the migrated
// comment once, in the new table, and not also in the freed pages of the
// old one.
func checkOldRowsErased(t *testing.T, m *rowidMigration) {
	if m.store.Dialect() != "sqlite" {
		t.Skip("PostgreSQL tables were not rebuilt")
	}
	if err := m.store.ExecSQL(context.Background(), "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(m.dsn)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(data, []byte(submittedComment)); n != 1 {
		t.Errorf("the database file holds the comment %d times, want 1", n)
	}
}

// checkRebuiltSchema asserts that the rebuilt tables have every index and
// trigger, and that foreign keys name the final tables and still hold.
func checkRebuiltSchema(t *testing.T, s *sqlstore.Store) {
	if s.Dialect() != "sqlite" {
		t.Skip("PostgreSQL tables were not rebuilt")
	}
	ctx := context.Background()
	got, err := s.QueryStrings(ctx, `SELECT type || ' ' || name FROM sqlite_schema
		WHERE tbl_name IN ('responses', 'answers', 'comments', 'submission_keys')
			AND name NOT LIKE 'sqlite_autoindex_%' ORDER BY type, name`)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"index answers_questionnaire_id", "index comments_questionnaire_id", "index comments_response_id",
		"index responses_questionnaire_id",
		"table answers", "table comments", "table responses", "table submission_keys",
		"trigger answers_count", "trigger answers_uncount",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("schema objects (-want +got):\n%s", diff)
	}
	parents, err := s.QueryStrings(ctx, `SELECT DISTINCT m.name || ' -> ' || f."table"
		FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
		WHERE m.name IN ('responses', 'answers', 'comments', 'submission_keys') ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	wantParents := []string{
		"answers -> questionnaire_items", "answers -> responses",
		"comments -> questionnaires", "comments -> responses",
		"responses -> questionnaires", "submission_keys -> questionnaires",
	}
	if diff := cmp.Diff(wantParents, parents); diff != "" {
		t.Errorf("foreign keys (-want +got):\n%s", diff)
	}
	violations, err := s.QueryStrings(ctx, `SELECT "table" FROM pragma_foreign_key_check`)
	if err != nil {
		t.Fatal(err)
	}
	if len(violations) > 0 {
		t.Errorf("foreign key violations in %q", violations)
	}
}

func checkCountTriggers(t *testing.T, m *rowidMigration) {
	ctx := context.Background()
	submitAll(t, m.store, m.q.ID, "after", 2, 4, "i1")
	if diff := cmp.Diff(map[string]int{"i1": 14, "i2": 12}, answerTotals(t, m.store, m.q.ID)); diff != "" {
		t.Errorf("answers per item after submitting 2 more (-want +got):\n%s", diff)
	}
	err := m.store.ExecSQL(ctx, "DELETE FROM responses WHERE id = ?", m.submitted[0])
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]int{"i1": 13, "i2": 11}, answerTotals(t, m.store, m.q.ID)); diff != "" {
		t.Errorf("answers per item after deleting a response (-want +got):\n%s", diff)
	}
}

func checkCascade(t *testing.T, m *rowidMigration) {
	ctx := context.Background()
	if err := m.store.DeleteSchool(ctx, m.fixture.school.ID); err != nil {
		t.Fatal(err)
	}
	for _, table := range append(anonymousTables, "answer_counts") {
		n, err := m.store.CountRows(ctx, table, "questionnaire_id = ?", m.q.ID)
		if err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%s has %d rows of the deleted school's questionnaire, want 0", table, n)
		}
	}
}

// TestNewDatabaseWithoutRowid checks the tables of a database created in
// one go, as a new installation creates them.
func TestNewDatabaseWithoutRowid(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		fx := newAuditFixture(t, s)
		q := createQuestionnaire(t, s, fx.audit, imhars.AudienceStaff, 1)
		submitAll(t, s, q.ID, "r", 3, 2, "i1")
		checkNoRowid(t, s)
		checkRebuiltSchema(t, s)
	})
}
