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

// exportResponsesFile is responses.json: the responses that may leave
// imhars, and the questionnaires whose responses or comments were left out.
type exportResponsesFile struct {
	Withheld  []exportWithheld `json:"withheld"`
	Responses []exportResponse `json:"responses"`
}

// exportWithheld is a questionnaire whose responses, or only their
// comments, an export leaves out, and why.
type exportWithheld struct {
	QuestionnaireID int64  `json:"questionnaire_id"`
	Title           string `json:"title"`
	LeftOut         string `json:"left_out"` // "responses" or "comments"
	Reason          string `json:"reason"`
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
func (s *Server) exportQuestionnaires(ctx context.Context, auditID int64, privacy imhars.Privacy,
	e *schoolExport) error {
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
		if err := s.exportResponses(ctx, q, privacy, e); err != nil {
			return err
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

// exportResponses appends a questionnaire's responses to e, under the
// rules that govern its results on screen. A questionnaire with fewer
// respondents than the minimum group size, or held until it closes, has no
// responses in the export, and one with fewer than the minimum for
// comments has its answers without comments. Each is listed in
// e.Withheld with the reason.
func (s *Server) exportResponses(ctx context.Context, q *imhars.Questionnaire, privacy imhars.Privacy,
	e *schoolExport) error {
	respondents, err := s.store.RespondentCount(ctx, q.ID)
	if err != nil {
		return fmt.Errorf("count respondents of questionnaire %d: %w", q.ID, err)
	}
	if respondents == 0 {
		return nil
	}
	held, err := s.heldUntilClosed(ctx, q)
	if err != nil {
		return err
	}
	withhold := func(leftOut, reason string) {
		e.Withheld = append(e.Withheld, exportWithheld{QuestionnaireID: q.ID, Title: q.Title,
			LeftOut: leftOut, Reason: reason})
	}
	switch {
	case held:
		withhold("responses", "The questionnaire is still open and some people were sent personal "+
			"links, so responses could be matched to them while they answer. They are included once it closes.")
		return nil
	case respondents < privacy.MinGroup:
		withhold("responses", fmt.Sprintf("Fewer than %d people responded, so someone who knows the "+
			"group could work out who gave which answers.", privacy.MinGroup))
		return nil
	}

	responses, err := s.store.Responses(ctx, q.ID)
	if err != nil {
		return fmt.Errorf("list responses of questionnaire %d: %w", q.ID, err)
	}
	withComments := respondents >= privacy.MinComments
	commentsLeftOut := false
	for _, r := range responses {
		er := newExportResponse(r)
		if !withComments && len(er.Comments) > 0 {
			er.Comments, commentsLeftOut = []exportComment{}, true
		}
		e.Responses = append(e.Responses, er)
	}
	if commentsLeftOut {
		withhold("comments", fmt.Sprintf("Fewer than %d people responded, the minimum for comments, "+
			"so the comments are left out and the answers kept.", privacy.MinComments))
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
