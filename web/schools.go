package web

import (
	"fmt"
	"net/http"

	"github.com/imhars/imhars"
)

type dashboardPage struct {
	Page
	Schools      []imhars.SchoolSummary
	Safeguarding []safeguardingNotice
}

func (s *Server) showDashboard(w http.ResponseWriter, r *http.Request) error {
	schools, err := s.store.SchoolsForUser(r.Context(), stateOf(r).user)
	if err != nil {
		return fmt.Errorf("list schools: %w", err)
	}
	notices, err := s.dashboardNotices(r.Context(), stateOf(r).user, schools)
	if err != nil {
		return err
	}
	return s.render(w, r, "dashboard", &dashboardPage{Page: s.page(r, "Your schools"), Schools: schools, Safeguarding: notices})
}

type schoolFormPage struct {
	Page
	Form   imhars.School
	Action string
	Submit string
}

func (s *Server) showNewSchool(w http.ResponseWriter, r *http.Request) error {
	p := &schoolFormPage{Page: s.page(r, "Add a school"), Action: "/schools", Submit: "Add school"}
	p.Form.TimeZone = imhars.London.String()
	return s.render(w, r, "school-form", p)
}

func schoolFromForm(r *http.Request) imhars.School {
	return imhars.School{
		Name:           r.PostFormValue("name"),
		Phase:          imhars.Phase(r.PostFormValue("phase")),
		URN:            r.PostFormValue("urn"),
		LocalAuthority: r.PostFormValue("local_authority"),
		TimeZone:       r.PostFormValue("time_zone"),
	}
}

func (s *Server) createSchool(w http.ResponseWriter, r *http.Request) error {
	p := &schoolFormPage{Page: s.page(r, "Add a school"), Action: "/schools", Submit: "Add school"}
	p.Form = schoolFromForm(r)
	if p.Errors = p.Form.Validate(); p.Errors.Any() {
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "school-form", p)
	}
	if err := s.store.CreateSchool(r.Context(), &p.Form, stateOf(r).user.ID); err != nil {
		return fmt.Errorf("create school: %w", err)
	}
	s.setFlash(w, fmt.Sprintf("%s has been added. You are its audit lead: invite your team, then start an audit.", p.Form.Name))
	http.Redirect(w, r, fmt.Sprintf("/schools/%d", p.Form.ID), http.StatusSeeOther)
	return nil
}

func (s *Server) showEditSchool(w http.ResponseWriter, r *http.Request) error {
	school := stateOf(r).school
	p := &schoolFormPage{Page: s.page(r, "Change school details"), Form: *school,
		Action: fmt.Sprintf("/schools/%d/edit", school.ID), Submit: "Save changes"}
	return s.render(w, r, "school-form", p)
}

func (s *Server) updateSchool(w http.ResponseWriter, r *http.Request) error {
	school := stateOf(r).school
	p := &schoolFormPage{Page: s.page(r, "Change school details"),
		Action: fmt.Sprintf("/schools/%d/edit", school.ID), Submit: "Save changes"}
	p.Form = schoolFromForm(r)
	p.Form.ID, p.Form.IsSample = school.ID, school.IsSample
	if p.Errors = p.Form.Validate(); p.Errors.Any() {
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "school-form", p)
	}
	if err := s.store.UpdateSchool(r.Context(), &p.Form); err != nil {
		return fmt.Errorf("update school %d: %w", school.ID, err)
	}
	s.setFlash(w, "School details saved.")
	http.Redirect(w, r, fmt.Sprintf("/schools/%d", school.ID), http.StatusSeeOther)
	return nil
}

type schoolPage struct {
	Page
	Audits       []auditSummary
	CurrentYear  string
	Safeguarding safeguardingNotice
}

type auditSummary struct {
	Audit     imhars.Audit
	Framework *imhars.Framework
	Progress  imhars.Progress
}

func (s *Server) showSchool(w http.ResponseWriter, r *http.Request) error {
	st := stateOf(r)
	audits, err := s.store.Audits(r.Context(), st.school.ID)
	if err != nil {
		return fmt.Errorf("list audits of school %d: %w", st.school.ID, err)
	}
	p := &schoolPage{Page: s.page(r, st.school.Name), CurrentYear: imhars.CurrentAcademicYear(s.now())}
	if p.Safeguarding, err = s.safeguardingNoticeFor(r.Context(), st.school, st.user, true); err != nil {
		return err
	}
	for i := range audits {
		data, err := s.store.AuditData(r.Context(), &audits[i])
		if err != nil {
			return fmt.Errorf("load audit %d: %w", audits[i].ID, err)
		}
		p.Audits = append(p.Audits, auditSummary{Audit: audits[i], Framework: data.Framework, Progress: imhars.ProgressOf(*data)})
	}
	return s.render(w, r, "school", p)
}
