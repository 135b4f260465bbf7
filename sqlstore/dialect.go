package sqlstore

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// dialect is the database a store runs on. Every query is written once
// with ? placeholders, and the dialect rewrites the placeholders, encodes
// time arguments, and names the column types used in migrations.
type dialect int

const (
	dialectSQLite dialect = iota
	dialectPostgres
)

func (d dialect) String() string {
	if d == dialectPostgres {
		return "postgres"
	}
	return "sqlite"
}

// sqliteTimeFormat is the layout of times stored in SQLite: UTC and fixed
// width, so that text order is time order.
const sqliteTimeFormat = "2006-01-02T15:04:05.000000Z"

// rebind rewrites ? placeholders as $1, $2, ... for PostgreSQL. Queries in
// this package contain no ? inside string literals, but quoted text is
// skipped anyway so that a literal cannot shift the numbering.
func (d dialect) rebind(query string) string {
	if d != dialectPostgres || !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 8)
	n := 0
	inQuote := false
	for _, r := range query {
		switch {
		case r == '\'':
			inQuote = !inQuote
			b.WriteRune(r)
		case r == '?' && !inQuote:
			n++
			b.WriteString("$" + strconv.Itoa(n))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// args converts time arguments to the form the dialect stores. Times are
// always truncated to microseconds, the precision of PostgreSQL's
// TIMESTAMPTZ, so that both databases return the same value.
func (d dialect) args(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch t := a.(type) {
		case time.Time:
			out[i] = d.timeValue(t)
		case *time.Time:
			if t != nil {
				out[i] = d.timeValue(*t)
			}
		default:
			out[i] = a
		}
	}
	return out
}

func (d dialect) timeValue(t time.Time) driver.Value {
	t = utcMicro(t)
	if d == dialectSQLite {
		return t.Format(sqliteTimeFormat)
	}
	return t
}

// utcMicro returns t in UTC truncated to microseconds, as stored.
func utcMicro(t time.Time) time.Time {
	return t.UTC().Truncate(time.Microsecond)
}

// timeColumn scans a stored time: a time.Time from PostgreSQL or text in
// sqliteTimeFormat from SQLite.
type timeColumn struct{ t *time.Time }

func (c timeColumn) Scan(src any) error {
	t, err := parseTimeValue(src)
	if err != nil {
		return err
	}
	if t == nil {
		return errors.New("unexpected NULL time")
	}
	*c.t = *t
	return nil
}

// nullTimeColumn scans a stored time that may be NULL.
type nullTimeColumn struct{ t **time.Time }

func (c nullTimeColumn) Scan(src any) error {
	t, err := parseTimeValue(src)
	if err != nil {
		return err
	}
	*c.t = t
	return nil
}

func parseTimeValue(src any) (*time.Time, error) {
	var t time.Time
	switch v := src.(type) {
	case nil:
		return nil, nil
	case time.Time:
		t = v
	case string:
		return parseTimeText(v)
	case []byte:
		return parseTimeText(string(v))
	default:
		return nil, fmt.Errorf("scan time from %T", src)
	}
	t = t.UTC()
	return &t, nil
}

func parseTimeText(s string) (*time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return nil, fmt.Errorf("parse stored time %q: %w", s, err)
	}
	t = t.UTC()
	return &t, nil
}

// PostgreSQL error codes, from the "PostgreSQL Error Codes" appendix.
const (
	pgUniqueViolation      = "23505"
	pgForeignKeyViolation  = "23503"
	pgSerializationFailure = "40001"
	pgDeadlockDetected     = "40P01"
)

func isUniqueViolation(err error) bool {
	if code, ok := sqliteCode(err); ok {
		return code == sqlite3.SQLITE_CONSTRAINT_UNIQUE || code == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	return pgCode(err) == pgUniqueViolation
}

func isForeignKeyViolation(err error) bool {
	if code, ok := sqliteCode(err); ok {
		return code == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY
	}
	return pgCode(err) == pgForeignKeyViolation
}

// isRetryable reports whether PostgreSQL aborted a transaction that would
// succeed if run again. SQLite never reports this here because every write
// goes through one connection.
func isRetryable(err error) bool {
	code := pgCode(err)
	return code == pgSerializationFailure || code == pgDeadlockDetected
}

func sqliteCode(err error) (int, bool) {
	var e *sqlite.Error
	if errors.As(err, &e) {
		return e.Code(), true
	}
	return 0, false
}

func pgCode(err error) string {
	var e *pgconn.PgError
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}
