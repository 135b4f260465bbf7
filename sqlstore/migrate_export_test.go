package sqlstore

import (
	"context"
	"fmt"
	"strings"
)

// OpenAtVersion opens the database at dsn like Open but applies only the
// migrations up to version, so that a test can fill a database as an
// older release left it and then call Migrate.
func OpenAtVersion(ctx context.Context, dsn string, version int) (*Store, error) {
	var s *Store
	var err error
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		s, err = openPostgres(dsn)
	} else {
		s, err = openSQLite(dsn)
	}
	if err != nil {
		return nil, err
	}
	ms, err := loadMigrations(s.dialect)
	if err != nil {
		s.Close()
		return nil, err
	}
	err = s.inTx(ctx, func(c conn) error {
		create := migrationTypes[s.dialect].Replace(`CREATE TABLE schema_migrations (
			version INTEGER PRIMARY KEY,
			applied_at {{time}} NOT NULL
		)`)
		if _, err := c.exec(ctx, create); err != nil {
			return err
		}
		for _, m := range ms {
			if m.version > version {
				break
			}
			if err := applyMigration(ctx, c, m); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("migrate to version %d: %w", version, err)
	}
	return s, nil
}

// Migrate applies the migrations not yet applied.
func (s *Store) Migrate(ctx context.Context) error { return s.migrate(ctx) }

// ExecSQL runs trusted SQL with ? placeholders on the write connection, for
// tests that inspect the schema.
func (s *Store) ExecSQL(ctx context.Context, query string, args ...any) error {
	_, err := s.writer().exec(ctx, query, args...)
	return err
}

// QueryStrings runs trusted SQL with ? placeholders and returns the first
// column of every row as text.
func (s *Store) QueryStrings(ctx context.Context, query string, args ...any) ([]string, error) {
	return queryAll(ctx, s.reader(), func(r scanner) (string, error) {
		var v string
		err := r.Scan(&v)
		return v, err
	}, query, args...)
}
