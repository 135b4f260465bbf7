package sqlstore

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/imhars/imhars"
)

// maxRowsPerInsert keeps a multi-row insert of answers well below
// SQLite's limit of 32,766 bound parameters.
const maxRowsPerInsert = 500

// SubmitResponse stores r with a new random r.ID, once per submission key,
// in one transaction. Only the SHA-256 hash of the key is kept, apart from
// the response. A repeated key returns duplicate true and writes nothing:
// the insert of its hash does nothing on conflict, so the database's
// primary key decides between concurrent submissions, which on PostgreSQL
// wait for the first to commit. A zero r.SubmittedOn becomes today in the
// questionnaire's time zone. A non-empty recipientTokenHash marks the
// recipient with that hash in the same questionnaire as responded.
// Comments whose text is blank are not stored.
func (s *Store) SubmitResponse(ctx context.Context, r *imhars.Response, submissionKey, recipientTokenHash string) (duplicate bool, err error) {
	if submissionKey == "" {
		return false, fmt.Errorf("submit response to questionnaire %d: empty submission key", r.QuestionnaireID)
	}
	if err := checkAnswers(r.Answers); err != nil {
		return false, fmt.Errorf("submit response to questionnaire %d: %w", r.QuestionnaireID, err)
	}
	keyHash := sha256.Sum256([]byte(submissionKey))
	id := newResponseID()
	submitted := r.SubmittedOn
	err = s.inTx(ctx, func(c conn) error {
		duplicate = false
		added, err := insertSubmissionKey(ctx, c, r.QuestionnaireID, hex.EncodeToString(keyHash[:]))
		if err != nil || !added {
			duplicate = !added
			return err
		}
		if submitted.IsZero() {
			if submitted, err = today(ctx, c, r.QuestionnaireID); err != nil {
				return err
			}
		}
		_, err = c.exec(ctx, "INSERT INTO responses (id, questionnaire_id, submitted_on) VALUES (?, ?, ?)",
			id, r.QuestionnaireID, submitted)
		if err != nil {
			return fmt.Errorf("insert response: %w", err)
		}
		if err := insertComments(ctx, c, id, r.QuestionnaireID, r.Comments); err != nil {
			return err
		}
		if err := markResponded(ctx, c, r.QuestionnaireID, recipientTokenHash); err != nil {
			return err
		}
		// Last, because the trigger that counts answers keeps the counts
		// locked until commit on PostgreSQL.
		return insertAnswers(ctx, c, id, r.QuestionnaireID, r.Answers)
	})
	if err != nil {
		return false, fmt.Errorf("submit response to questionnaire %d: %w", r.QuestionnaireID, err)
	}
	if !duplicate {
		r.ID, r.SubmittedOn = id, submitted
	}
	return duplicate, nil
}

var errBadAnswer = imhars.Errorf(imhars.EINVALID,
	"Some answers are not on the questionnaire's scale. Reload the page and try again.")

// checkAnswers rejects a value outside 1 to 5 that is not "don't know",
// and a second answer to the same item, before anything is written.
// Values above the audience's scale, such as 4 on the faces scale, are
// left to the caller, because the store does not load the audience.
func checkAnswers(answers []imhars.Answer) error {
	seen := make(map[string]bool, len(answers))
	for _, a := range answers {
		if seen[a.ItemID] || (!a.DontKnow && (a.Value < 1 || a.Value > imhars.AgreementScale.Max())) {
			return errBadAnswer
		}
		seen[a.ItemID] = true
	}
	return nil
}

// insertSubmissionKey records a key hash and reports whether it was new.
func insertSubmissionKey(ctx context.Context, c conn, questionnaireID int64, keyHash string) (bool, error) {
	res, err := c.exec(ctx, `INSERT INTO submission_keys (questionnaire_id, key_hash) VALUES (?, ?)
		ON CONFLICT DO NOTHING`, questionnaireID, keyHash)
	if isForeignKeyViolation(err) {
		return false, imhars.ErrNotFound
	}
	if err != nil {
		return false, fmt.Errorf("insert submission key: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("count inserted submission keys: %w", err)
	}
	return n == 1, nil
}

// today returns the current date in the questionnaire's time zone.
func today(ctx context.Context, c conn, questionnaireID int64) (imhars.Date, error) {
	q := imhars.Questionnaire{ID: questionnaireID}
	err := c.queryRow(ctx, "SELECT time_zone FROM questionnaires WHERE id = ?", questionnaireID).Scan(&q.TimeZone)
	if err != nil {
		return imhars.Date{}, wrapError(err, "get time zone")
	}
	return imhars.DateOf(time.Now().In(q.Location())), nil
}

var errUnknownItem = imhars.Errorf(imhars.EINVALID,
	"Some answers are to statements this questionnaire no longer has. Reload the page and try again.")

// insertAnswers inserts answers in batches of multi-row inserts. An
// answer to an item the questionnaire lacks is an invalid error.
func insertAnswers(ctx context.Context, c conn, responseID string, questionnaireID int64, answers []imhars.Answer) error {
	for batch := range slices.Chunk(answers, maxRowsPerInsert) {
		var b strings.Builder
		b.WriteString("INSERT INTO answers (response_id, questionnaire_id, item_id, value, dont_know) VALUES ")
		args := make([]any, 0, 5*len(batch))
		for i, a := range batch {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("(?, ?, ?, ?, ?)")
			value := a.Value
			if a.DontKnow {
				value = 0
			}
			args = append(args, responseID, questionnaireID, a.ItemID, value, a.DontKnow)
		}
		_, err := c.exec(ctx, b.String(), args...)
		if isForeignKeyViolation(err) {
			return errUnknownItem
		}
		if err != nil {
			return fmt.Errorf("insert answers: %w", err)
		}
	}
	return nil
}

func insertComments(ctx context.Context, c conn, responseID string, questionnaireID int64, comments []imhars.Comment) error {
	for _, cm := range comments {
		if strings.TrimSpace(cm.Text) == "" {
			continue
		}
		_, err := c.exec(ctx, `INSERT INTO comments
				(id, response_id, questionnaire_id, component_key, text, flagged, phrase)
			VALUES (?, ?, ?, ?, ?, ?, ?)`,
			newCommentID(), responseID, questionnaireID, cm.ComponentKey, cm.Text, cm.Flagged, cm.Phrase)
		if err != nil {
			return fmt.Errorf("insert comment: %w", err)
		}
	}
	return nil
}

// markResponded sets the responded flag of the recipient with the token
// hash, if any. An unknown hash changes nothing, because the response
// itself is valid without it.
func markResponded(ctx context.Context, c conn, questionnaireID int64, tokenHash string) error {
	if tokenHash == "" {
		return nil
	}
	_, err := c.exec(ctx, `UPDATE recipients SET responded = TRUE
		WHERE token_hash = ? AND questionnaire_id = ?`, tokenHash, questionnaireID)
	if err != nil {
		return fmt.Errorf("mark recipient responded: %w", err)
	}
	return nil
}

// RespondentCount returns how many responses a questionnaire has.
func (s *Store) RespondentCount(ctx context.Context, questionnaireID int64) (int, error) {
	var n int
	err := s.reader().queryRow(ctx, "SELECT COUNT(*) FROM responses WHERE questionnaire_id = ?",
		questionnaireID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count responses to questionnaire %d: %w", questionnaireID, err)
	}
	return n, nil
}

// AnswerCounts returns, for each item with answers, retired ones included,
// the number of answers per scale value and of "don't know" answers. It
// reads the counts kept by SubmitResponse, so its cost does not grow with
// the number of responses.
func (s *Store) AnswerCounts(ctx context.Context, questionnaireID int64) (map[string]imhars.ItemCounts, error) {
	rows, err := s.reader().query(ctx, `SELECT item_id, dont_know, value, n FROM answer_counts
		WHERE questionnaire_id = ? AND n > 0`, questionnaireID)
	if err != nil {
		return nil, fmt.Errorf("count answers to questionnaire %d: %w", questionnaireID, err)
	}
	defer rows.Close()

	counts := make(map[string]imhars.ItemCounts)
	for rows.Next() {
		var itemID string
		var dontKnow bool
		var value, n int
		if err := rows.Scan(&itemID, &dontKnow, &value, &n); err != nil {
			return nil, fmt.Errorf("count answers to questionnaire %d: %w", questionnaireID, err)
		}
		c, ok := counts[itemID]
		if !ok {
			c = imhars.ItemCounts{ItemID: itemID, ByValue: make(map[int]int)}
		}
		if dontKnow {
			c.DontKnow += n
		} else {
			c.ByValue[value] += n
		}
		counts[itemID] = c
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count answers to questionnaire %d: %w", questionnaireID, err)
	}
	return counts, nil
}

func scanComment(r scanner) (imhars.Comment, error) {
	var c imhars.Comment
	err := r.Scan(&c.ID, &c.ComponentKey, &c.Text, &c.Flagged, &c.Phrase)
	return c, err
}

// Comments returns a questionnaire's comments by component, in the random
// order of their ids, so that their order does not reveal when they were
// written. Flagged comments are included only when withFlagged is true.
func (s *Store) Comments(ctx context.Context, questionnaireID int64, withFlagged bool) ([]imhars.Comment, error) {
	list, err := queryAll(ctx, s.reader(), scanComment, `SELECT id, component_key, text, flagged, phrase
		FROM comments
		WHERE questionnaire_id = ? AND (? OR NOT flagged)
		ORDER BY component_key, id`, questionnaireID, withFlagged)
	if err != nil {
		return nil, fmt.Errorf("list comments on questionnaire %d: %w", questionnaireID, err)
	}
	return list, nil
}

// Responses returns every response of a questionnaire with its answers
// and unflagged comments, ordered by their random ids, for exports.
func (s *Store) Responses(ctx context.Context, questionnaireID int64) ([]imhars.Response, error) {
	var list []imhars.Response
	err := s.inReadTx(ctx, func(c conn) error {
		var err error
		list, err = queryAll(ctx, c, func(r scanner) (imhars.Response, error) {
			var resp imhars.Response
			err := r.Scan(&resp.ID, &resp.QuestionnaireID, &resp.SubmittedOn)
			return resp, err
		}, `SELECT id, questionnaire_id, submitted_on FROM responses
			WHERE questionnaire_id = ? ORDER BY id`, questionnaireID)
		if err != nil {
			return err
		}
		return attachAnswers(ctx, c, questionnaireID, list)
	})
	if err != nil {
		return nil, fmt.Errorf("list responses to questionnaire %d: %w", questionnaireID, err)
	}
	return list, nil
}

// attachAnswers fills in the answers and unflagged comments of list. The
// rows are read in storage order and matched to responses by id, because
// sorting 80,000 answers in SQL took most of the time of an export of
// 2,000 responses (BenchmarkResponses).
func attachAnswers(ctx context.Context, c conn, questionnaireID int64, list []imhars.Response) error {
	index := make(map[string]*imhars.Response, len(list))
	for i := range list {
		index[list[i].ID] = &list[i]
	}
	if err := scanAnswers(ctx, c, questionnaireID, index); err != nil {
		return fmt.Errorf("list answers: %w", err)
	}
	if err := scanComments(ctx, c, questionnaireID, index); err != nil {
		return fmt.Errorf("list comments: %w", err)
	}
	for i := range list {
		slices.SortFunc(list[i].Answers, func(a, b imhars.Answer) int { return compareItemIDs(a.ItemID, b.ItemID) })
		slices.SortStableFunc(list[i].Comments, func(a, b imhars.Comment) int {
			return strings.Compare(a.ComponentKey, b.ComponentKey)
		})
	}
	return nil
}

// compareItemIDs orders "i2" before "i10".
func compareItemIDs(a, b string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}

// scanAnswers appends each answer to its response in index. Response ids
// are scanned into a reused buffer and item ids are shared, so that this
// code allocates no string per row, though the driver still does.
func scanAnswers(ctx context.Context, c conn, questionnaireID int64, index map[string]*imhars.Response) error {
	rows, err := c.query(ctx, `SELECT response_id, item_id, value, dont_know FROM answers
		WHERE questionnaire_id = ?`, questionnaireID)
	if err != nil {
		return err
	}
	defer rows.Close()

	itemIDs := make(map[string]string)
	var responseID, itemID sql.RawBytes
	for rows.Next() {
		var a imhars.Answer
		if err := rows.Scan(&responseID, &itemID, &a.Value, &a.DontKnow); err != nil {
			return err
		}
		resp := index[string(responseID)]
		if resp == nil {
			continue
		}
		id, ok := itemIDs[string(itemID)]
		if !ok {
			id = string(itemID)
			itemIDs[id] = id
		}
		a.ItemID = id
		resp.Answers = append(resp.Answers, a)
	}
	return rows.Err()
}

// scanComments appends each unflagged comment to its response in index.
func scanComments(ctx context.Context, c conn, questionnaireID int64, index map[string]*imhars.Response) error {
	rows, err := c.query(ctx, `SELECT response_id, component_key, text FROM comments
		WHERE questionnaire_id = ? AND NOT flagged`, questionnaireID)
	if err != nil {
		return err
	}
	defer rows.Close()

	var responseID sql.RawBytes
	for rows.Next() {
		var cm imhars.Comment
		if err := rows.Scan(&responseID, &cm.ComponentKey, &cm.Text); err != nil {
			return err
		}
		if resp := index[string(responseID)]; resp != nil {
			resp.Comments = append(resp.Comments, cm)
		}
	}
	return rows.Err()
}
