package web

import (
	"context"
	"fmt"
	"net/http"

	"github.com/imhars/imhars"
)

// safeguardingPage lists comments that matched a risk phrase, for the
// school's designated safeguarding lead.
type safeguardingPage struct {
	Page
	Waiting  []flaggedRow
	Reviewed []flaggedRow
}

// flaggedRow is a flagged comment with its component's name.
type flaggedRow struct {
	imhars.FlaggedComment
	Component string // number and title, or the key when no framework has it
}

// requireSafeguardingLead returns a forbidden error unless the user is a
// designated safeguarding lead of the school. Site administrators are not
// let in: a comment that may disclose a risk of harm is for the person the
// school chose to act on it.
func (s *Server) requireSafeguardingLead(r *http.Request) error {
	st := stateOf(r)
	lead, err := s.store.IsSafeguardingLead(r.Context(), st.school.ID, st.user.ID)
	if err != nil {
		return fmt.Errorf("check safeguarding lead of school %d: %w", st.school.ID, err)
	}
	if !lead {
		return imhars.Errorf(imhars.EFORBIDDEN, "Only the school's designated safeguarding lead can see comments "+
			"that may disclose a risk of harm. An audit lead can mark who that is on the team page.")
	}
	return nil
}

func (s *Server) showSafeguarding(w http.ResponseWriter, r *http.Request) error {
	if err := s.requireSafeguardingLead(r); err != nil {
		return err
	}
	st := stateOf(r)
	flagged, err := s.store.FlaggedComments(r.Context(), st.school.ID)
	if err != nil {
		return fmt.Errorf("list flagged comments of school %d: %w", st.school.ID, err)
	}
	names, err := s.componentNames(r.Context(), st.school.ID)
	if err != nil {
		return err
	}
	p := &safeguardingPage{Page: s.page(r, "Comments that may disclose a risk of harm")}
	for _, f := range flagged {
		row := flaggedRow{FlaggedComment: f, Component: f.ComponentKey}
		if name, ok := names[f.ComponentKey]; ok {
			row.Component = name
		}
		if f.ReviewedAt == nil {
			p.Waiting = append(p.Waiting, row)
		} else {
			p.Reviewed = append(p.Reviewed, row)
		}
	}
	return s.render(w, r, "q-results-safeguarding", p)
}

// componentNames returns "1. Ethos"-style names by component key, from the
// frameworks of the school's audits.
func (s *Server) componentNames(ctx context.Context, schoolID int64) (map[string]string, error) {
	audits, err := s.store.Audits(ctx, schoolID)
	if err != nil {
		return nil, fmt.Errorf("list audits of school %d: %w", schoolID, err)
	}
	names := map[string]string{}
	loaded := map[int64]bool{}
	for _, a := range audits {
		if loaded[a.FrameworkID] {
			continue
		}
		loaded[a.FrameworkID] = true
		fw, err := s.store.Framework(ctx, a.FrameworkID)
		if err != nil {
			return nil, fmt.Errorf("load framework %d: %w", a.FrameworkID, err)
		}
		for _, c := range fw.Components {
			names[c.Key] = fmt.Sprintf("%d. %s", c.Number, c.Title)
		}
	}
	return names, nil
}

func (s *Server) markFlagReviewed(w http.ResponseWriter, r *http.Request) error {
	if err := s.requireSafeguardingLead(r); err != nil {
		return err
	}
	st := stateOf(r)
	id, err := pathID(r, "flag")
	if err != nil {
		return err
	}
	if err := s.store.MarkFlagReviewed(r.Context(), st.school.ID, id, st.user.Name, s.now()); err != nil {
		return fmt.Errorf("mark flagged comment %d reviewed: %w", id, err)
	}
	event := &imhars.Event{At: s.now(), UserID: st.user.ID, UserName: st.user.Name, SchoolID: st.school.ID,
		Action: "safeguarding.reviewed", Detail: fmt.Sprintf("Flagged comment %d", id)}
	if err := s.store.LogEvent(r.Context(), event); err != nil {
		return fmt.Errorf("log review of flagged comment %d: %w", id, err)
	}
	s.setFlash(w, "Comment marked as reviewed.")
	http.Redirect(w, r, fmt.Sprintf("/schools/%d/safeguarding", st.school.ID), http.StatusSeeOther)
	return nil
}

// safeguardingNotice is the count of flagged comments waiting for a
// designated safeguarding lead, shown on the school page and dashboard.
type safeguardingNotice struct {
	SchoolID   int64
	SchoolName string // set on the dashboard, which lists several schools
	Lead       bool   // whether the user is a designated safeguarding lead and may open the view
	Count      int    // comments waiting for review, for a lead or an administrator
	NoLead     bool   // whether the school has no designated safeguarding lead, for an administrator
}

// safeguardingNoticeFor returns the notice for a user in a school. A
// designated safeguarding lead gets a count, and so does an administrator
// when withAdmin is set, so that they can see the comments are waiting
// without reading them.
func (s *Server) safeguardingNoticeFor(ctx context.Context, school *imhars.School, user *imhars.User,
	withAdmin bool) (safeguardingNotice, error) {
	n := safeguardingNotice{SchoolID: school.ID}
	lead, err := s.store.IsSafeguardingLead(ctx, school.ID, user.ID)
	if err != nil {
		return n, fmt.Errorf("check safeguarding lead of school %d: %w", school.ID, err)
	}
	n.Lead = lead
	if !lead && !(withAdmin && user.IsAdmin) {
		return n, nil
	}
	flagged, err := s.store.FlaggedComments(ctx, school.ID)
	if err != nil {
		return n, fmt.Errorf("list flagged comments of school %d: %w", school.ID, err)
	}
	for _, f := range flagged {
		if f.ReviewedAt == nil {
			n.Count++
		}
	}
	if !lead && n.Count > 0 {
		if n.NoLead, err = s.hasNoSafeguardingLead(ctx, school.ID); err != nil {
			return n, err
		}
	}
	return n, nil
}

// hasNoSafeguardingLead reports whether no member of the school is a
// designated safeguarding lead.
func (s *Server) hasNoSafeguardingLead(ctx context.Context, schoolID int64) (bool, error) {
	members, err := s.store.Members(ctx, schoolID)
	if err != nil {
		return false, fmt.Errorf("list members of school %d: %w", schoolID, err)
	}
	leads, err := s.safeguardingLeads(ctx, schoolID, members)
	if err != nil {
		return false, err
	}
	for _, lead := range leads {
		if lead {
			return false, nil
		}
	}
	return true, nil
}

// dashboardNotices returns a notice for each school where the user is the
// designated safeguarding lead and comments are waiting.
func (s *Server) dashboardNotices(ctx context.Context, user *imhars.User,
	schools []imhars.SchoolSummary) ([]safeguardingNotice, error) {
	var out []safeguardingNotice
	for i := range schools {
		n, err := s.safeguardingNoticeFor(ctx, &schools[i].School, user, false)
		if err != nil {
			return nil, err
		}
		if n.Count > 0 {
			n.SchoolName = schools[i].School.Name
			out = append(out, n)
		}
	}
	return out, nil
}

func (s *Server) setSafeguardingLead(w http.ResponseWriter, r *http.Request) error {
	st := stateOf(r)
	userID, err := pathID(r, "user")
	if err != nil {
		return err
	}
	lead := r.PostFormValue("lead") == "1"
	if err := s.store.SetSafeguardingLead(r.Context(), st.school.ID, userID, lead); err != nil {
		return fmt.Errorf("set safeguarding lead %d in school %d: %w", userID, st.school.ID, err)
	}
	msg := "Marked as a designated safeguarding lead. They will see comments that may disclose a risk of harm."
	if !lead {
		msg = "No longer marked as a designated safeguarding lead."
	}
	s.setFlash(w, msg)
	http.Redirect(w, r, fmt.Sprintf("/schools/%d/team", st.school.ID), http.StatusSeeOther)
	return nil
}

// safeguardingLeads returns which members are designated safeguarding
// leads, by user id.
func (s *Server) safeguardingLeads(ctx context.Context, schoolID int64, members []imhars.Member) (map[int64]bool, error) {
	leads := make(map[int64]bool, len(members))
	for _, m := range members {
		lead, err := s.store.IsSafeguardingLead(ctx, schoolID, m.User.ID)
		if err != nil {
			return nil, fmt.Errorf("check safeguarding lead %d of school %d: %w", m.User.ID, schoolID, err)
		}
		leads[m.User.ID] = lead
	}
	return leads, nil
}
