package web

import (
	"fmt"
	"net/http"

	"github.com/imhars/imhars"
)

// itemView is an item with the number of the practice it asks about.
type itemView struct {
	imhars.Item
	Number string
}

// questionnairePage is a questionnaire with its items, shared by its
// overview, settings, item and add-items pages.
type questionnairePage struct {
	Page
	Audit       *imhars.Audit
	Q           *imhars.Questionnaire
	URL         string
	ListURL     string
	Framework   *imhars.Framework
	Items       []itemView // items respondents see, in order
	Retired     []itemView
	Respondents string
	Answered    bool // whether anyone has responded, so rewording affects answers
	CanChange   bool
	CanClose    bool
	Today       imhars.Date
}

func (s *Server) questionnairePage(r *http.Request) (*questionnairePage, error) {
	st := stateOf(r)
	q, err := s.questionnaireOf(r)
	if err != nil {
		return nil, err
	}
	f, err := s.store.Framework(r.Context(), st.audit.FrameworkID)
	if err != nil {
		return nil, fmt.Errorf("get framework %d: %w", st.audit.FrameworkID, err)
	}
	p := &questionnairePage{Page: s.page(r, q.Title), Audit: st.audit, Q: q, Framework: f,
		URL: questionnaireURL(st.audit, q), ListURL: questionnairesURL(st.audit),
		CanChange: st.role.CanLead() && st.audit.Editable(), CanClose: st.role.CanLead(), Today: s.today(st.school)}
	if err := s.loadItems(r, p); err != nil {
		return nil, err
	}
	return p, s.countRespondents(r, p)
}

func (s *Server) loadItems(r *http.Request, p *questionnairePage) error {
	items, err := s.store.Items(r.Context(), p.Q.ID, true)
	if err != nil {
		return fmt.Errorf("list items of questionnaire %d: %w", p.Q.ID, err)
	}
	for _, it := range items {
		v := itemView{Item: it, Number: it.PracticeKey}
		if practice, _, ok := p.Framework.Practice(it.PracticeKey); ok {
			v.Number = practice.Number
		}
		if it.Retired {
			p.Retired = append(p.Retired, v)
		} else {
			p.Items = append(p.Items, v)
		}
	}
	return nil
}

func (s *Server) countRespondents(r *http.Request, p *questionnairePage) error {
	n, err := s.store.RespondentCount(r.Context(), p.Q.ID)
	if err != nil {
		return fmt.Errorf("count respondents of questionnaire %d: %w", p.Q.ID, err)
	}
	privacy, err := s.store.SchoolPrivacy(r.Context(), p.Q.SchoolID)
	if err != nil {
		return fmt.Errorf("get privacy settings of school %d: %w", p.Q.SchoolID, err)
	}
	p.Respondents, p.Answered = respondentsText(n, privacy), n > 0
	return nil
}

// item returns the item named in the path, retired or not.
func (p *questionnairePage) item(r *http.Request) (*itemView, error) {
	id := r.PathValue("item")
	for _, list := range [][]itemView{p.Items, p.Retired} {
		for i := range list {
			if list[i].ID == id {
				return &list[i], nil
			}
		}
	}
	return nil, imhars.ErrNotFound
}

func (s *Server) showQuestionnaire(w http.ResponseWriter, r *http.Request) error {
	p, err := s.questionnairePage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "q-manage-show", p)
}

// openQuestionnaire starts accepting answers, from a draft or after the
// questionnaire was closed, once it has items and dates that are not over.
func (s *Server) openQuestionnaire(w http.ResponseWriter, r *http.Request) error {
	p, err := s.questionnairePage(r)
	if err != nil {
		return err
	}
	p.Errors = p.Q.Validate()
	if len(p.Items) == 0 {
		p.Errors.Add("open", "Add at least one statement before opening the questionnaire.")
	}
	if !p.Q.ClosesOn.IsZero() && p.Q.ClosesOn.Before(p.Today) {
		p.Errors.Add("open", "The close date, %s, has passed. Change the dates before opening the questionnaire.", p.Q.ClosesOn.Long())
	}
	if p.Errors.Any() {
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "q-manage-show", p)
	}
	msg := fmt.Sprintf("Questionnaire open. It accepts answers from %s to %s.", p.Q.OpensOn.Long(), p.Q.ClosesOn.Long())
	return s.setQuestionnaireStatus(w, r, p, imhars.QuestionnaireOpen, msg)
}

func (s *Server) closeQuestionnaire(w http.ResponseWriter, r *http.Request) error {
	p, err := s.questionnairePage(r)
	if err != nil {
		return err
	}
	if p.Q.Status != imhars.QuestionnaireOpen {
		return imhars.Errorf(imhars.ECONFLICT, "This questionnaire is not open, so it cannot be closed.")
	}
	msg := "Questionnaire closed. Its links no longer accept answers, and the answers given are kept."
	return s.setQuestionnaireStatus(w, r, p, imhars.QuestionnaireClosed, msg)
}

func (s *Server) setQuestionnaireStatus(w http.ResponseWriter, r *http.Request, p *questionnairePage,
	status imhars.QuestionnaireStatus, msg string) error {
	p.Q.Status = status
	if err := s.store.UpdateQuestionnaire(r.Context(), p.Q); err != nil {
		return fmt.Errorf("set status of questionnaire %d to %s: %w", p.Q.ID, status, err)
	}
	s.setFlash(w, msg)
	http.Redirect(w, r, p.URL, http.StatusSeeOther)
	return nil
}
