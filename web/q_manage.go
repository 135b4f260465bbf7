package web

import (
	"fmt"
	"net/http"

	"github.com/imhars/imhars"
)

// manageRoutes registers the audit lead's pages for setting up
// questionnaires. Members and viewers may read the list, a questionnaire
// and its links, but only a lead changes anything.
func (s *Server) manageRoutes(mux *http.ServeMux) {
	const qs = "/schools/{school}/audits/{audit}/questionnaires"
	const q = qs + "/{questionnaire}"
	s.handle(mux, "GET "+qs, s.inAudit(s.listQuestionnaires))
	s.handle(mux, "GET "+qs+"/new", s.changingQuestionnaires(s.showNewQuestionnaire))
	s.handle(mux, "POST "+qs+"/new", s.changingQuestionnaires(s.chooseQuestionnaireItems))
	s.handle(mux, "POST "+qs, s.changingQuestionnaires(s.createQuestionnaire))

	s.handle(mux, "GET "+q, s.inAudit(s.showQuestionnaire))
	s.handle(mux, "GET "+q+"/settings", s.changingQuestionnaires(s.showQuestionnaireEdit))
	s.handle(mux, "POST "+q+"/settings", s.changingQuestionnaires(s.updateQuestionnaire))
	s.handle(mux, "GET "+q+"/items/new", s.changingQuestionnaires(s.showAddItems))
	s.handle(mux, "POST "+q+"/items", s.changingQuestionnaires(s.addItems))
	s.handle(mux, "GET "+q+"/items/{item}", s.changingQuestionnaires(s.showItem))
	s.handle(mux, "POST "+q+"/items/{item}", s.changingQuestionnaires(s.rewordItem))
	s.handle(mux, "POST "+q+"/items/{item}/retire", s.changingQuestionnaires(s.retireItem))
	s.handle(mux, "POST "+q+"/open", s.changingQuestionnaires(s.openQuestionnaire))
	s.handle(mux, "POST "+q+"/close", s.leadingAudit(s.closeQuestionnaire))

	s.handle(mux, "GET "+q+"/links", s.inAudit(s.showQuestionnaireLinks))
	s.handle(mux, "GET "+q+"/poster", s.inAudit(s.showQuestionnairePoster))
	s.handle(mux, "GET "+q+"/recipients", s.leadingAudit(s.showRecipients))
	s.handle(mux, "POST "+q+"/recipients/preview", s.leadingAudit(s.previewRecipients))
	s.handle(mux, "POST "+q+"/recipients", s.leadingAudit(s.importRecipients))
}

// changingQuestionnaires serves h to audit leads while the audit is not
// complete. Closing a questionnaire stays possible after the audit is.
func (s *Server) changingQuestionnaires(h handlerFunc) http.Handler {
	return s.leadingAudit(func(w http.ResponseWriter, r *http.Request) error {
		if !stateOf(r).audit.Editable() {
			return imhars.Errorf(imhars.ECONFLICT,
				"This audit is marked complete, so its questionnaires cannot be changed. Reopen the audit first.")
		}
		return h(w, r)
	})
}

// questionnaireOf loads the questionnaire named in the path. One of
// another audit, even of the same school, is not found.
func (s *Server) questionnaireOf(r *http.Request) (*imhars.Questionnaire, error) {
	st := stateOf(r)
	id, err := pathID(r, "questionnaire")
	if err != nil {
		return nil, err
	}
	q, err := s.store.Questionnaire(r.Context(), st.school.ID, id)
	if err != nil {
		return nil, fmt.Errorf("get questionnaire %d: %w", id, err)
	}
	if q.AuditID != st.audit.ID {
		return nil, imhars.ErrNotFound
	}
	return q, nil
}

func questionnairesURL(a *imhars.Audit) string {
	return auditURL(a) + "/questionnaires"
}

func questionnaireURL(a *imhars.Audit, q *imhars.Questionnaire) string {
	return fmt.Sprintf("%s/%d", questionnairesURL(a), q.ID)
}

// questionnaireSummary is one questionnaire with its number of respondents
// as the lead may see it.
type questionnaireSummary struct {
	imhars.Questionnaire
	State       questionnaireState
	Respondents string
	URL         string
}

// respondentsText returns how many have responded. A number below the
// school's minimum group size is not shown, as with every other result.
func respondentsText(n int, p imhars.Privacy) string {
	minGroup := p.Effective().MinGroup
	switch {
	case n == 0:
		return "None yet"
	case n < minGroup:
		return fmt.Sprintf("Fewer than %d", minGroup)
	}
	return fmt.Sprintf("%d", n)
}

type questionnairesPage struct {
	Page
	Audit          *imhars.Audit
	AuditURL       string
	URL            string
	Questionnaires []questionnaireSummary
	CanChange      bool
}

func (s *Server) listQuestionnaires(w http.ResponseWriter, r *http.Request) error {
	st := stateOf(r)
	list, err := s.store.Questionnaires(r.Context(), st.audit.ID)
	if err != nil {
		return fmt.Errorf("list questionnaires of audit %d: %w", st.audit.ID, err)
	}
	privacy, err := s.store.SchoolPrivacy(r.Context(), st.school.ID)
	if err != nil {
		return fmt.Errorf("get privacy settings of school %d: %w", st.school.ID, err)
	}
	p := &questionnairesPage{Page: s.page(r, "Questionnaires"), Audit: st.audit, AuditURL: auditURL(st.audit),
		URL: questionnairesURL(st.audit), CanChange: st.role.CanLead() && st.audit.Editable()}
	today := s.today(st.school)
	for _, q := range list {
		n, err := s.store.RespondentCount(r.Context(), q.ID)
		if err != nil {
			return fmt.Errorf("count respondents of questionnaire %d: %w", q.ID, err)
		}
		p.Questionnaires = append(p.Questionnaires, questionnaireSummary{Questionnaire: q,
			State: stateOn(&q, today), Respondents: respondentsText(n, privacy), URL: questionnaireURL(st.audit, &q)})
	}
	return s.render(w, r, "q-manage-list", p)
}
