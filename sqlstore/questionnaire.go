package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/imhars/imhars"
)

var _ imhars.QuestionnaireStore = (*Store)(nil)

// maxCodeAttempts bounds how often a new questionnaire draws another link
// id and short code after a collision with an existing one. With about a
// billion short codes, a second draw is already rare.
const maxCodeAttempts = 10

const questionnaireColumns = `id, audit_id, school_id, audience, title, status, opens_on, closes_on,
	time_zone, link_id, short_code, comments, help_text, created_at`

func scanQuestionnaire(r scanner) (imhars.Questionnaire, error) {
	var q imhars.Questionnaire
	err := r.Scan(&q.ID, &q.AuditID, &q.SchoolID, &q.Audience, &q.Title, &q.Status, &q.OpensOn,
		&q.ClosesOn, &q.TimeZone, &q.LinkID, &q.ShortCode, &q.Comments, &q.HelpText,
		timeColumn{&q.CreatedAt})
	return q, err
}

// audienceRank orders questionnaires in SQL as imhars.Audiences lists them.
func audienceRank() string {
	var b strings.Builder
	b.WriteString("CASE audience")
	for i, a := range imhars.Audiences {
		fmt.Fprintf(&b, " WHEN '%s' THEN %d", a, i)
	}
	fmt.Fprintf(&b, " ELSE %d END", len(imhars.Audiences))
	return b.String()
}

func validStatus(s imhars.QuestionnaireStatus) bool {
	return s == imhars.QuestionnaireDraft || s == imhars.QuestionnaireOpen || s == imhars.QuestionnaireClosed
}

// CreateQuestionnaire stores q with its items in one transaction. It sets
// q.ID, q.SchoolID, q.LinkID, q.ShortCode and q.CreatedAt, an empty
// q.Status to draft and an empty q.TimeZone to the school's. The items get
// ids "i1", "i2", ... in the order given, and positions 1, 2, ... when
// their Position is 0. A q.SchoolID that is not the audit's school makes
// the audit imhars.ErrNotFound.
func (s *Store) CreateQuestionnaire(ctx context.Context, q *imhars.Questionnaire, items []imhars.Item) error {
	if q.Status == "" {
		q.Status = imhars.QuestionnaireDraft
	}
	if !validStatus(q.Status) || !q.Audience.Valid() {
		return fmt.Errorf("create questionnaire for audit %d: %w", q.AuditID,
			imhars.Errorf(imhars.EINVALID, "Select who the questionnaire is for."))
	}
	created := nowUTC()
	err := s.inTx(ctx, func(c conn) error {
		var schoolID int64
		var zone string
		err := c.queryRow(ctx, `SELECT a.school_id, s.time_zone
			FROM audits a JOIN schools s ON s.id = a.school_id WHERE a.id = ?`, q.AuditID).Scan(&schoolID, &zone)
		if err != nil {
			return wrapError(err, "get audit")
		}
		if q.SchoolID != 0 && q.SchoolID != schoolID {
			return imhars.ErrNotFound
		}
		q.SchoolID = schoolID
		if q.TimeZone == "" {
			q.TimeZone = zone
		}
		if err := insertQuestionnaire(ctx, c, q, created); err != nil {
			return err
		}
		return insertItems(ctx, c, q.ID, items)
	})
	if err != nil {
		return fmt.Errorf("create questionnaire for audit %d: %w", q.AuditID, err)
	}
	q.CreatedAt = created
	return nil
}

// insertQuestionnaire inserts q with a new random link id and short code,
// drawing again when either is taken. ON CONFLICT DO NOTHING keeps a
// collision from aborting a PostgreSQL transaction.
func insertQuestionnaire(ctx context.Context, c conn, q *imhars.Questionnaire, created time.Time) error {
	for range maxCodeAttempts {
		link, code := newLinkID(), newShortCode()
		err := c.queryRow(ctx, `INSERT INTO questionnaires (audit_id, school_id, audience, title, status,
				opens_on, closes_on, time_zone, link_id, short_code, comments, help_text, last_item_number,
				created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
			ON CONFLICT DO NOTHING RETURNING id`,
			q.AuditID, q.SchoolID, q.Audience, q.Title, q.Status, q.OpensOn, q.ClosesOn, q.TimeZone,
			link, code, q.Comments, q.HelpText, created).Scan(&q.ID)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return err
		}
		q.LinkID, q.ShortCode = link, code
		return nil
	}
	return fmt.Errorf("no free link id and short code after %d attempts", maxCodeAttempts)
}

// insertItems numbers items from i1 and records the last number used.
func insertItems(ctx context.Context, c conn, questionnaireID int64, items []imhars.Item) error {
	for i := range items {
		it := &items[i]
		it.ID = fmt.Sprintf("i%d", i+1)
		it.QuestionnaireID = questionnaireID
		if it.Position == 0 {
			it.Position = i + 1
		}
		if err := insertItem(ctx, c, it); err != nil {
			return err
		}
	}
	_, err := c.exec(ctx, "UPDATE questionnaires SET last_item_number = ? WHERE id = ?",
		len(items), questionnaireID)
	return err
}

func insertItem(ctx context.Context, c conn, it *imhars.Item) error {
	_, err := c.exec(ctx, `INSERT INTO questionnaire_items
			(questionnaire_id, item_id, practice_key, component_key, text, position, retired)
		VALUES (?, ?, ?, ?, ?, ?, ?)`,
		it.QuestionnaireID, it.ID, it.PracticeKey, it.ComponentKey, it.Text, it.Position, it.Retired)
	if err != nil {
		return fmt.Errorf("insert item %s: %w", it.ID, err)
	}
	return nil
}

// Questionnaire returns a questionnaire of the school, or
// imhars.ErrNotFound.
func (s *Store) Questionnaire(ctx context.Context, schoolID, id int64) (*imhars.Questionnaire, error) {
	q, err := scanQuestionnaire(s.reader().queryRow(ctx, `SELECT `+questionnaireColumns+`
		FROM questionnaires WHERE id = ? AND school_id = ?`, id, schoolID))
	if err != nil {
		return nil, wrapError(err, "get questionnaire %d of school %d", id, schoolID)
	}
	return &q, nil
}

// QuestionnaireByLink returns the questionnaire whose open link has the
// given id, or imhars.ErrNotFound.
func (s *Store) QuestionnaireByLink(ctx context.Context, linkID string) (*imhars.Questionnaire, error) {
	q, err := scanQuestionnaire(s.reader().queryRow(ctx, `SELECT `+questionnaireColumns+`
		FROM questionnaires WHERE link_id = ?`, linkID))
	if err != nil {
		return nil, wrapError(err, "get questionnaire by link")
	}
	return &q, nil
}

// QuestionnaireByCode returns the questionnaire with the short code, typed
// in any letter case and with spaces or hyphens, or imhars.ErrNotFound.
func (s *Store) QuestionnaireByCode(ctx context.Context, code string) (*imhars.Questionnaire, error) {
	q, err := scanQuestionnaire(s.reader().queryRow(ctx, `SELECT `+questionnaireColumns+`
		FROM questionnaires WHERE short_code = ?`, imhars.NormaliseShortCode(code)))
	if err != nil {
		return nil, wrapError(err, "get questionnaire by short code")
	}
	return &q, nil
}

// Questionnaires returns an audit's questionnaires in the order of
// imhars.Audiences, then oldest first.
func (s *Store) Questionnaires(ctx context.Context, auditID int64) ([]imhars.Questionnaire, error) {
	list, err := queryAll(ctx, s.reader(), scanQuestionnaire, `SELECT `+questionnaireColumns+`
		FROM questionnaires WHERE audit_id = ?
		ORDER BY `+audienceRank()+`, created_at, id`, auditID)
	if err != nil {
		return nil, fmt.Errorf("list questionnaires of audit %d: %w", auditID, err)
	}
	return list, nil
}

// UpdateQuestionnaire saves q's title, dates, status, comments setting and
// help text. It returns imhars.ErrNotFound when q is not a questionnaire
// of q.SchoolID.
func (s *Store) UpdateQuestionnaire(ctx context.Context, q *imhars.Questionnaire) error {
	if !validStatus(q.Status) {
		return fmt.Errorf("update questionnaire %d: %w", q.ID,
			imhars.Errorf(imhars.EINVALID, "Select draft, open or closed."))
	}
	err := s.writer().execOne(ctx, `UPDATE questionnaires
		SET title = ?, opens_on = ?, closes_on = ?, status = ?, comments = ?, help_text = ?
		WHERE id = ? AND school_id = ?`,
		q.Title, q.OpensOn, q.ClosesOn, q.Status, q.Comments, q.HelpText, q.ID, q.SchoolID)
	if err != nil {
		return fmt.Errorf("update questionnaire %d: %w", q.ID, err)
	}
	return nil
}
