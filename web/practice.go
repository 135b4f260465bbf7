package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/imhars/imhars"
)

type componentPage struct {
	*auditPage
	Component *imhars.ComponentReport
}

func (s *Server) componentOf(p *auditPage, r *http.Request) (*imhars.ComponentReport, error) {
	key := r.PathValue("component")
	for i := range p.Report.Components {
		if p.Report.Components[i].Component.Key == key {
			return &p.Report.Components[i], nil
		}
	}
	return nil, imhars.ErrNotFound
}

func (s *Server) showComponent(w http.ResponseWriter, r *http.Request) error {
	p, err := s.loadAuditPage(r, "")
	if err != nil {
		return err
	}
	c, err := s.componentOf(p, r)
	if err != nil {
		return err
	}
	p.Title = fmt.Sprintf("%d. %s", c.Component.Number, c.Component.Title)
	return s.render(w, r, "component", &componentPage{auditPage: p, Component: c})
}

type practicePage struct {
	*auditPage
	Component *imhars.Component
	Practice  *imhars.Practice
	Form      imhars.PracticeAssessment
	Theirs    *imhars.PracticeAssessment // the newer saved version, after a conflict
	Stored    imhars.PracticeAssessment  // what was saved when the page was loaded
	NextURL   string
	NextLabel string
}

func (s *Server) practicePage(r *http.Request) (*practicePage, error) {
	p, err := s.loadAuditPage(r, "")
	if err != nil {
		return nil, err
	}
	practice, component, ok := p.Data.Framework.Practice(r.PathValue("practice"))
	if !ok {
		return nil, imhars.ErrNotFound
	}
	p.Title = practice.Number + " " + practice.Text
	pp := &practicePage{auditPage: p, Component: component, Practice: practice}
	pp.Form = p.Data.Assessments[practice.Key]
	pp.Stored = pp.Form
	if pp.Form.PracticeKey == "" {
		pp.Form = imhars.PracticeAssessment{AuditID: p.Audit.ID, PracticeKey: practice.Key, Rating: imhars.NotAssessed}
	}
	pp.NextURL, pp.NextLabel = nextAfterPractice(p, component, practice)
	if err := s.addViews(r, &p.Report); err != nil {
		return nil, err
	}
	return pp, nil
}

// nextAfterPractice returns where "Save and continue" leads: the next
// practice in the component, or its findings after the last one.
func nextAfterPractice(p *auditPage, c *imhars.Component, practice *imhars.Practice) (string, string) {
	for i := range c.Practices {
		if c.Practices[i].Key == practice.Key && i+1 < len(c.Practices) {
			next := c.Practices[i+1]
			return p.URL + "/practices/" + next.Key, "practice " + next.Number
		}
	}
	return p.URL + "/components/" + c.Key + "/findings", "findings for " + c.Title
}

func (s *Server) showPractice(w http.ResponseWriter, r *http.Request) error {
	p, err := s.practicePage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "practice", p)
}

func assessmentFromForm(r *http.Request, auditID int64, key string) imhars.PracticeAssessment {
	rating, err := strconv.Atoi(r.PostFormValue("rating"))
	if err != nil {
		rating = -100
	}
	version, err := strconv.Atoi(r.PostFormValue("version"))
	if err != nil || version < 0 {
		version = 0
	}
	a := imhars.PracticeAssessment{
		AuditID: auditID, PracticeKey: key, Rating: imhars.Rating(rating),
		Evidence: normaliseText(r.PostFormValue("evidence")),
		Priority: imhars.Priority(r.PostFormValue("priority")), Version: version,
	}
	for _, k := range r.PostForm["kinds"] {
		if kind := imhars.EvidenceKind(k); !a.HasKind(kind) {
			a.Kinds = append(a.Kinds, kind)
		}
	}
	return a
}

// normaliseText trims surrounding space and turns CRLF into LF, so that
// lengths and exports do not depend on the browser.
func normaliseText(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
}

func (s *Server) saveAssessment(w http.ResponseWriter, r *http.Request) error {
	p, err := s.practicePage(r)
	if err != nil {
		return err
	}
	p.Form = assessmentFromForm(r, p.Audit.ID, p.Practice.Key)
	if p.Errors = p.Form.Validate(); p.Errors.Any() {
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "practice", p)
	}
	saved := p.Form
	saved.UpdatedBy = stateOf(r).user.Name
	err = s.store.SaveAssessment(r.Context(), &saved)
	if errors.Is(err, imhars.ErrVersionConflict) {
		return s.showAssessmentConflict(w, r, p)
	} else if err != nil {
		return fmt.Errorf("save assessment %s in audit %d: %w", p.Practice.Key, p.Audit.ID, err)
	}
	s.setFlash(w, fmt.Sprintf("Practice %s saved.", p.Practice.Number))
	target := p.URL + "/components/" + p.Component.Key
	if r.PostFormValue("continue") != "" {
		target = p.NextURL
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
	return nil
}

// showAssessmentConflict shows both versions. The form keeps the user's
// input and now carries the newer version number, so that saving again is
// a deliberate choice to replace the other person's change.
func (s *Server) showAssessmentConflict(w http.ResponseWriter, r *http.Request, p *practicePage) error {
	theirs, err := s.store.Assessment(r.Context(), p.Audit.ID, p.Practice.Key)
	if err != nil {
		return fmt.Errorf("load newer assessment: %w", err)
	}
	p.Theirs = theirs
	p.Form.Version = theirs.Version
	return s.renderStatus(w, r, http.StatusConflict, "practice", p)
}
