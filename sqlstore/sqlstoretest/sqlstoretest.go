// Package sqlstoretest opens fresh sqlstore databases for tests: always a
// SQLite file in a temporary directory, and also a PostgreSQL schema when
// the IMHARS_TEST_POSTGRES environment variable names a server.
package sqlstoretest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/imhars/imhars/sqlstore"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// EnvPostgres is the environment variable holding a postgres:// URL of a
// server where the user may create and drop schemas, such as
// postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable.
const EnvPostgres = "IMHARS_TEST_POSTGRES"

// EnvRequireFull, when set to 1, makes PostgreSQL tests fail instead of
// skipping when EnvPostgres is unset, so that CI cannot pass without them.
const EnvRequireFull = "IMHARS_REQUIRE_FULL"

// ForEach runs fn as a subtest named "sqlite" with a fresh SQLite store,
// then as one named "postgres" with a fresh PostgreSQL store, which is
// skipped when EnvPostgres is unset unless EnvRequireFull is 1.
func ForEach(t *testing.T, fn func(t *testing.T, s *sqlstore.Store)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, OpenSQLite(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, OpenPostgres(t)) })
}

// OpenSQLite returns a store on a new SQLite file that is removed when the
// test ends.
func OpenSQLite(t testing.TB) *sqlstore.Store {
	t.Helper()
	return open(t, SQLiteDSN(t))
}

// OpenPostgres returns a store on a new, empty PostgreSQL schema that is
// dropped when the test ends. It skips the test when EnvPostgres is unset,
// or fails it when EnvRequireFull is 1.
func OpenPostgres(t testing.TB) *sqlstore.Store {
	t.Helper()
	return open(t, PostgresDSN(t))
}

// SQLiteDSN returns the path of a SQLite file, not yet created, in a
// temporary directory that is removed when the test ends.
func SQLiteDSN(t testing.TB) string {
	return filepath.Join(t.TempDir(), "imhars.db")
}

// PostgresDSN creates a schema with a random name and returns a URL whose
// search_path selects it, so that tests running at once do not share
// tables. The schema is dropped when the test ends. It skips the test when
// EnvPostgres is unset, or fails it when EnvRequireFull is 1.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvPostgres)
	if base == "" {
		if os.Getenv(EnvRequireFull) == "1" {
			t.Fatal("PostgreSQL tests cannot run: set " + EnvPostgres + " to a postgres:// URL, or unset " +
				EnvRequireFull + " to let them skip")
		}
		t.Skip("PostgreSQL tests skipped: set " + EnvPostgres + " to a postgres:// URL to run them")
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parse %s: %v", EnvPostgres, err)
	}

	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("open PostgreSQL: %v", err)
	}
	schema := "imhars_test_" + randomHex(t, 8)
	if _, err := admin.ExecContext(context.Background(), "CREATE SCHEMA "+schema); err != nil {
		admin.Close()
		t.Fatalf("create schema %s: %v", schema, err)
	}
	t.Cleanup(func() {
		defer admin.Close()
		if _, err := admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})

	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func open(t testing.TB, dsn string) *sqlstore.Store {
	t.Helper()
	s, err := sqlstore.Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close store: %v", err)
		}
	})
	return s
}

func randomHex(t testing.TB, n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatalf("read random bytes: %v", err)
	}
	return hex.EncodeToString(b)
}
