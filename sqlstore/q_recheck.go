package sqlstore

import (
	"context"
	"fmt"

	"github.com/imhars/imhars"
)

// RecheckComments matches every unflagged comment in the school's
// questionnaires against phrases with imhars.MatchRisk, as submissions are
// matched. It flags each comment that matches, with the phrase, in one
// transaction, and returns how many it flagged. Comments flagged before
// stay flagged whatever the phrases.
//
// NOTE: a submission that read the old phrases before a change but is
// stored after this check is matched against the old phrases only.
func (s *Store) RecheckComments(ctx context.Context, schoolID int64, phrases []string) (int, error) {
	var flagged int
	err := s.inTx(ctx, func(c conn) error {
		flagged = 0
		list, err := queryAll(ctx, c, scanCommentText, `SELECT c.id, c.text FROM comments c
			JOIN questionnaires q ON q.id = c.questionnaire_id
			WHERE q.school_id = ? AND NOT c.flagged`, schoolID)
		if err != nil {
			return err
		}
		for _, cm := range list {
			phrase := imhars.MatchRisk(cm.text, phrases)
			if phrase == "" {
				continue
			}
			res, err := c.exec(ctx, "UPDATE comments SET flagged = TRUE, phrase = ? WHERE id = ? AND NOT flagged",
				phrase, cm.id)
			if err != nil {
				return err
			}
			n, err := res.RowsAffected()
			if err != nil {
				return fmt.Errorf("count flagged comments: %w", err)
			}
			flagged += int(n)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("recheck comments of school %d: %w", schoolID, err)
	}
	return flagged, nil
}

// commentText is a stored comment's id and text.
type commentText struct {
	id   int64
	text string
}

func scanCommentText(r scanner) (commentText, error) {
	var c commentText
	err := r.Scan(&c.id, &c.text)
	return c, err
}
