package web

import (
	"fmt"
	"net/http"
	"unicode/utf8"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/password"
)

type accountPage struct {
	Page
}

func (s *Server) showAccount(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, "account", &accountPage{Page: s.page(r, "Your account")})
}

// changePassword checks the current password, stores the new one and signs
// the user out of every other browser by starting a fresh session here.
func (s *Server) changePassword(w http.ResponseWriter, r *http.Request) error {
	user := stateOf(r).user
	p := &accountPage{Page: s.page(r, "Your account")}
	current, next := r.PostFormValue("current_password"), r.PostFormValue("new_password")
	ok, err := password.Check(user.PasswordHash, current)
	if err != nil {
		return fmt.Errorf("check password of user %d: %w", user.ID, err)
	}
	if !ok {
		p.Errors.Add("current_password", "Your current password is not right. Check it and try again.")
	}
	switch n := utf8.RuneCountInString(next); {
	case n < imhars.MinPasswordLen:
		p.Errors.Add("new_password", "New password must be at least %d characters. A few words together work well.", imhars.MinPasswordLen)
	case n > imhars.MaxPasswordLen:
		p.Errors.Add("new_password", "New password must be %d characters or fewer.", imhars.MaxPasswordLen)
	}
	if p.Errors.Any() {
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "account", p)
	}
	hash, err := password.Hash(next)
	if err != nil {
		return fmt.Errorf("hash password: %w", err)
	}
	if err := s.store.SetPassword(r.Context(), user.ID, hash); err != nil {
		return err
	}
	if err := s.startSession(w, r, user); err != nil {
		return err
	}
	s.setFlash(w, "Your password has been changed. Any other browser signed in as you has been signed out.")
	http.Redirect(w, r, "/account", http.StatusSeeOther)
	return nil
}
