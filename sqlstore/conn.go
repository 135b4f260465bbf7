package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/imhars/imhars"
)

// querier is the part of *sql.DB and *sql.Tx that conn uses.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// conn runs queries written with ? placeholders on a pool or transaction,
// translating them and their time arguments for the dialect.
type conn struct {
	q querier
	d dialect
}

func (c conn) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return c.q.ExecContext(ctx, c.d.rebind(query), c.d.args(args)...)
}

func (c conn) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return c.q.QueryContext(ctx, c.d.rebind(query), c.d.args(args)...)
}

func (c conn) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return c.q.QueryRowContext(ctx, c.d.rebind(query), c.d.args(args)...)
}

// execOne runs a statement that must change exactly one row, and returns
// imhars.ErrNotFound when it changes none.
func (c conn) execOne(ctx context.Context, query string, args ...any) error {
	return c.execOr(ctx, imhars.ErrNotFound, query, args...)
}

// execVersioned runs a versioned insert or update, and returns
// imhars.ErrVersionConflict when it changes no row.
func (c conn) execVersioned(ctx context.Context, query string, args ...any) error {
	return c.execOr(ctx, imhars.ErrVersionConflict, query, args...)
}

// execOr runs a statement and returns errNone when it changes no row.
func (c conn) execOr(ctx context.Context, errNone error, query string, args ...any) error {
	res, err := c.exec(ctx, query, args...)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("count changed rows: %w", err)
	}
	if n == 0 {
		return errNone
	}
	return nil
}

// scanner is the method that *sql.Row and *sql.Rows share.
type scanner interface {
	Scan(dest ...any) error
}

// queryAll runs a query and appends scan's result for each row.
func queryAll[T any](ctx context.Context, c conn, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := c.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()

	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// wrapError prefixes err with what was being done, as in "get user 4: ...",
// and turns sql.ErrNoRows into imhars.ErrNotFound.
func wrapError(err error, format string, args ...any) error {
	if errors.Is(err, sql.ErrNoRows) {
		err = imhars.ErrNotFound
	}
	return fmt.Errorf(format+": %w", append(args, err)...)
}
