package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/imhars/imhars"
)

type findingsPage struct {
	*auditPage
	Component *imhars.ComponentReport
	Form      imhars.ComponentFindings
	Theirs    *imhars.ComponentFindings // the newer saved version, after a conflict
}

func (s *Server) findingsPage(r *http.Request) (*findingsPage, error) {
	p, err := s.loadAuditPage(r, "")
	if err != nil {
		return nil, err
	}
	c, err := s.componentOf(p, r)
	if err != nil {
		return nil, err
	}
	p.Title = fmt.Sprintf("Findings for %d. %s", c.Component.Number, c.Component.Title)
	fp := &findingsPage{auditPage: p, Component: c, Form: c.Findings}
	if fp.Form.ComponentKey == "" {
		fp.Form = imhars.ComponentFindings{AuditID: p.Audit.ID, ComponentKey: c.Component.Key}
	}
	return fp, nil
}

func (s *Server) showFindings(w http.ResponseWriter, r *http.Request) error {
	p, err := s.findingsPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "findings", p)
}

func findingsFromForm(r *http.Request, auditID int64, key string) imhars.ComponentFindings {
	version, err := strconv.Atoi(r.PostFormValue("version"))
	if err != nil || version < 0 {
		version = 0
	}
	f := imhars.ComponentFindings{
		AuditID: auditID, ComponentKey: key, Tiers: map[imhars.Tier]imhars.TierNote{},
		WorksWell: normaliseText(r.PostFormValue("works_well")),
		Improve:   normaliseText(r.PostFormValue("improve")),
		NextSteps: normaliseText(r.PostFormValue("next_steps")),
		Version:   version,
	}
	for _, t := range imhars.Tiers {
		f.Tiers[t] = imhars.TierNote{
			Text:     normaliseText(r.PostFormValue("tier_" + string(t))),
			Coverage: imhars.Coverage(r.PostFormValue("coverage_" + string(t))),
		}
	}
	return f
}

func (s *Server) saveFindings(w http.ResponseWriter, r *http.Request) error {
	p, err := s.findingsPage(r)
	if err != nil {
		return err
	}
	p.Form = findingsFromForm(r, p.Audit.ID, p.Component.Component.Key)
	if p.Errors = p.Form.Validate(); p.Errors.Any() {
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "findings", p)
	}
	saved := p.Form
	saved.UpdatedBy = stateOf(r).user.Name
	err = s.store.SaveFindings(r.Context(), &saved)
	if errors.Is(err, imhars.ErrVersionConflict) {
		theirs, err := s.store.Findings(r.Context(), p.Audit.ID, p.Component.Component.Key)
		if err != nil {
			return fmt.Errorf("load newer findings: %w", err)
		}
		p.Theirs = theirs
		p.Form.Version = theirs.Version
		return s.renderStatus(w, r, http.StatusConflict, "findings", p)
	} else if err != nil {
		return fmt.Errorf("save findings %s in audit %d: %w", p.Component.Component.Key, p.Audit.ID, err)
	}
	s.setFlash(w, fmt.Sprintf("Findings for %s saved.", p.Component.Component.Title))
	http.Redirect(w, r, p.URL, http.StatusSeeOther)
	return nil
}
