package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/imhars/imhars"
)

func scanItem(r scanner) (imhars.Item, error) {
	var it imhars.Item
	err := r.Scan(&it.QuestionnaireID, &it.ID, &it.PracticeKey, &it.ComponentKey, &it.Text,
		&it.Position, &it.Retired)
	return it, err
}

// Items returns a questionnaire's items in position order, with retired
// ones only when withRetired is true.
func (s *Store) Items(ctx context.Context, questionnaireID int64, withRetired bool) ([]imhars.Item, error) {
	list, err := queryAll(ctx, s.reader(), scanItem, `SELECT questionnaire_id, item_id, practice_key,
			component_key, text, position, retired
		FROM questionnaire_items
		WHERE questionnaire_id = ? AND (? OR NOT retired)
		ORDER BY position, LENGTH(item_id), item_id`, questionnaireID, withRetired)
	if err != nil {
		return nil, fmt.Errorf("list items of questionnaire %d: %w", questionnaireID, err)
	}
	return list, nil
}

// RewordItem changes an item's text. Its id, and so its answers, stay the
// same.
func (s *Store) RewordItem(ctx context.Context, questionnaireID int64, itemID, text string) error {
	err := s.writer().execOne(ctx, `UPDATE questionnaire_items SET text = ?
		WHERE questionnaire_id = ? AND item_id = ?`, text, questionnaireID, itemID)
	if err != nil {
		return fmt.Errorf("reword item %s of questionnaire %d: %w", itemID, questionnaireID, err)
	}
	return nil
}

// RetireItem hides an item from respondents. Its answers are kept and
// still counted in results.
func (s *Store) RetireItem(ctx context.Context, questionnaireID int64, itemID string) error {
	err := s.writer().execOne(ctx, `UPDATE questionnaire_items SET retired = TRUE
		WHERE questionnaire_id = ? AND item_id = ?`, questionnaireID, itemID)
	if err != nil {
		return fmt.Errorf("retire item %s of questionnaire %d: %w", itemID, questionnaireID, err)
	}
	return nil
}

// AddItem appends it to questionnaire it.QuestionnaireID and sets it.ID to
// the next unused number, so that the new item starts with no answers. A
// Position of 0 places it after every other item.
func (s *Store) AddItem(ctx context.Context, it *imhars.Item) error {
	var id string
	var position int
	err := s.inTx(ctx, func(c conn) error {
		// The update takes the questionnaire's row lock, so concurrent
		// additions number their items one after another.
		var n int
		err := c.queryRow(ctx, `UPDATE questionnaires SET last_item_number = last_item_number + 1
			WHERE id = ? RETURNING last_item_number`, it.QuestionnaireID).Scan(&n)
		if errors.Is(err, sql.ErrNoRows) {
			return imhars.ErrNotFound
		}
		if err != nil {
			return err
		}
		position = it.Position
		if position == 0 {
			err := c.queryRow(ctx, `SELECT COALESCE(MAX(position), 0) + 1 FROM questionnaire_items
				WHERE questionnaire_id = ?`, it.QuestionnaireID).Scan(&position)
			if err != nil {
				return err
			}
		}
		id = fmt.Sprintf("i%d", n)
		added := *it
		added.ID, added.Position = id, position
		return insertItem(ctx, c, &added)
	})
	if err != nil {
		return fmt.Errorf("add item to questionnaire %d: %w", it.QuestionnaireID, err)
	}
	it.ID, it.Position = id, position
	return nil
}
