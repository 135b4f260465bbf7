package sqlstore

import (
	"context"
	"fmt"
)

// SetPassword replaces a user's password hash and signs them out
// everywhere, in one transaction.
func (s *Store) SetPassword(ctx context.Context, userID int64, hash string) error {
	err := s.inTx(ctx, func(c conn) error {
		if err := c.execOne(ctx, "UPDATE users SET password_hash = ? WHERE id = ?", hash, userID); err != nil {
			return err
		}
		_, err := c.exec(ctx, "DELETE FROM sessions WHERE user_id = ?", userID)
		return err
	})
	if err != nil {
		return fmt.Errorf("set password of user %d: %w", userID, err)
	}
	return nil
}
