package sqlstore

import (
	"context"
	"fmt"
	"time"

	"github.com/imhars/imhars"
)

// CreateSession stores a session. ExpiresAt is stored in UTC to the
// microsecond and written back to sess in that form.
func (s *Store) CreateSession(ctx context.Context, sess *imhars.Session) error {
	expires := utcMicro(sess.ExpiresAt)
	_, err := s.writer().exec(ctx, `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
		VALUES (?, ?, ?, ?)`, sess.TokenHash, sess.UserID, sess.CSRFToken, expires)
	if err != nil {
		return fmt.Errorf("create session for user %d: %w", sess.UserID, err)
	}
	sess.ExpiresAt = expires
	return nil
}

// SessionByTokenHash returns the session with the given token hash, or
// imhars.ErrNotFound when there is none or it expired at or before now.
func (s *Store) SessionByTokenHash(ctx context.Context, hash string, now time.Time) (*imhars.Session, error) {
	var sess imhars.Session
	err := s.reader().queryRow(ctx, `SELECT token_hash, user_id, csrf_token, expires_at
		FROM sessions WHERE token_hash = ? AND expires_at > ?`, hash, now).
		Scan(&sess.TokenHash, &sess.UserID, &sess.CSRFToken, timeColumn{&sess.ExpiresAt})
	if err != nil {
		return nil, wrapError(err, "get session")
	}
	return &sess, nil
}

// DeleteSession removes a session. Removing one that does not exist is
// not an error, so that signing out twice succeeds.
func (s *Store) DeleteSession(ctx context.Context, hash string) error {
	if _, err := s.writer().exec(ctx, "DELETE FROM sessions WHERE token_hash = ?", hash); err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

// SavePendingForm stores a form under id until expiresAt. The caller
// chooses the id, which must be unpredictable because any request that
// presents it can take the form.
func (s *Store) SavePendingForm(ctx context.Context, id, path, values string, expiresAt time.Time) error {
	_, err := s.writer().exec(ctx, `INSERT INTO pending_forms (id, path, form_values, expires_at)
		VALUES (?, ?, ?, ?)`, id, path, values, expiresAt)
	if err != nil {
		return fmt.Errorf("save pending form for %s: %w", path, err)
	}
	return nil
}

// TakePendingForm deletes the form with the given id and returns it, or
// returns imhars.ErrNotFound when there is none or it expired at or before
// now. An expired form is deleted too.
func (s *Store) TakePendingForm(ctx context.Context, id string, now time.Time) (path, values string, err error) {
	var expires time.Time
	err = s.writer().queryRow(ctx, `DELETE FROM pending_forms WHERE id = ?
		RETURNING path, form_values, expires_at`, id).
		Scan(&path, &values, timeColumn{&expires})
	if err != nil {
		return "", "", wrapError(err, "take pending form")
	}
	if !expires.After(now) {
		return "", "", fmt.Errorf("take pending form: expired at %s: %w",
			expires.Format(time.RFC3339), imhars.ErrNotFound)
	}
	return path, values, nil
}

// DeleteExpired removes sessions and pending forms that expired at or
// before now. Expired rows are never returned, so this only reclaims space.
func (s *Store) DeleteExpired(ctx context.Context, now time.Time) error {
	for _, table := range []string{"sessions", "pending_forms"} {
		if _, err := s.writer().exec(ctx, "DELETE FROM "+table+" WHERE expires_at <= ?", now); err != nil {
			return fmt.Errorf("delete expired %s: %w", table, err)
		}
	}
	return nil
}
