package sqlstore

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/imhars/imhars"
)

// SchoolByID returns a school without checking membership. It is for pages
// reached by a token, such as an invitation, which already prove access.
func (s *Store) SchoolByID(ctx context.Context, schoolID int64) (*imhars.School, error) {
	var sc imhars.School
	err := s.reader().queryRow(ctx, `SELECT `+schoolColumns+` FROM schools s WHERE s.id = ?`, schoolID).
		Scan(schoolFields(&sc)...)
	if err != nil {
		return nil, wrapError(err, "get school %d", schoolID)
	}
	return &sc, nil
}

// DeleteSampleSchools removes every school flagged as sample data, with
// everything recorded in it, and returns how many schools it removed.
func (s *Store) DeleteSampleSchools(ctx context.Context) (int64, error) {
	res, err := s.writer().exec(ctx, "DELETE FROM schools WHERE is_sample = ?", true)
	if err != nil {
		return 0, fmt.Errorf("delete sample schools: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("count deleted sample schools: %w", err)
	}
	return n, nil
}

// DeleteUserByEmail removes the account with email, if there is one, with
// its sessions and memberships, and returns how many accounts it removed:
// 0 or 1.
func (s *Store) DeleteUserByEmail(ctx context.Context, email string) (int64, error) {
	res, err := s.writer().exec(ctx, "DELETE FROM users WHERE email = ?", imhars.NormaliseEmail(email))
	if err != nil {
		return 0, fmt.Errorf("delete user: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("count deleted users: %w", err)
	}
	return n, nil
}

// Redact returns dsn with any password replaced, for logs and messages.
func Redact(dsn string) string {
	if !strings.Contains(dsn, "://") {
		return dsn
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "(unreadable database URL)"
	}
	return u.Redacted()
}
