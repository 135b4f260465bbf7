package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/password"
	"github.com/imhars/imhars/sqlstore"
)

const maxNoteLen = 200

type teamPage struct {
	Page
	Members     []imhars.Member
	Invitations []imhars.Invitation
	NewLink     string // shown once, straight after an invitation is made
	NewRole     imhars.Role
	Form        invitationForm

	SafeguardingLeads map[int64]bool // by user id
}

type invitationForm struct {
	Role imhars.Role
	Note string
}

func (s *Server) teamPage(r *http.Request) (*teamPage, error) {
	school := stateOf(r).school
	members, err := s.store.Members(r.Context(), school.ID)
	if err != nil {
		return nil, fmt.Errorf("list members of school %d: %w", school.ID, err)
	}
	p := &teamPage{Page: s.page(r, "Team"), Members: members, Form: invitationForm{Role: imhars.RoleMember}}
	if p.SafeguardingLeads, err = s.safeguardingLeads(r.Context(), school.ID, members); err != nil {
		return nil, err
	}
	if stateOf(r).role.CanLead() {
		p.Invitations, err = s.store.Invitations(r.Context(), school.ID, s.now())
		if err != nil {
			return nil, fmt.Errorf("list invitations of school %d: %w", school.ID, err)
		}
	}
	return p, nil
}

func (s *Server) showTeam(w http.ResponseWriter, r *http.Request) error {
	p, err := s.teamPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "team", p)
}

func (s *Server) createInvitation(w http.ResponseWriter, r *http.Request) error {
	st := stateOf(r)
	form := invitationForm{Role: imhars.Role(r.PostFormValue("role")), Note: trimmed(r, "note")}
	var errs imhars.FieldErrors
	if !form.Role.Valid() {
		errs.Add("role", "Select what the person will be able to do.")
	}
	if utf8.RuneCountInString(form.Note) > maxNoteLen {
		errs.Add("note", "Who the invitation is for must be %d characters or fewer.", maxNoteLen)
	}
	if errs.Any() {
		p, err := s.teamPage(r)
		if err != nil {
			return err
		}
		p.Form, p.Errors = form, errs
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "team", p)
	}
	token := newToken()
	inv := &imhars.Invitation{
		SchoolID: st.school.ID, TokenHash: hashToken(token), Role: form.Role, Note: form.Note,
		CreatedBy: st.user.ID, ExpiresAt: s.now().Add(imhars.InvitationLifetime),
	}
	if err := s.store.CreateInvitation(r.Context(), inv); err != nil {
		return fmt.Errorf("create invitation for school %d: %w", st.school.ID, err)
	}
	p, err := s.teamPage(r)
	if err != nil {
		return err
	}
	p.NewLink = s.absoluteURL(r, "/invitations/"+token)
	p.NewRole = form.Role
	p.Flash = "Invitation created. Copy the link below and send it to the person yourself: it is shown only once."
	return s.render(w, r, "team", p)
}

func (s *Server) absoluteURL(r *http.Request, path string) string {
	if s.baseURL != "" {
		return strings.TrimSuffix(s.baseURL, "/") + path
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + path
}

func (s *Server) revokeInvitation(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "invitation")
	if err != nil {
		return err
	}
	if err := s.store.RevokeInvitation(r.Context(), stateOf(r).school.ID, id); err != nil {
		return fmt.Errorf("revoke invitation %d: %w", id, err)
	}
	s.setFlash(w, "Invitation withdrawn. Its link no longer works.")
	http.Redirect(w, r, fmt.Sprintf("/schools/%d/team", stateOf(r).school.ID), http.StatusSeeOther)
	return nil
}

func (s *Server) changeMemberRole(w http.ResponseWriter, r *http.Request) error {
	st := stateOf(r)
	userID, err := pathID(r, "user")
	if err != nil {
		return err
	}
	role := imhars.Role(r.PostFormValue("role"))
	if !role.Valid() {
		return imhars.Errorf(imhars.EINVALID, "Select a role from the list.")
	}
	if err := s.store.SetMemberRole(r.Context(), st.school.ID, userID, role); err != nil {
		return fmt.Errorf("set role of user %d: %w", userID, err)
	}
	s.setFlash(w, "Role changed.")
	http.Redirect(w, r, fmt.Sprintf("/schools/%d/team", st.school.ID), http.StatusSeeOther)
	return nil
}

func (s *Server) removeMember(w http.ResponseWriter, r *http.Request) error {
	st := stateOf(r)
	userID, err := pathID(r, "user")
	if err != nil {
		return err
	}
	if err := s.store.RemoveMember(r.Context(), st.school.ID, userID); err != nil {
		return fmt.Errorf("remove user %d: %w", userID, err)
	}
	s.setFlash(w, "Removed from the team.")
	http.Redirect(w, r, fmt.Sprintf("/schools/%d/team", st.school.ID), http.StatusSeeOther)
	return nil
}

type invitationPage struct {
	Page
	Invitation *imhars.Invitation
	School     *imhars.School
	Token      string
	Form       imhars.NewUserInput
}

func (s *Server) loadInvitation(r *http.Request) (*imhars.Invitation, error) {
	inv, err := s.store.InvitationByTokenHash(r.Context(), hashToken(r.PathValue("token")))
	if errors.Is(err, imhars.ErrNotFound) {
		return nil, imhars.Errorf(imhars.ENOTFOUND, "This invitation link is not recognised. Check you copied all of it, or ask for a new one.")
	} else if err != nil {
		return nil, fmt.Errorf("find invitation: %w", err)
	}
	if !inv.Usable(s.now()) {
		return nil, imhars.Errorf(imhars.ENOTFOUND, "This invitation link has already been used or has expired. Ask the audit lead for a new one.")
	}
	return inv, nil
}

func (s *Server) showInvitation(w http.ResponseWriter, r *http.Request) error {
	inv, err := s.loadInvitation(r)
	if err != nil {
		return err
	}
	school, err := s.store.SchoolByID(r.Context(), inv.SchoolID)
	if err != nil {
		return fmt.Errorf("load school of invitation: %w", err)
	}
	p := &invitationPage{Page: s.page(r, "Join "+school.Name), Invitation: inv, School: school, Token: r.PathValue("token")}
	return s.render(w, r, "invitation", p)
}

func (s *Server) acceptInvitation(w http.ResponseWriter, r *http.Request) error {
	inv, err := s.loadInvitation(r)
	if err != nil {
		return err
	}
	if user := stateOf(r).user; user != nil {
		if _, err := s.store.AcceptInvitation(r.Context(), inv.TokenHash, user.ID, s.now()); err != nil {
			return err
		}
	} else if joined, err := s.createInvitedUser(w, r, inv); !joined || err != nil {
		return err
	}
	s.setFlash(w, "Welcome to the team.")
	http.Redirect(w, r, fmt.Sprintf("/schools/%d", inv.SchoolID), http.StatusSeeOther)
	return nil
}

// createInvitedUser creates an account from the invitation form, accepts
// the invitation for it and signs it in. It reports false when it has
// re-shown the form with errors instead.
func (s *Server) createInvitedUser(w http.ResponseWriter, r *http.Request, inv *imhars.Invitation) (bool, error) {
	in := imhars.NewUserInput{Name: r.PostFormValue("name"), Email: r.PostFormValue("email"), Password: r.PostFormValue("password")}
	errs := in.Validate()
	if !errs.Any() {
		if _, err := s.store.UserByEmail(r.Context(), in.Email); err == nil {
			errs.Add("email", "An account with this email address already exists. Sign in first, then open the invitation link again.")
		} else if !errors.Is(err, imhars.ErrNotFound) {
			return false, fmt.Errorf("check email: %w", err)
		}
	}
	if errs.Any() {
		return false, s.showInvitationErrors(w, r, inv, in, errs)
	}
	hash, err := password.Hash(in.Password)
	if err != nil {
		return false, fmt.Errorf("hash password: %w", err)
	}
	user := &imhars.User{Name: in.Name, Email: in.Email, PasswordHash: hash}
	if _, err := s.store.AcceptInvitationAsNewUser(r.Context(), inv.TokenHash, user, s.now()); err != nil {
		if errors.Is(err, sqlstore.ErrEmailTaken) {
			errs.Add("email", "%s", imhars.ErrorMessage(err))
			return false, s.showInvitationErrors(w, r, inv, in, errs)
		}
		return false, err
	}
	return true, s.startSession(w, r, user)
}

func (s *Server) showInvitationErrors(w http.ResponseWriter, r *http.Request, inv *imhars.Invitation, in imhars.NewUserInput, errs imhars.FieldErrors) error {
	school, err := s.store.SchoolByID(r.Context(), inv.SchoolID)
	if err != nil {
		return fmt.Errorf("load school of invitation: %w", err)
	}
	in.Password = ""
	p := &invitationPage{Page: s.page(r, "Join "+school.Name), Invitation: inv, School: school, Token: r.PathValue("token"), Form: in}
	p.Errors = errs
	return s.renderStatus(w, r, http.StatusUnprocessableEntity, "invitation", p)
}
