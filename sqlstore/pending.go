package sqlstore

import (
	"context"
	"fmt"
	"time"
)

// CountPendingForms returns the number of kept forms that have not expired.
func (s *Store) CountPendingForms(ctx context.Context, now time.Time) (int, error) {
	var n int
	err := s.reader().queryRow(ctx, "SELECT COUNT(*) FROM pending_forms WHERE expires_at > ?", now).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count pending forms: %w", err)
	}
	return n, nil
}
