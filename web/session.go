package web

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/imhars/imhars"
)

// Cookie names. Only random tokens are stored in cookies; everything they
// stand for is kept on the server.
const (
	sessionCookie = "imhars_session"
	pendingCookie = "imhars_pending"
	flashCookie   = "imhars_flash"
)

// Session and pending-form lifetimes.
const (
	sessionLifetime = 12 * time.Hour
	pendingLifetime = 2 * time.Hour
)

// newToken returns 32 random bytes encoded for URLs and cookies.
func newToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("read random bytes: %v", err)) // crypto/rand does not fail on supported systems
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// hashToken returns the hex SHA-256 of a token, which is what the database
// keeps, so that a copy of the database does not hold usable tokens.
func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

func (s *Server) loadSession(r *http.Request) (*requestState, error) {
	st := &requestState{}
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return st, nil
	}
	sess, err := s.store.SessionByTokenHash(r.Context(), hashToken(c.Value), s.now())
	if errors.Is(err, imhars.ErrNotFound) {
		return st, nil
	} else if err != nil {
		return nil, fmt.Errorf("load session: %w", err)
	}
	user, err := s.store.UserByID(r.Context(), sess.UserID)
	if errors.Is(err, imhars.ErrNotFound) {
		return st, nil
	} else if err != nil {
		return nil, fmt.Errorf("load session user: %w", err)
	}
	st.session, st.user = sess, user
	return st, nil
}

// startSession signs user in on this browser.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, user *imhars.User) error {
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		if err := s.store.DeleteSession(r.Context(), hashToken(c.Value)); err != nil {
			return fmt.Errorf("delete previous session: %w", err)
		}
	}
	token := newToken()
	sess := &imhars.Session{
		TokenHash: hashToken(token),
		UserID:    user.ID,
		CSRFToken: newToken(),
		ExpiresAt: s.now().Add(sessionLifetime),
	}
	if err := s.store.CreateSession(r.Context(), sess); err != nil {
		return fmt.Errorf("create session: %w", err)
	}
	s.setCookie(w, sessionCookie, token, sessionLifetime)
	return nil
}

func (s *Server) setCookie(w http.ResponseWriter, name, value string, maxAge time.Duration) {
	http.SetCookie(w, &http.Cookie{
		Name:     name,
		Value:    value,
		Path:     "/",
		MaxAge:   int(maxAge.Seconds()),
		Secure:   s.secure,
		HttpOnly: true,
		SameSite: http.SameSiteLaxMode,
	})
}

func (s *Server) clearCookie(w http.ResponseWriter, name string) {
	http.SetCookie(w, &http.Cookie{
		Name: name, Value: "", Path: "/", MaxAge: -1,
		Secure: s.secure, HttpOnly: true, SameSite: http.SameSiteLaxMode,
	})
}

// validCSRF compares the form's token with the session's in constant time.
func (s *Server) validCSRF(r *http.Request, sess *imhars.Session) bool {
	got := r.PostFormValue("csrf_token")
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(sess.CSRFToken)) == 1
}

// sendToSignIn redirects to the sign-in page. A posted form is kept on the
// server first and offered again after signing in.
func (s *Server) sendToSignIn(w http.ResponseWriter, r *http.Request) error {
	next := r.URL.RequestURI()
	if r.Method == http.MethodPost {
		kept, err := s.keepPendingForm(w, r)
		if err != nil {
			return err
		}
		if kept {
			s.setFlash(w, "You were signed out before your changes were saved. Sign in again and they will be kept.")
			next = "/resume"
		} else {
			s.setFlash(w, "You were signed out before your changes were saved, and they could not be kept. Sign in again and make them again.")
			next = "/"
		}
	}
	http.Redirect(w, r, "/sign-in?next="+url.QueryEscape(next), http.StatusSeeOther)
	return nil
}

// Limits on forms kept for signed-out browsers. Anyone can post a form
// without a session, so both the size of one form and the number kept at
// once are bounded; the store holds at most maxPendingForms times
// maxPendingFormBytes.
const (
	maxPendingForms     = 200
	maxPendingFormBytes = 256 << 10
)

// keepPendingForm stores a form posted without a session and sets the
// cookie that finds it again. It reports false when the form is too large
// or too many forms are kept already.
func (s *Server) keepPendingForm(w http.ResponseWriter, r *http.Request) (bool, error) {
	if err := r.ParseForm(); err != nil {
		return false, imhars.Errorf(imhars.EINVALID, "The form could not be read, so nothing was saved.")
	}
	r.PostForm.Del("csrf_token")
	encoded := r.PostForm.Encode()
	if len(encoded) > maxPendingFormBytes || !strings.HasPrefix(r.URL.Path, "/schools/") {
		return false, nil
	}
	n, err := s.store.CountPendingForms(r.Context(), s.now())
	if err != nil {
		return false, err
	}
	if n >= maxPendingForms {
		s.log.Warn("pending form not kept: limit reached", "pending_forms", n)
		return false, nil
	}
	id := newToken()
	if err := s.store.SavePendingForm(r.Context(), hashToken(id), r.URL.Path, encoded, s.now().Add(pendingLifetime)); err != nil {
		return false, fmt.Errorf("save pending form: %w", err)
	}
	s.setCookie(w, pendingCookie, id, pendingLifetime)
	return true, nil
}

// safeNext returns next when it is a path on this site, or "/". Browsers
// drop tabs and newlines from URLs and treat a backslash as a slash, so
// "/\t/evil.example" would lead to another site: any control character,
// backslash, scheme or host makes the value unsafe.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		return "/"
	}
	for _, r := range next {
		if r < 0x20 || r == 0x7f || r == '\\' {
			return "/"
		}
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return "/"
	}
	return next
}

// setFlash stores a one-time confirmation message for the next page.
func (s *Server) setFlash(w http.ResponseWriter, msg string) {
	s.setCookie(w, flashCookie, url.QueryEscape(msg), time.Minute)
}

// takeFlash returns and clears the confirmation message, if any.
func (s *Server) takeFlash(w http.ResponseWriter, r *http.Request) string {
	c, err := r.Cookie(flashCookie)
	if err != nil {
		return ""
	}
	s.clearCookie(w, flashCookie)
	msg, err := url.QueryUnescape(c.Value)
	if err != nil {
		return ""
	}
	return msg
}
