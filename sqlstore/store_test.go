package sqlstore_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

func TestOpenAgain(t *testing.T) {
	tests := []struct {
		name string
		dsn  func(testing.TB) string
	}{
		{"sqlite", sqlstoretest.SQLiteDSN},
		{"postgres", sqlstoretest.PostgresDSN},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			dsn := tt.dsn(t)
			s, err := sqlstore.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			u := createUser(t, s, "ada")
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}

			s, err = sqlstore.Open(ctx, dsn)
			if err != nil {
				t.Fatalf("open a migrated database: %v", err)
			}
			defer s.Close()
			if _, err := s.UserByID(ctx, u.ID); err != nil {
				t.Errorf("user after reopening: %v", err)
			}
			if s.Dialect() != tt.name {
				t.Errorf("Dialect = %q, want %q", s.Dialect(), tt.name)
			}
		})
	}
}

func TestOpenCreatesSQLiteFile(t *testing.T) {
	path := sqlstoretest.SQLiteDSN(t)
	s, err := sqlstore.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database file: %v", err)
	}
}

func TestOpenErrors(t *testing.T) {
	tests := []struct {
		name string
		dsn  string
	}{
		{"empty path", ""},
		{"missing directory", filepath.Join(t.TempDir(), "missing", "imhars.db")},
		{"bad SQLite parameter", filepath.Join(t.TempDir(), "imhars.db") + "?_txlock=sometimes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := sqlstore.Open(context.Background(), tt.dsn)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
		})
	}
}

func TestPing(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		if err := s.Ping(context.Background()); err != nil {
			t.Error(err)
		}
	})
}
