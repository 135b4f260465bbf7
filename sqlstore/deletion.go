package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/imhars/imhars"
)

// DeleteAudit removes an audit of the given school with its practice
// assessments, findings and questionnaires. The foreign keys cascade from
// each questionnaire to its items, responses, answers, comments,
// recipients, submission keys and answer counts. An audit that does not
// exist or belongs to another school is imhars.ErrNotFound.
func (s *Store) DeleteAudit(ctx context.Context, schoolID, auditID int64) error {
	err := s.writer().execOne(ctx, "DELETE FROM audits WHERE id = ? AND school_id = ?", auditID, schoolID)
	if err != nil {
		return fmt.Errorf("delete audit %d of school %d: %w", auditID, schoolID, err)
	}
	return nil
}

// EventsWithoutSchool returns the events that name no school, newest
// first: those logged without one, such as framework imports, and those
// of schools deleted since, whose Detail names the school.
func (s *Store) EventsWithoutSchool(ctx context.Context) ([]imhars.Event, error) {
	scan := func(r scanner) (imhars.Event, error) {
		var e imhars.Event
		var userID sql.NullInt64
		err := r.Scan(timeColumn{&e.At}, &userID, &e.UserName, &e.Action, &e.Detail)
		e.UserID = userID.Int64
		return e, err
	}
	list, err := queryAll(ctx, s.reader(), scan, `SELECT at, user_id, user_name, action, detail
		FROM events WHERE school_id IS NULL ORDER BY at DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list events without a school: %w", err)
	}
	return list, nil
}
