package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/imhars/imhars"
)

const recipientColumns = "id, questionnaire_id, email, name, role, token_hash, responded"

func scanRecipient(r scanner) (imhars.Recipient, error) {
	var rc imhars.Recipient
	err := r.Scan(&rc.ID, &rc.QuestionnaireID, &rc.Email, &rc.Name, &rc.Role, &rc.TokenHash, &rc.Responded)
	return rc, err
}

// AddRecipients adds people to a questionnaire in one transaction and
// returns how many were added. Emails are stored trimmed and in lower
// case, and one already present, in any letter case, is skipped. Each
// added recipient gets its ID and QuestionnaireID set in rs; skipped ones
// keep ID 0. Every recipient needs its own TokenHash.
func (s *Store) AddRecipients(ctx context.Context, questionnaireID int64, rs []imhars.Recipient) (int, error) {
	for _, r := range rs {
		if r.TokenHash == "" {
			return 0, fmt.Errorf("add recipients to questionnaire %d: empty token hash", questionnaireID)
		}
	}
	added := 0
	ids := make([]int64, len(rs))
	err := s.inTx(ctx, func(c conn) error {
		added = 0
		for i, r := range rs {
			email := strings.ToLower(strings.TrimSpace(r.Email))
			err := c.queryRow(ctx, `INSERT INTO recipients (questionnaire_id, email, name, role, token_hash)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (questionnaire_id, email) DO NOTHING RETURNING id`,
				questionnaireID, email, r.Name, r.Role, r.TokenHash).Scan(&ids[i])
			switch {
			case errors.Is(err, sql.ErrNoRows):
				ids[i] = 0
			case isForeignKeyViolation(err):
				return imhars.ErrNotFound
			case err != nil:
				return err
			default:
				added++
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("add recipients to questionnaire %d: %w", questionnaireID, err)
	}
	for i := range rs {
		if ids[i] != 0 {
			rs[i].ID, rs[i].QuestionnaireID = ids[i], questionnaireID
			rs[i].Email = strings.ToLower(strings.TrimSpace(rs[i].Email))
		}
	}
	return added, nil
}

// Recipients returns a questionnaire's recipients ordered by name, then
// email.
func (s *Store) Recipients(ctx context.Context, questionnaireID int64) ([]imhars.Recipient, error) {
	list, err := queryAll(ctx, s.reader(), scanRecipient, `SELECT `+recipientColumns+`
		FROM recipients WHERE questionnaire_id = ?
		ORDER BY LOWER(name), email`, questionnaireID)
	if err != nil {
		return nil, fmt.Errorf("list recipients of questionnaire %d: %w", questionnaireID, err)
	}
	return list, nil
}

// RecipientByTokenHash returns the recipient whose personal link has the
// token with the given hash, or imhars.ErrNotFound.
func (s *Store) RecipientByTokenHash(ctx context.Context, hash string) (*imhars.Recipient, error) {
	r, err := scanRecipient(s.reader().queryRow(ctx,
		"SELECT "+recipientColumns+" FROM recipients WHERE token_hash = ?", hash))
	if err != nil {
		return nil, wrapError(err, "get recipient")
	}
	return &r, nil
}
