package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/imhars/imhars"
)

// flagRoutes registers the form that sends a comment shown in results to
// the designated safeguarding lead.
func (s *Server) flagRoutes(mux *http.ServeMux) {
	const q = "/schools/{school}/audits/{audit}/questionnaires/{questionnaire}"
	s.handle(mux, "POST "+q+"/comments/flag", s.inAudit(s.flagComment))
}

var errViewerFlag = imhars.Errorf(imhars.EFORBIDDEN,
	"Viewers cannot send comments to the safeguarding lead. Ask a team member or an audit lead to send it.")

// flagComment sends the posted comment to the designated safeguarding
// lead, which hides it from results, reports and downloads. It works on a
// completed audit too, because a disclosure cannot wait for the audit to
// reopen.
func (s *Server) flagComment(w http.ResponseWriter, r *http.Request) error {
	st := stateOf(r)
	if !st.role.CanEdit() {
		return errViewerFlag
	}
	q, err := s.questionnaireOf(r)
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(r.PostFormValue("comment"), 10, 64)
	if err != nil || id <= 0 {
		return imhars.ErrNotFound
	}
	if err := s.store.FlagComment(r.Context(), st.school.ID, id, st.user.Name); err != nil {
		return fmt.Errorf("send comment %d to the safeguarding lead: %w", id, err)
	}

	msg := "Comment sent to the designated safeguarding lead. It no longer appears in results, reports or downloads."
	noLead, err := s.hasNoSafeguardingLead(r.Context(), st.school.ID)
	if err != nil {
		return err
	}
	if noLead {
		msg += " No one in the team is marked as the designated safeguarding lead yet, " +
			"so ask an audit lead to mark them on the team page."
	}
	s.setFlash(w, msg)
	http.Redirect(w, r, fmt.Sprintf("%s/questionnaires/%d/results#comments", auditURL(st.audit), q.ID),
		http.StatusSeeOther)
	return nil
}
