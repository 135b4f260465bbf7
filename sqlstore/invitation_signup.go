package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/imhars/imhars"
)

// AcceptInvitationAsNewUser creates u and accepts the invitation for it in
// one transaction, so that when several people use one link at once, only
// the one who claims it gets an account.
func (s *Store) AcceptInvitationAsNewUser(ctx context.Context, hash string, u *imhars.User, now time.Time) (*imhars.Invitation, error) {
	created := *u
	var inv imhars.Invitation
	err := s.inTx(ctx, func(c conn) error {
		if err := insertUser(ctx, c, &created); err != nil {
			return err
		}
		var err error
		inv, err = scanInvitation(c.queryRow(ctx, `UPDATE invitations SET used_at = ?, used_by = ?
			WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
			RETURNING `+invitationColumns, now, created.ID, hash, now))
		if errors.Is(err, sql.ErrNoRows) {
			return unusableInvitation(ctx, c, hash)
		}
		if err != nil {
			return err
		}
		return addMember(ctx, c, inv.SchoolID, created.ID, inv.Role)
	})
	if err != nil {
		return nil, fmt.Errorf("accept invitation as a new user: %w", err)
	}
	*u = created
	return &inv, nil
}

// ErrEmailTaken is returned when an account with the email already exists.
var ErrEmailTaken = errEmailTaken
