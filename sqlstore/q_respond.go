package sqlstore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/imhars/imhars"
)

// Submission is one questionnaire form to store, with the arguments that
// SubmitResponse takes.
type Submission struct {
	Response           *imhars.Response
	Key                string
	RecipientTokenHash string
}

// SubmitResult is the outcome of storing one Submission.
type SubmitResult struct {
	Duplicate bool
	Err       error
}

// SubmitResponses stores each submission as SubmitResponse does, but all
// in one transaction and with multi-row inserts, so that many respondents
// share the cost of one commit. A key used twice in subs counts as a
// repeat the second time. When the transaction fails, each submission is
// stored again on its own, so that one bad submission fails alone. The
// results are in the order of subs.
func (s *Store) SubmitResponses(ctx context.Context, subs []Submission) []SubmitResult {
	results := make([]SubmitResult, len(subs))
	var added []addedResponse
	err := s.inTx(ctx, func(c conn) error {
		var err error
		added, err = insertSubmissions(ctx, c, subs)
		return err
	})
	if err == nil {
		for i := range results {
			results[i].Duplicate = true
		}
		for _, a := range added {
			results[a.index].Duplicate = false
			subs[a.index].Response.ID, subs[a.index].Response.SubmittedOn = a.id, a.on
		}
		return results
	}
	if len(subs) == 1 {
		results[0].Err = fmt.Errorf("submit response to questionnaire %d: %w", subs[0].Response.QuestionnaireID, err)
		return results
	}
	for i, sub := range subs {
		results[i].Duplicate, results[i].Err = s.SubmitResponse(ctx, sub.Response, sub.Key, sub.RecipientTokenHash)
	}
	return results
}

// addedResponse is a submission whose key was new, with the id and day of
// the response stored for it.
type addedResponse struct {
	index int // in the submissions
	id    string
	on    imhars.Date
}

// insertSubmissions writes the submissions whose keys are new and returns
// them.
func insertSubmissions(ctx context.Context, c conn, subs []Submission) ([]addedResponse, error) {
	fresh, err := insertSubmissionKeys(ctx, c, subs)
	if err != nil {
		return nil, err
	}
	added := make([]addedResponse, 0, len(fresh))
	for _, i := range fresh {
		r := subs[i].Response
		a := addedResponse{index: i, id: newResponseID(), on: r.SubmittedOn}
		if a.on.IsZero() {
			if a.on, err = today(ctx, c, r.QuestionnaireID); err != nil {
				return nil, err
			}
		}
		added = append(added, a)
	}
	if err := insertResponseRows(ctx, c, subs, added); err != nil {
		return nil, err
	}
	if err := insertAnswerRows(ctx, c, subs, added); err != nil {
		return nil, err
	}
	for _, a := range added {
		sub := subs[a.index]
		if err := insertComments(ctx, c, a.id, sub.Response.QuestionnaireID, sub.Response.Comments); err != nil {
			return nil, err
		}
		if err := markResponded(ctx, c, sub.Response.QuestionnaireID, sub.RecipientTokenHash); err != nil {
			return nil, err
		}
	}
	return added, nil
}

// insertSubmissionKeys records the hashes of the submissions' keys in one
// statement and returns the indexes of the submissions whose key was new,
// in order. Only the first of several submissions with one key is new.
func insertSubmissionKeys(ctx context.Context, c conn, subs []Submission) ([]int, error) {
	hashes := make([]string, len(subs))
	var b strings.Builder
	b.WriteString("INSERT INTO submission_keys (questionnaire_id, key_hash) VALUES ")
	args := make([]any, 0, 2*len(subs))
	for i, sub := range subs {
		if sub.Key == "" {
			return nil, fmt.Errorf("empty submission key")
		}
		sum := sha256.Sum256([]byte(sub.Key))
		hashes[i] = strconv.FormatInt(sub.Response.QuestionnaireID, 10) + "/" + hex.EncodeToString(sum[:])
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(?, ?)")
		args = append(args, sub.Response.QuestionnaireID, hex.EncodeToString(sum[:]))
	}
	b.WriteString(" ON CONFLICT DO NOTHING RETURNING questionnaire_id, key_hash")

	inserted, err := queryAll(ctx, c, func(r scanner) (string, error) {
		var id int64
		var hash string
		err := r.Scan(&id, &hash)
		return strconv.FormatInt(id, 10) + "/" + hash, err
	}, b.String(), args...)
	if isForeignKeyViolation(err) {
		return nil, imhars.ErrNotFound
	} else if err != nil {
		return nil, fmt.Errorf("insert submission keys: %w", err)
	}

	isNew := make(map[string]bool, len(inserted))
	for _, h := range inserted {
		isNew[h] = true
	}
	var fresh []int
	for i, h := range hashes {
		if isNew[h] {
			fresh = append(fresh, i)
			delete(isNew, h)
		}
	}
	return fresh, nil
}

func insertResponseRows(ctx context.Context, c conn, subs []Submission, added []addedResponse) error {
	if len(added) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString("INSERT INTO responses (id, questionnaire_id, submitted_on) VALUES ")
	args := make([]any, 0, 3*len(added))
	for i, a := range added {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(?, ?, ?)")
		args = append(args, a.id, subs[a.index].Response.QuestionnaireID, a.on)
	}
	if _, err := c.exec(ctx, b.String(), args...); err != nil {
		return fmt.Errorf("insert responses: %w", err)
	}
	return nil
}

// answerRow is one answer with the response it belongs to.
type answerRow struct {
	responseID      string
	questionnaireID int64
	answer          imhars.Answer
}

// insertAnswerRows inserts every added response's answers in multi-row
// inserts of at most maxRowsPerInsert rows.
func insertAnswerRows(ctx context.Context, c conn, subs []Submission, added []addedResponse) error {
	var rows []answerRow
	for _, a := range added {
		r := subs[a.index].Response
		for _, ans := range r.Answers {
			rows = append(rows, answerRow{a.id, r.QuestionnaireID, ans})
		}
	}
	for batch := range slices.Chunk(rows, maxRowsPerInsert) {
		var b strings.Builder
		b.WriteString("INSERT INTO answers (response_id, questionnaire_id, item_id, value, dont_know) VALUES ")
		args := make([]any, 0, 5*len(batch))
		for i, row := range batch {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("(?, ?, ?, ?, ?)")
			value := row.answer.Value
			if row.answer.DontKnow {
				value = 0
			}
			args = append(args, row.responseID, row.questionnaireID, row.answer.ItemID, value, row.answer.DontKnow)
		}
		_, err := c.exec(ctx, b.String(), args...)
		if isForeignKeyViolation(err) {
			return errUnknownItem
		} else if err != nil {
			return fmt.Errorf("insert answers: %w", err)
		}
	}
	return nil
}
