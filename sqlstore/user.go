package sqlstore

import (
	"context"
	"fmt"

	"github.com/imhars/imhars"
)

var (
	errAdminExists = imhars.Errorf(imhars.ECONFLICT,
		"An administrator account already exists. Sign in, or ask the administrator for an invitation.")
	errEmailTaken = imhars.Errorf(imhars.ECONFLICT,
		"An account with this email address already exists. Sign in instead, or use another address.")
)

const userColumns = "id, email, name, password_hash, is_admin, created_at"

func scanUser(r scanner) (*imhars.User, error) {
	var u imhars.User
	err := r.Scan(&u.ID, &u.Email, &u.Name, &u.PasswordHash, &u.IsAdmin, timeColumn{&u.CreatedAt})
	if err != nil {
		return nil, err
	}
	return &u, nil
}

// CreateFirstAdmin creates u as an administrator while no administrator
// exists; accounts such as the demo lead do not count. A
// serializable transaction makes the count and the insert one step, so of
// two concurrent calls exactly one succeeds and the other returns a
// conflict error.
func (s *Store) CreateFirstAdmin(ctx context.Context, u *imhars.User) error {
	admin := *u
	admin.IsAdmin = true
	err := s.inSerializableTx(ctx, func(c conn) error {
		var n int
		if err := c.queryRow(ctx, "SELECT COUNT(*) FROM users WHERE is_admin = ?", true).Scan(&n); err != nil {
			return fmt.Errorf("count administrators: %w", err)
		}
		if n > 0 {
			return errAdminExists
		}
		return insertUser(ctx, c, &admin)
	})
	if err != nil {
		return fmt.Errorf("create first administrator: %w", err)
	}
	*u = admin
	return nil
}

// CreateUser stores u with its email in lower case and sets u.ID and
// u.CreatedAt. An email already in use is a conflict.
func (s *Store) CreateUser(ctx context.Context, u *imhars.User) error {
	if err := insertUser(ctx, s.writer(), u); err != nil {
		return fmt.Errorf("create user: %w", err)
	}
	return nil
}

func insertUser(ctx context.Context, c conn, u *imhars.User) error {
	email := imhars.NormaliseEmail(u.Email)
	created := nowUTC()
	var id int64
	err := c.queryRow(ctx, `INSERT INTO users (email, name, password_hash, is_admin, created_at)
		VALUES (?, ?, ?, ?, ?) RETURNING id`,
		email, u.Name, u.PasswordHash, u.IsAdmin, created).Scan(&id)
	if isUniqueViolation(err) {
		return errEmailTaken
	}
	if err != nil {
		return err
	}
	u.ID, u.Email, u.CreatedAt = id, email, created
	return nil
}

// UserByEmail returns the user with the given email, compared in lower case.
func (s *Store) UserByEmail(ctx context.Context, email string) (*imhars.User, error) {
	row := s.reader().queryRow(ctx, "SELECT "+userColumns+" FROM users WHERE email = ?",
		imhars.NormaliseEmail(email))
	u, err := scanUser(row)
	if err != nil {
		return nil, wrapError(err, "get user by email")
	}
	return u, nil
}

// UserByID returns the user with the given id.
func (s *Store) UserByID(ctx context.Context, id int64) (*imhars.User, error) {
	u, err := scanUser(s.reader().queryRow(ctx, "SELECT "+userColumns+" FROM users WHERE id = ?", id))
	if err != nil {
		return nil, wrapError(err, "get user %d", id)
	}
	return u, nil
}

// CountUsers returns the number of accounts.
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	var n int
	if err := s.reader().queryRow(ctx, "SELECT COUNT(*) FROM users").Scan(&n); err != nil {
		return 0, fmt.Errorf("count users: %w", err)
	}
	return n, nil
}

// CountAdmins returns the number of administrators.
func (s *Store) CountAdmins(ctx context.Context) (int, error) {
	var n int
	if err := s.reader().queryRow(ctx, "SELECT COUNT(*) FROM users WHERE is_admin = ?", true).Scan(&n); err != nil {
		return 0, fmt.Errorf("count administrators: %w", err)
	}
	return n, nil
}
