// Package sqlstore implements imhars.Store on SQLite and PostgreSQL through
// database/sql. Both databases run the same queries: they are written with
// ? placeholders, and the small differences between the two (placeholder
// style, time encoding, column types, error codes) live in dialect.go.
//
// On SQLite every write goes through a single connection, so concurrent
// writers queue in Go instead of failing with SQLITE_BUSY, while reads use
// a separate pool that WAL mode lets run beside the writer.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/imhars/imhars"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)

// Store is an imhars.Store backed by SQLite or PostgreSQL.
type Store struct {
	dialect dialect
	db      *sql.DB // reads
	wdb     *sql.DB // writes; one connection on SQLite, the same pool as db on PostgreSQL

	mu         sync.Mutex
	frameworks map[int64]*imhars.Framework // parsed frameworks by id; stored frameworks never change
}

var _ imhars.Store = (*Store)(nil)

// sqlitePragmas are set on every SQLite connection. WAL lets reads run
// while a write is in progress. In WAL mode, synchronous NORMAL may roll
// back the last commits after a power loss or operating-system crash but
// does not corrupt the file (SQLite documentation, PRAGMA synchronous).
// busy_timeout, in milliseconds, makes a connection wait for a lock held by
// another process, such as a backup, instead of failing at once.
const sqlitePragmas = "_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)" +
	"&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)"

// The write connection takes the write lock when a transaction begins, not
// at its first write. A transaction that reads first then waits, for up to
// busy_timeout, for another process's write, where a deferred one would
// fail at once with SQLITE_BUSY. Read connections are made read-only.
const (
	sqliteWriteParams = "&_txlock=immediate"
	sqliteReadParams  = "&_pragma=query_only(1)"
)

// maxPostgresConns keeps one process well below PostgreSQL's default
// max_connections of 100, so that several instances can share a server.
const maxPostgresConns = 10

// Open connects to the database named by dsn and applies any migrations
// not yet applied. A dsn starting with postgres:// or postgresql:// opens
// PostgreSQL; anything else is a SQLite file path, created if missing, to
// which SQLite URI parameters may be appended after a ?.
func Open(ctx context.Context, dsn string) (*Store, error) {
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

	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("migrate %s database: %w", s.dialect, err)
	}
	return s, nil
}

func openPostgres(dsn string) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("open PostgreSQL database: %w", err)
	}
	db.SetMaxOpenConns(maxPostgresConns)
	db.SetMaxIdleConns(maxPostgresConns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	return newStore(dialectPostgres, db, db), nil
}

func openSQLite(path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("open SQLite database: empty file path")
	}
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	wdb, err := sql.Open("sqlite", path+sep+sqlitePragmas+sqliteWriteParams)
	if err != nil {
		return nil, fmt.Errorf("open SQLite database %q: %w", path, err)
	}
	wdb.SetMaxOpenConns(1)
	wdb.SetConnMaxLifetime(0)
	wdb.SetConnMaxIdleTime(0)

	db, err := sql.Open("sqlite", path+sep+sqlitePragmas+sqliteReadParams)
	if err != nil {
		wdb.Close()
		return nil, fmt.Errorf("open SQLite database %q: %w", path, err)
	}
	// Each SQLite connection keeps its own page cache, so the read pool is
	// capped near the number of cores, and idle connections are kept
	// open so that they need not be opened again.
	readers := max(4, runtime.NumCPU())
	db.SetMaxOpenConns(readers)
	db.SetMaxIdleConns(readers)
	return newStore(dialectSQLite, db, wdb), nil
}

func newStore(d dialect, db, wdb *sql.DB) *Store {
	return &Store{dialect: d, db: db, wdb: wdb, frameworks: make(map[int64]*imhars.Framework)}
}

// Close closes the database connections.
func (s *Store) Close() error {
	err := s.wdb.Close()
	if s.db != s.wdb {
		err = errors.Join(err, s.db.Close())
	}
	return err
}

// Ping checks that the database responds, for health checks. It uses a
// read connection, so it does not wait for a write in progress on SQLite.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.db.PingContext(ctx); err != nil {
		return fmt.Errorf("ping %s database: %w", s.dialect, err)
	}
	return nil
}

// Dialect returns "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.dialect.String() }

// reader runs queries on the read pool.
func (s *Store) reader() conn { return conn{q: s.db, d: s.dialect} }

// writer runs single statements on the write pool.
func (s *Store) writer() conn { return conn{q: s.wdb, d: s.dialect} }

// maxTxAttempts bounds how often a transaction that PostgreSQL aborted as a
// serialization failure or deadlock is run again.
const maxTxAttempts = 5

// inTx runs fn in a write transaction and commits it when fn returns nil.
func (s *Store) inTx(ctx context.Context, fn func(c conn) error) error {
	return s.runTx(ctx, nil, fn)
}

// inSerializableTx runs fn in a serializable transaction, running it again
// when PostgreSQL aborts it because of a concurrent transaction, so that a
// check made by fn still holds when it commits. fn may therefore run more
// than once. SQLite transactions are always serializable.
func (s *Store) inSerializableTx(ctx context.Context, fn func(c conn) error) error {
	return s.runTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable}, fn)
}

func (s *Store) runTx(ctx context.Context, opts *sql.TxOptions, fn func(c conn) error) error {
	var err error
	for range maxTxAttempts {
		err = s.runTxOnce(ctx, opts, fn)
		if !isRetryable(err) {
			return err
		}
	}
	return err
}

func (s *Store) runTxOnce(ctx context.Context, opts *sql.TxOptions, fn func(c conn) error) error {
	tx, err := s.wdb.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	if err := fn(conn{q: tx, d: s.dialect}); err != nil {
		if rbErr := rollback(tx); rbErr != nil {
			return errors.Join(err, rbErr)
		}
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit transaction: %w", err)
	}
	return nil
}

func rollback(tx *sql.Tx) error {
	if err := tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
		return fmt.Errorf("roll back transaction: %w", err)
	}
	return nil
}

// inReadTx runs fn in a read-only transaction, so that its queries see one
// snapshot: REPEATABLE READ on PostgreSQL, and on SQLite the snapshot that
// WAL mode gives every read transaction.
func (s *Store) inReadTx(ctx context.Context, fn func(c conn) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return fmt.Errorf("begin read transaction: %w", err)
	}
	defer tx.Rollback() // a read-only transaction has nothing to keep
	return fn(conn{q: tx, d: s.dialect})
}

// nowUTC returns the current time as the store records it.
func nowUTC() time.Time { return utcMicro(time.Now()) }
