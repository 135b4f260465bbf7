package imhars

import (
	"context"
	"time"
)

// QuestionnaireStore keeps questionnaires, their items, recipients and
// anonymous responses. Methods taking a school id return ErrNotFound for a
// questionnaire of another school.
type QuestionnaireStore interface {
	// CreateQuestionnaire stores q with its items in one transaction and
	// sets q.ID, q.LinkID and q.ShortCode (unique, random).
	CreateQuestionnaire(ctx context.Context, q *Questionnaire, items []Item) error
	Questionnaire(ctx context.Context, schoolID, id int64) (*Questionnaire, error)
	QuestionnaireByLink(ctx context.Context, linkID string) (*Questionnaire, error)
	QuestionnaireByCode(ctx context.Context, code string) (*Questionnaire, error)
	Questionnaires(ctx context.Context, auditID int64) ([]Questionnaire, error)
	// UpdateQuestionnaire saves title, dates, status, comments and help text.
	UpdateQuestionnaire(ctx context.Context, q *Questionnaire) error
	// Items returns items in position order; retired ones only when asked.
	Items(ctx context.Context, questionnaireID int64, withRetired bool) ([]Item, error)
	// RewordItem changes an item's text; its answers stay attached.
	RewordItem(ctx context.Context, questionnaireID int64, itemID, text string) error
	// RetireItem hides an item from respondents and keeps its answers.
	RetireItem(ctx context.Context, questionnaireID int64, itemID string) error
	// AddItem appends a new item, with a new id, and sets it.
	AddItem(ctx context.Context, it *Item) error

	// SubmitResponse stores r once per submission key. A repeat of the same
	// key returns duplicate true and stores nothing, and the database's
	// unique constraint enforces it under concurrency. A non-empty
	// recipientTokenHash marks that recipient as responded in the same
	// transaction, without linking them to the response.
	SubmitResponse(ctx context.Context, r *Response, submissionKey, recipientTokenHash string) (duplicate bool, err error)
	RespondentCount(ctx context.Context, questionnaireID int64) (int, error)
	// AnswerCounts returns counts per item and value, including retired items.
	AnswerCounts(ctx context.Context, questionnaireID int64) (map[string]ItemCounts, error)
	// Comments returns comments; flagged ones only when withFlagged is true.
	Comments(ctx context.Context, questionnaireID int64, withFlagged bool) ([]Comment, error)
	// Responses returns every response with its answers and unflagged
	// comments, in random id order, for exports.
	Responses(ctx context.Context, questionnaireID int64) ([]Response, error)

	// AddRecipients adds people by email, skipping emails already present in
	// any letter case, and returns how many were added.
	AddRecipients(ctx context.Context, questionnaireID int64, rs []Recipient) (int, error)
	Recipients(ctx context.Context, questionnaireID int64) ([]Recipient, error)
	RecipientByTokenHash(ctx context.Context, hash string) (*Recipient, error)

	// FlaggedComments returns comments flagged for safeguarding in the
	// school's questionnaires, newest questionnaire first.
	FlaggedComments(ctx context.Context, schoolID int64) ([]FlaggedComment, error)
	MarkFlagReviewed(ctx context.Context, schoolID, flagID int64, by string, at time.Time) error
	RiskPhrases(ctx context.Context, schoolID int64) ([]string, error)
	SetRiskPhrases(ctx context.Context, schoolID int64, phrases []string) error
	SchoolPrivacy(ctx context.Context, schoolID int64) (Privacy, error)
	SetSchoolPrivacy(ctx context.Context, schoolID int64, p Privacy) error
	// SetSafeguardingLead marks a member as a designated safeguarding lead.
	SetSafeguardingLead(ctx context.Context, schoolID, userID int64, lead bool) error
	IsSafeguardingLead(ctx context.Context, schoolID, userID int64) (bool, error)
}

// FlaggedComment is a comment that matched a risk phrase, for the
// designated safeguarding lead. It carries no respondent details.
type FlaggedComment struct {
	ID              int64
	QuestionnaireID int64
	Audience        Audience
	Title           string
	ComponentKey    string
	Text            string
	Phrase          string // the phrase that matched
	SubmittedOn     Date
	ReviewedBy      string
	ReviewedAt      *time.Time
}
