package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/imhars/imhars"
)

// auditContents is the number of questionnaires and responses that
// deleting an audit removes along with its ratings and findings.
type auditContents struct {
	Questionnaires int
	Responses      int
}

func (c auditContents) String() string {
	return c.QuestionnaireCount() + " and " + c.ResponseCount()
}

// QuestionnaireCount returns the number of questionnaires with its noun.
func (c auditContents) QuestionnaireCount() string {
	return countOf(c.Questionnaires, "questionnaire", "questionnaires")
}

// ResponseCount returns the number of responses with its noun.
func (c auditContents) ResponseCount() string {
	return countOf(c.Responses, "response", "responses")
}

func (s *Server) countAuditContents(ctx context.Context, auditID int64) (auditContents, error) {
	list, err := s.store.Questionnaires(ctx, auditID)
	if err != nil {
		return auditContents{}, fmt.Errorf("list questionnaires of audit %d: %w", auditID, err)
	}
	c := auditContents{Questionnaires: len(list)}
	for _, q := range list {
		n, err := s.store.RespondentCount(ctx, q.ID)
		if err != nil {
			return auditContents{}, fmt.Errorf("count responses to questionnaire %d: %w", q.ID, err)
		}
		c.Responses += n
	}
	return c, nil
}

type deleteAuditPage struct {
	Page
	Audit    *imhars.Audit
	URL      string
	Contents auditContents
}

func (s *Server) showDeleteAudit(w http.ResponseWriter, r *http.Request) error {
	a := stateOf(r).audit
	contents, err := s.countAuditContents(r.Context(), a.ID)
	if err != nil {
		return err
	}
	p := &deleteAuditPage{Page: s.page(r, "Delete the audit for "+a.AcademicYear), Audit: a,
		URL: auditURL(a), Contents: contents}
	return s.render(w, r, "audit-delete", p)
}

// deleteAudit logs the deletion before it deletes the audit, so that
// nothing is deleted when the log cannot be written.
func (s *Server) deleteAudit(w http.ResponseWriter, r *http.Request) error {
	st := stateOf(r)
	contents, err := s.countAuditContents(r.Context(), st.audit.ID)
	if err != nil {
		return err
	}
	event := &imhars.Event{At: s.now(), UserID: st.user.ID, UserName: st.user.Name, SchoolID: st.school.ID,
		Action: "delete.audit", Detail: fmt.Sprintf("Audit %s (id %d) with %s",
			st.audit.AcademicYear, st.audit.ID, contents)}
	if err := s.store.LogEvent(r.Context(), event); err != nil {
		return fmt.Errorf("log deletion of audit %d: %w", st.audit.ID, err)
	}
	if err := s.store.DeleteAudit(r.Context(), st.school.ID, st.audit.ID); err != nil {
		return err
	}
	s.setFlash(w, fmt.Sprintf("The audit for %s has been deleted, with its %s.", st.audit.AcademicYear, contents))
	http.Redirect(w, r, fmt.Sprintf("/schools/%d", st.school.ID), http.StatusSeeOther)
	return nil
}

type deleteSchoolPage struct {
	Page
	Audits   []imhars.Audit
	Contents auditContents
	Typed    string // the name as typed, kept when it does not match
}

// AuditCount returns the number of audits with its noun.
func (p *deleteSchoolPage) AuditCount() string {
	return countOf(len(p.Audits), "audit", "audits")
}

// newDeleteSchoolPage lists what deleting the school in the path removes.
func (s *Server) newDeleteSchoolPage(r *http.Request) (*deleteSchoolPage, error) {
	school := stateOf(r).school
	audits, err := s.store.Audits(r.Context(), school.ID)
	if err != nil {
		return nil, fmt.Errorf("list audits of school %d: %w", school.ID, err)
	}
	p := &deleteSchoolPage{Page: s.page(r, "Delete "+school.Name), Audits: audits}
	for _, a := range audits {
		c, err := s.countAuditContents(r.Context(), a.ID)
		if err != nil {
			return nil, err
		}
		p.Contents.Questionnaires += c.Questionnaires
		p.Contents.Responses += c.Responses
	}
	return p, nil
}

func (s *Server) showDeleteSchool(w http.ResponseWriter, r *http.Request) error {
	p, err := s.newDeleteSchoolPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "school-delete", p)
}

// deleteSchool deletes the school once its name is typed as shown, apart
// from surrounding spaces. It logs the deletion first, as deleteAudit
// does. The event then stays with no school, so its Detail names it.
func (s *Server) deleteSchool(w http.ResponseWriter, r *http.Request) error {
	st := stateOf(r)
	p, err := s.newDeleteSchoolPage(r)
	if err != nil {
		return err
	}
	p.Typed = r.PostFormValue("name")
	if strings.TrimSpace(p.Typed) != st.school.Name {
		p.Errors.Add("name", "The name you typed does not match. Type %s exactly as shown, with the same capital letters.",
			st.school.Name)
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "school-delete", p)
	}

	detail := fmt.Sprintf("School %s (id %d", st.school.Name, st.school.ID)
	if st.school.URN != "" {
		detail += ", URN " + st.school.URN
	}
	detail += fmt.Sprintf(") with %s, %s", p.AuditCount(), p.Contents)
	event := &imhars.Event{At: s.now(), UserID: st.user.ID, UserName: st.user.Name, SchoolID: st.school.ID,
		Action: "delete.school", Detail: detail}
	if err := s.store.LogEvent(r.Context(), event); err != nil {
		return fmt.Errorf("log deletion of school %d: %w", st.school.ID, err)
	}
	if err := s.store.DeleteSchool(r.Context(), st.school.ID); err != nil {
		return err
	}
	s.setFlash(w, fmt.Sprintf("%s has been deleted, with all its audits, questionnaires and responses.", st.school.Name))
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}
