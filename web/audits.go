package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/imhars/imhars"
)

type newAuditPage struct {
	Page
	Frameworks   []imhars.Framework
	AcademicYear string
	FrameworkID  int64
}

func (s *Server) newAuditPage(r *http.Request) (*newAuditPage, error) {
	frameworks, err := s.store.Frameworks(r.Context())
	if err != nil {
		return nil, fmt.Errorf("list frameworks: %w", err)
	}
	p := &newAuditPage{Page: s.page(r, "Start an audit"), Frameworks: frameworks,
		AcademicYear: imhars.CurrentAcademicYear(s.now())}
	if len(frameworks) > 0 {
		p.FrameworkID = frameworks[0].ID
	}
	return p, nil
}

func (s *Server) showNewAudit(w http.ResponseWriter, r *http.Request) error {
	p, err := s.newAuditPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "audit-new", p)
}

func (s *Server) createAudit(w http.ResponseWriter, r *http.Request) error {
	st := stateOf(r)
	p, err := s.newAuditPage(r)
	if err != nil {
		return err
	}
	p.AcademicYear = trimmed(r, "academic_year")
	p.FrameworkID, _ = strconv.ParseInt(r.PostFormValue("framework"), 10, 64)
	if msg := imhars.ValidateAcademicYear(p.AcademicYear); msg != "" {
		p.Errors.Add("academic_year", "%s", msg)
	}
	if !hasFramework(p.Frameworks, p.FrameworkID) {
		p.Errors.Add("framework", "Select the framework to audit against.")
	}
	if p.Errors.Any() {
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "audit-new", p)
	}
	a := &imhars.Audit{SchoolID: st.school.ID, FrameworkID: p.FrameworkID, AcademicYear: p.AcademicYear,
		Status: imhars.AuditInProgress, CreatedAt: s.now()}
	if err := s.store.CreateAudit(r.Context(), a); err != nil {
		if imhars.ErrorCode(err) == imhars.ECONFLICT {
			p.Errors.Add("academic_year", "%s", imhars.ErrorMessage(err))
			return s.renderStatus(w, r, http.StatusUnprocessableEntity, "audit-new", p)
		}
		return fmt.Errorf("create audit: %w", err)
	}
	s.setFlash(w, fmt.Sprintf("Audit for %s started. Work through each component below, in any order.", a.AcademicYear))
	http.Redirect(w, r, auditURL(a), http.StatusSeeOther)
	return nil
}

func hasFramework(list []imhars.Framework, id int64) bool {
	for _, f := range list {
		if f.ID == id {
			return true
		}
	}
	return false
}

func auditURL(a *imhars.Audit) string {
	return fmt.Sprintf("/schools/%d/audits/%d", a.SchoolID, a.ID)
}

type auditPage struct {
	Page
	Audit      *imhars.Audit
	Data       *imhars.AuditData
	Progress   imhars.Progress
	Report     imhars.Report
	Unassessed []imhars.PracticeRow
	CanEdit    bool
	CanLead    bool
	URL        string
}

// loadAuditPage loads the audit named in the path with everything recorded.
func (s *Server) loadAuditPage(r *http.Request, title string) (*auditPage, error) {
	st := stateOf(r)
	data, err := s.store.AuditData(r.Context(), st.audit)
	if err != nil {
		return nil, fmt.Errorf("load audit %d: %w", st.audit.ID, err)
	}
	p := &auditPage{
		Page: s.page(r, title), Audit: st.audit, Data: data, Progress: imhars.ProgressOf(*data),
		Report:  imhars.BuildReport(*st.school, *data, nil, s.now()),
		CanEdit: st.role.CanEdit() && st.audit.Editable(), CanLead: st.role.CanLead(), URL: auditURL(st.audit),
	}
	for _, c := range p.Report.Components {
		for _, row := range c.Practices {
			if !row.Assessment.Rating.Assessed() {
				p.Unassessed = append(p.Unassessed, row)
			}
		}
	}
	return p, nil
}

func (s *Server) showAudit(w http.ResponseWriter, r *http.Request) error {
	p, err := s.loadAuditPage(r, "Audit "+stateOf(r).audit.AcademicYear)
	if err != nil {
		return err
	}
	return s.render(w, r, "audit", p)
}

// completeAudit marks the audit complete and closes its open
// questionnaires, because answers that arrive after the audit is complete
// would change results that the team has already reported.
func (s *Server) completeAudit(w http.ResponseWriter, r *http.Request) error {
	a := stateOf(r).audit
	closed, err := s.closeQuestionnairesOf(r.Context(), a)
	if err != nil {
		return err
	}
	if err := s.store.SetAuditStatus(r.Context(), a.ID, imhars.AuditComplete, s.now()); err != nil {
		return fmt.Errorf("complete audit %d: %w", a.ID, err)
	}

	msg := "Audit marked complete. It is now read-only; an audit lead can reopen it."
	switch {
	case closed == 1:
		msg += " Its open questionnaire was closed, so it no longer accepts answers."
	case closed > 1:
		msg += fmt.Sprintf(" Its %d open questionnaires were closed, so they no longer accept answers.", closed)
	}
	s.setFlash(w, msg)
	http.Redirect(w, r, auditURL(a), http.StatusSeeOther)
	return nil
}

// closeQuestionnairesOf closes every open questionnaire of the audit and
// returns how many it closed.
func (s *Server) closeQuestionnairesOf(ctx context.Context, a *imhars.Audit) (int, error) {
	list, err := s.store.Questionnaires(ctx, a.ID)
	if err != nil {
		return 0, fmt.Errorf("list questionnaires of audit %d: %w", a.ID, err)
	}
	closed := 0
	for i := range list {
		q := &list[i]
		if q.Status != imhars.QuestionnaireOpen {
			continue
		}
		q.Status = imhars.QuestionnaireClosed
		if err := s.store.UpdateQuestionnaire(ctx, q); err != nil {
			return closed, fmt.Errorf("close questionnaire %d of audit %d: %w", q.ID, a.ID, err)
		}
		closed++
	}
	return closed, nil
}

// reopenAudit lets the team edit the audit again. Its questionnaires stay
// closed until a lead opens each one again.
func (s *Server) reopenAudit(w http.ResponseWriter, r *http.Request) error {
	a := stateOf(r).audit
	if err := s.store.SetAuditStatus(r.Context(), a.ID, imhars.AuditInProgress, s.now()); err != nil {
		return fmt.Errorf("reopen audit %d: %w", a.ID, err)
	}
	s.setFlash(w, "Audit reopened. The team can edit it again.")
	http.Redirect(w, r, auditURL(a), http.StatusSeeOther)
	return nil
}
