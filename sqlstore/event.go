package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/imhars/imhars"
)

// LogEvent records e. A zero e.At becomes now; an empty e.UserName is
// filled from the user's account; a UserID or SchoolID of 0 records none.
// Events stay after their school or user is deleted, so that the log keeps
// who deleted what.
func (s *Store) LogEvent(ctx context.Context, e *imhars.Event) error {
	at := utcMicro(e.At)
	if e.At.IsZero() {
		at = nowUTC()
	}
	userID := sql.NullInt64{Int64: e.UserID, Valid: e.UserID != 0}
	schoolID := sql.NullInt64{Int64: e.SchoolID, Valid: e.SchoolID != 0}
	var name string
	err := s.writer().queryRow(ctx, `INSERT INTO events (at, user_id, user_name, school_id, action, detail)
		VALUES (?, ?, COALESCE(NULLIF(?, ''), (SELECT name FROM users WHERE id = ?), ''), ?, ?, ?)
		RETURNING user_name`,
		at, userID, e.UserName, userID, schoolID, e.Action, e.Detail).Scan(&name)
	if err != nil {
		return fmt.Errorf("log event %s: %w", e.Action, err)
	}
	e.At, e.UserName = at, name
	return nil
}

// Events returns a school's activity log, newest first.
func (s *Store) Events(ctx context.Context, schoolID int64) ([]imhars.Event, error) {
	scan := func(r scanner) (imhars.Event, error) {
		var e imhars.Event
		var userID, schoolID sql.NullInt64
		err := r.Scan(timeColumn{&e.At}, &userID, &e.UserName, &schoolID, &e.Action, &e.Detail)
		e.UserID, e.SchoolID = userID.Int64, schoolID.Int64
		return e, err
	}
	list, err := queryAll(ctx, s.reader(), scan, `SELECT at, user_id, user_name, school_id, action, detail
		FROM events WHERE school_id = ? ORDER BY at DESC, id DESC`, schoolID)
	if err != nil {
		return nil, fmt.Errorf("list events of school %d: %w", schoolID, err)
	}
	return list, nil
}
