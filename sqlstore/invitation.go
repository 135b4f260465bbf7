package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/imhars/imhars"
)

var (
	errInvitationUsed = imhars.Errorf(imhars.ECONFLICT,
		"This invitation link has already been used. If you still need to join, ask the person who invited you for a new link.")
	errInvitationExpired = imhars.Errorf(imhars.ECONFLICT,
		"This invitation link has expired. Ask the person who invited you for a new link.")
)

const invitationColumns = "id, school_id, token_hash, role, note, created_by, created_at, expires_at, used_at"

func scanInvitation(r scanner) (imhars.Invitation, error) {
	var inv imhars.Invitation
	var createdBy sql.NullInt64
	err := r.Scan(&inv.ID, &inv.SchoolID, &inv.TokenHash, &inv.Role, &inv.Note, &createdBy,
		timeColumn{&inv.CreatedAt}, timeColumn{&inv.ExpiresAt}, nullTimeColumn{&inv.UsedAt})
	inv.CreatedBy = createdBy.Int64
	return inv, err
}

// CreateInvitation stores inv and sets inv.ID. A zero CreatedAt becomes
// now, and a zero ExpiresAt becomes CreatedAt plus
// imhars.InvitationLifetime.
func (s *Store) CreateInvitation(ctx context.Context, inv *imhars.Invitation) error {
	if !inv.Role.Valid() {
		return fmt.Errorf("create invitation to school %d: %w", inv.SchoolID,
			imhars.Errorf(imhars.EINVALID, "Select a role from the list."))
	}
	created := utcMicro(inv.CreatedAt)
	if inv.CreatedAt.IsZero() {
		created = nowUTC()
	}
	expires := utcMicro(inv.ExpiresAt)
	if inv.ExpiresAt.IsZero() {
		expires = created.Add(imhars.InvitationLifetime)
	}
	var createdBy *int64
	if inv.CreatedBy != 0 {
		createdBy = &inv.CreatedBy
	}

	var id int64
	err := s.writer().queryRow(ctx, `INSERT INTO invitations
			(school_id, token_hash, role, note, created_by, created_at, expires_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		inv.SchoolID, inv.TokenHash, inv.Role, inv.Note, createdBy, created, expires).Scan(&id)
	if isForeignKeyViolation(err) {
		err = imhars.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("create invitation to school %d: %w", inv.SchoolID, err)
	}
	inv.ID, inv.CreatedAt, inv.ExpiresAt = id, created, expires
	return nil
}

// Invitations returns a school's invitations that are unused and unexpired
// at now, newest first.
func (s *Store) Invitations(ctx context.Context, schoolID int64, now time.Time) ([]imhars.Invitation, error) {
	list, err := queryAll(ctx, s.reader(), scanInvitation, `SELECT `+invitationColumns+`
		FROM invitations
		WHERE school_id = ? AND used_at IS NULL AND expires_at > ?
		ORDER BY created_at DESC, id DESC`, schoolID, now)
	if err != nil {
		return nil, fmt.Errorf("list invitations to school %d: %w", schoolID, err)
	}
	return list, nil
}

// InvitationByTokenHash returns the invitation with the given token hash,
// used or expired ones included.
func (s *Store) InvitationByTokenHash(ctx context.Context, hash string) (*imhars.Invitation, error) {
	inv, err := scanInvitation(s.reader().queryRow(ctx,
		"SELECT "+invitationColumns+" FROM invitations WHERE token_hash = ?", hash))
	if err != nil {
		return nil, wrapError(err, "get invitation")
	}
	return &inv, nil
}

// AcceptInvitation marks the invitation used by userID at now and makes
// the user a member of its school. A user who is already a member keeps
// the more able of the current and the invited role. The invitation is
// claimed by a single conditional update, so of concurrent calls with the
// same link exactly one succeeds. It returns imhars.ErrNotFound for an
// unknown link and a conflict error for one used or expired.
func (s *Store) AcceptInvitation(ctx context.Context, hash string, userID int64, now time.Time) (*imhars.Invitation, error) {
	var inv imhars.Invitation
	err := s.inTx(ctx, func(c conn) error {
		var err error
		inv, err = scanInvitation(c.queryRow(ctx, `UPDATE invitations SET used_at = ?, used_by = ?
			WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
			RETURNING `+invitationColumns, now, userID, hash, now))
		if errors.Is(err, sql.ErrNoRows) {
			return unusableInvitation(ctx, c, hash)
		}
		if err != nil {
			return err
		}
		return addMember(ctx, c, inv.SchoolID, userID, inv.Role)
	})
	if err != nil {
		return nil, fmt.Errorf("accept invitation for user %d: %w", userID, err)
	}
	return &inv, nil
}

// unusableInvitation returns why the invitation with the given hash
// cannot be accepted.
func unusableInvitation(ctx context.Context, c conn, hash string) error {
	inv, err := scanInvitation(c.queryRow(ctx,
		"SELECT "+invitationColumns+" FROM invitations WHERE token_hash = ?", hash))
	if err != nil {
		return wrapError(err, "get invitation")
	}
	if inv.UsedAt != nil {
		return errInvitationUsed
	}
	return errInvitationExpired
}

// addMember makes userID a member with role, or raises an existing
// member's role to it when it is more able.
func addMember(ctx context.Context, c conn, schoolID, userID int64, role imhars.Role) error {
	_, err := c.exec(ctx, `INSERT INTO members (school_id, user_id, role) VALUES (?, ?, ?)
		ON CONFLICT (school_id, user_id) DO UPDATE SET role = excluded.role
		WHERE `+fmt.Sprintf(roleRank, "excluded.role")+` < `+fmt.Sprintf(roleRank, "members.role"),
		schoolID, userID, role)
	if err != nil {
		return fmt.Errorf("add user %d to school %d: %w", userID, schoolID, err)
	}
	return nil
}

// RevokeInvitation deletes an unused invitation, so that its link stops
// working. It returns imhars.ErrNotFound when the invitation does not
// belong to the school or was already used.
func (s *Store) RevokeInvitation(ctx context.Context, schoolID, invitationID int64) error {
	err := s.writer().execOne(ctx,
		"DELETE FROM invitations WHERE id = ? AND school_id = ? AND used_at IS NULL", invitationID, schoolID)
	if err != nil {
		return fmt.Errorf("revoke invitation %d to school %d: %w", invitationID, schoolID, err)
	}
	return nil
}
