package sqlstore

import (
	"context"
	"fmt"
)

// SentByTeamPhrase is the phrase recorded on a comment that a team member
// sent to the designated safeguarding lead.
const SentByTeamPhrase = "sent by a team member"

// FlagComment sends a comment in one of the school's questionnaires to
// the designated safeguarding lead. It flags the comment with
// SentByTeamPhrase and, in the same transaction, logs an event naming by,
// the team member who sent it. A comment already flagged keeps its
// phrase. It returns imhars.ErrNotFound when the school has no such
// comment.
func (s *Store) FlagComment(ctx context.Context, schoolID, commentID int64, by string) error {
	err := s.inTx(ctx, func(c conn) error {
		err := c.execOne(ctx, `UPDATE comments
			SET flagged = TRUE, phrase = CASE WHEN flagged THEN phrase ELSE ? END
			WHERE id = ? AND questionnaire_id IN (SELECT id FROM questionnaires WHERE school_id = ?)`,
			SentByTeamPhrase, commentID, schoolID)
		if err != nil {
			return err
		}
		_, err = c.exec(ctx, `INSERT INTO events (at, user_id, user_name, school_id, action, detail)
			VALUES (?, NULL, ?, ?, 'safeguarding.sent', ?)`,
			nowUTC(), by, schoolID, fmt.Sprintf("Comment %d sent to the safeguarding lead", commentID))
		return err
	})
	if err != nil {
		return fmt.Errorf("flag comment %d of school %d: %w", commentID, schoolID, err)
	}
	return nil
}
