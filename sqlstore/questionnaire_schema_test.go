package sqlstore_test

import (
	"context"
	"database/sql"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// anonymousColumns are the only columns allowed in the tables that hold
// anonymous answers, and in recipients, which must not record when anyone
// responded. A new column here must identify no one: no name, account,
// email, class, address, browser, token or time finer than the day.
var anonymousColumns = map[string][]string{
	"responses":       {"id", "questionnaire_id", "submitted_on"},
	"answers":         {"dont_know", "item_id", "questionnaire_id", "response_id", "value"},
	"comments":        {"component_key", "flagged", "id", "phrase", "questionnaire_id", "response_id", "reviewed_at", "reviewed_by", "text"},
	"submission_keys": {"key_hash", "questionnaire_id"},
	"recipients":      {"email", "id", "name", "questionnaire_id", "responded", "role", "token_hash"},
}

func TestAnonymousSchema(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		dsn := sqlstoretest.SQLiteDSN(t)
		checkAnonymousSchema(t, dsn, "sqlite", "SELECT name FROM pragma_table_info(?)")
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := sqlstoretest.PostgresDSN(t)
		checkAnonymousSchema(t, dsn, "pgx", `SELECT column_name FROM information_schema.columns
			WHERE table_schema = current_schema() AND table_name = $1`)
	})
}

func checkAnonymousSchema(t *testing.T, dsn, driver, columnsQuery string) {
	ctx := context.Background()
	s, err := sqlstore.Open(ctx, dsn)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	s.Close()
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatalf("open database: %v", err)
	}
	defer db.Close()

	for table, want := range anonymousColumns {
		t.Run(table, func(t *testing.T) {
			got := columnNames(t, db, columnsQuery, table)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("columns of %s (-allowed +got):\n%s", table, diff)
			}
		})
	}
}

func columnNames(t *testing.T, db *sql.DB, query, table string) []string {
	t.Helper()
	rows, err := db.QueryContext(context.Background(), query, table)
	if err != nil {
		t.Fatalf("list columns of %s: %v", table, err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatalf("list columns of %s: %v", table, err)
		}
		names = append(names, name)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("list columns of %s: %v", table, err)
	}
	slices.Sort(names)
	return names
}
