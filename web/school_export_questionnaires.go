package web

import (
	"context"
	"fmt"
	"time"

	"github.com/imhars/imhars"
)

type exportQuestionnaire struct {
	ID        int64        `json:"id"`
	AuditID   int64        `json:"audit_id"`
	Audience  string       `json:"audience"`
	Title     string       `json:"title"`
	Status    string       `json:"status"`
	OpensOn   string       `json:"opens_on"`
	ClosesOn  string       `json:"closes_on"`
	TimeZone  string       `json:"time_zone"`
	LinkID    string       `json:"link_id"`
	ShortCode string       `json:"short_code"`
	Comments  bool         `json:"comments"`
	HelpText  string       `json:"help_text"`
	CreatedAt time.Time    `json:"created_at"`
	Items     []exportItem `json:"items"`
}

type exportItem struct {
	ID           string `json:"id"`
	PracticeKey  string `json:"practice_key"`
	ComponentKey string `json:"component_key"`
	Text         string `json:"text"`
	Position     int    `json:"position"`
	Retired      bool   `json:"retired"`
}

type exportResponse struct {
	ID              string          `json:"id"`
	QuestionnaireID int64           `json:"questionnaire_id"`
	SubmittedOn     string          `json:"submitted_on"`
	Answers         []exportAnswer  `json:"answers"`
	Comments        []exportComment `json:"comments"`
}

type exportAnswer struct {
	ItemID   string `json:"item_id"`
	Value    int    `json:"value"`
	DontKnow bool   `json:"dont_know"`
}

type exportComment struct {
	ComponentKey string `json:"component_key"`
	Text         string `json:"text"`
}

type exportRecipient struct {
	QuestionnaireID int64  `json:"questionnaire_id"`
	Email           string `json:"email"`
	Name            string `json:"name"`
	Role            string `json:"role"`
	Responded       bool   `json:"responded"`
}

// exportQuestionnaires appends the audit's questionnaires, with retired
// items, and their responses and recipients to e.
func (s *Server) exportQuestionnaires(ctx context.Context, auditID int64, e *schoolExport) error {
	list, err := s.store.Questionnaires(ctx, auditID)
	if err != nil {
		return fmt.Errorf("list questionnaires of audit %d: %w", auditID, err)
	}
	for i := range list {
		q := &list[i]
		items, err := s.store.Items(ctx, q.ID, true)
		if err != nil {
			return fmt.Errorf("list items of questionnaire %d: %w", q.ID, err)
		}
		e.Questionnaires = append(e.Questionnaires, newExportQuestionnaire(q, items))

		responses, err := s.store.Responses(ctx, q.ID)
		if err != nil {
			return fmt.Errorf("list responses of questionnaire %d: %w", q.ID, err)
		}
		for _, r := range responses {
			e.Responses = append(e.Responses, newExportResponse(r))
		}

		recipients, err := s.store.Recipients(ctx, q.ID)
		if err != nil {
			return fmt.Errorf("list recipients of questionnaire %d: %w", q.ID, err)
		}
		for _, r := range recipients {
			e.Recipients = append(e.Recipients, exportRecipient{QuestionnaireID: q.ID,
				Email: r.Email, Name: r.Name, Role: r.Role, Responded: r.Responded})
		}
	}
	return nil
}

func newExportQuestionnaire(q *imhars.Questionnaire, items []imhars.Item) exportQuestionnaire {
	e := exportQuestionnaire{
		ID: q.ID, AuditID: q.AuditID, Audience: string(q.Audience), Title: q.Title,
		Status: string(q.Status), OpensOn: q.OpensOn.String(), ClosesOn: q.ClosesOn.String(),
		TimeZone: q.TimeZone, LinkID: q.LinkID, ShortCode: q.ShortCode, Comments: q.Comments,
		HelpText: q.HelpText, CreatedAt: q.CreatedAt, Items: make([]exportItem, 0, len(items)),
	}
	for _, it := range items {
		e.Items = append(e.Items, exportItem{ID: it.ID, PracticeKey: it.PracticeKey,
			ComponentKey: it.ComponentKey, Text: it.Text, Position: it.Position, Retired: it.Retired})
	}
	return e
}

// newExportResponse converts a response as Store.Responses returns it.
// That method leaves out flagged comments, and they are skipped here as
// well. A comment that may disclose a risk of harm goes only to the
// designated safeguarding lead.
func newExportResponse(r imhars.Response) exportResponse {
	e := exportResponse{ID: r.ID, QuestionnaireID: r.QuestionnaireID, SubmittedOn: r.SubmittedOn.String(),
		Answers: make([]exportAnswer, 0, len(r.Answers)), Comments: []exportComment{}}
	for _, a := range r.Answers {
		e.Answers = append(e.Answers, exportAnswer{ItemID: a.ItemID, Value: a.Value, DontKnow: a.DontKnow})
	}
	for _, c := range r.Comments {
		if !c.Flagged {
			e.Comments = append(e.Comments, exportComment{ComponentKey: c.ComponentKey, Text: c.Text})
		}
	}
	return e
}
