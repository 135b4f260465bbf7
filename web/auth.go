package web

import (
	"errors"
	"fmt"
	"math"
	"net"
	"net/http"
	"strings"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/password"
)

type setupPage struct {
	Page
	Form imhars.NewUserInput
}

func (s *Server) showHome(w http.ResponseWriter, r *http.Request) error {
	st := stateOf(r)
	if st.user == nil {
		n, err := s.store.CountAdmins(r.Context())
		if err != nil {
			return fmt.Errorf("count administrators: %w", err)
		}
		if n == 0 {
			http.Redirect(w, r, "/setup", http.StatusSeeOther)
			return nil
		}
		http.Redirect(w, r, "/sign-in", http.StatusSeeOther)
		return nil
	}
	return s.showDashboard(w, r)
}

func (s *Server) showSetup(w http.ResponseWriter, r *http.Request) error {
	n, err := s.store.CountAdmins(r.Context())
	if err != nil {
		return fmt.Errorf("count administrators: %w", err)
	}
	if n > 0 {
		http.Redirect(w, r, "/sign-in", http.StatusSeeOther)
		return nil
	}
	return s.render(w, r, "setup", &setupPage{Page: s.page(r, "Create the first administrator")})
}

func (s *Server) createFirstAdmin(w http.ResponseWriter, r *http.Request) error {
	in := imhars.NewUserInput{
		Name:     r.PostFormValue("name"),
		Email:    r.PostFormValue("email"),
		Password: r.PostFormValue("password"),
	}
	p := &setupPage{Page: s.page(r, "Create the first administrator"), Form: in}
	if p.Errors = p.Form.Validate(); p.Errors.Any() {
		p.Form.Password = ""
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "setup", p)
	}
	hash, err := password.Hash(p.Form.Password)
	if err != nil {
		return fmt.Errorf("hash password: %w", err)
	}
	u := &imhars.User{Name: p.Form.Name, Email: p.Form.Email, PasswordHash: hash, IsAdmin: true}
	if err := s.store.CreateFirstAdmin(r.Context(), u); err != nil {
		if imhars.ErrorCode(err) == imhars.ECONFLICT {
			s.setFlash(w, "An administrator already exists. Sign in, or ask them to invite you.")
			http.Redirect(w, r, "/sign-in", http.StatusSeeOther)
			return nil
		}
		return fmt.Errorf("create first administrator: %w", err)
	}
	if err := s.startSession(w, r, u); err != nil {
		return err
	}
	s.setFlash(w, "Your administrator account is ready. Next, add your school.")
	http.Redirect(w, r, "/schools/new", http.StatusSeeOther)
	return nil
}

type signInPage struct {
	Page
	Email string
	Next  string
}

func (s *Server) showSignIn(w http.ResponseWriter, r *http.Request) error {
	next := safeNext(r.URL.Query().Get("next"))
	if stateOf(r).user != nil {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return nil
	}
	return s.render(w, r, "sign-in", &signInPage{Page: s.page(r, "Sign in"), Next: next})
}

func (s *Server) signIn(w http.ResponseWriter, r *http.Request) error {
	email := imhars.NormaliseEmail(r.PostFormValue("email"))
	pass := r.PostFormValue("password")
	p := &signInPage{Page: s.page(r, "Sign in"), Email: email, Next: safeNext(r.PostFormValue("next"))}
	if email == "" {
		p.Errors.Add("email", "Enter your email address.")
	}
	if pass == "" {
		p.Errors.Add("password", "Enter your password.")
	}
	if p.Errors.Any() {
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "sign-in", p)
	}

	key := email + "|" + clientAddress(r)
	if wait := s.throttle.begin(key, s.now()); wait > 0 {
		minutes := int(math.Ceil(wait.Minutes()))
		p.Errors.Add("email", "There have been too many failed attempts to sign in with this email address. Wait %d %s and try again.", minutes, plural(minutes, "minute", "minutes"))
		return s.renderStatus(w, r, http.StatusTooManyRequests, "sign-in", p)
	}
	user, ok, err := s.checkPassword(r, email, pass)
	if err != nil {
		return err
	}
	if !ok {
		p.Errors.Add("email", "The email address or password is not right. Check both and try again.")
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "sign-in", p)
	}

	s.throttle.succeed(key)
	if err := s.startSession(w, r, user); err != nil {
		return err
	}
	http.Redirect(w, r, p.Next, http.StatusSeeOther)
	return nil
}

// dummyHash is checked when no account has the email address, so that a
// wrong address takes as long as a wrong password.
var dummyHash, _ = password.Hash("no account has this password")

func (s *Server) checkPassword(r *http.Request, email, pass string) (*imhars.User, bool, error) {
	user, err := s.store.UserByEmail(r.Context(), email)
	if errors.Is(err, imhars.ErrNotFound) {
		_, _ = password.Check(dummyHash, pass)
		return nil, false, nil
	} else if err != nil {
		return nil, false, fmt.Errorf("find user: %w", err)
	}
	ok, err := password.Check(user.PasswordHash, pass)
	if err != nil {
		return nil, false, fmt.Errorf("check password of user %d: %w", user.ID, err)
	}
	return user, ok, nil
}

func (s *Server) signOut(w http.ResponseWriter, r *http.Request) error {
	if err := s.store.DeleteSession(r.Context(), stateOf(r).session.TokenHash); err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	s.clearCookie(w, sessionCookie)
	s.setFlash(w, "You have signed out.")
	http.Redirect(w, r, "/sign-in", http.StatusSeeOther)
	return nil
}

// clientAddress returns the IP address of the connection, without the port.
// NOTE: behind a reverse proxy every request comes from the proxy, so the
// sign-in limit then applies per email address across all clients.
func clientAddress(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func (s *Server) showHealth(w http.ResponseWriter, r *http.Request) {
	if err := s.store.Ping(r.Context()); err != nil {
		s.log.Error("health check failed", "error", err)
		http.Error(w, "database unavailable", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte("ok\n"))
}

// trimmed returns a form value without surrounding spaces.
func trimmed(r *http.Request, name string) string {
	return strings.TrimSpace(r.PostFormValue(name))
}
