package sqlstore

import (
	"context"
	"fmt"
)

// CountRows returns the number of rows of table that match where, for
// tests that check what a deletion left behind. table and where are
// trusted SQL with ? placeholders for args.
func (s *Store) CountRows(ctx context.Context, table, where string, args ...any) (int, error) {
	var n int
	err := s.reader().queryRow(ctx, "SELECT COUNT(*) FROM "+table+" WHERE "+where, args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count rows of %s: %w", table, err)
	}
	return n, nil
}
