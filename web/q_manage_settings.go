package web

import (
	"fmt"
	"net/http"

	"github.com/imhars/imhars"
)

type questionnaireEditPage struct {
	*questionnairePage
	Form settingsForm
}

func (s *Server) questionnaireEditPage(r *http.Request) (*questionnaireEditPage, error) {
	p, err := s.questionnairePage(r)
	if err != nil {
		return nil, err
	}
	p.Title = "Change settings"
	return &questionnaireEditPage{questionnairePage: p, Form: newSettingsForm(p.Q)}, nil
}

func (s *Server) showQuestionnaireEdit(w http.ResponseWriter, r *http.Request) error {
	p, err := s.questionnaireEditPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "q-manage-settings", p)
}

// updateQuestionnaire saves everything but the audience, which the
// statements were worded for.
func (s *Server) updateQuestionnaire(w http.ResponseWriter, r *http.Request) error {
	p, err := s.questionnaireEditPage(r)
	if err != nil {
		return err
	}
	p.Form.read(r)
	p.Form.Audience = p.Q.Audience
	q := *p.Q
	if p.Errors = p.Form.apply(&q); p.Errors.Any() {
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "q-manage-settings", p)
	}
	if err := s.store.UpdateQuestionnaire(r.Context(), &q); err != nil {
		return fmt.Errorf("update questionnaire %d: %w", q.ID, err)
	}
	msg := "Settings saved."
	if q.Status == imhars.QuestionnaireOpen && (q.OpensOn != p.Q.OpensOn || q.ClosesOn != p.Q.ClosesOn) {
		msg = fmt.Sprintf("Settings saved. The questionnaire accepts answers from %s to %s.", q.OpensOn.Long(), q.ClosesOn.Long())
	}
	s.setFlash(w, msg)
	http.Redirect(w, r, p.URL, http.StatusSeeOther)
	return nil
}
