package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/imhars/imhars"
)

// handlerFunc is a handler that returns its error instead of writing it, so
// that one place turns errors into status codes and pages.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// requestState is the user, school and audit that the access wrappers loaded for a request.
type requestState struct {
	user    *imhars.User
	session *imhars.Session
	school  *imhars.School
	role    imhars.Role
	audit   *imhars.Audit
}

type stateKey struct{}

func stateOf(r *http.Request) *requestState {
	if st, ok := r.Context().Value(stateKey{}).(*requestState); ok {
		return st
	}
	return &requestState{}
}

func withState(r *http.Request, st *requestState) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), stateKey{}, st))
}

// public serves h to anyone, loading the session when there is one. A form
// posted by a signed-in browser must carry the session's CSRF token.
func (s *Server) public(h handlerFunc) http.Handler {
	return s.load(h, true)
}

// signInForm serves the sign-in and setup forms. A form rendered before
// the browser signed in elsewhere has no token, so only the cross-origin
// check protects these, which is enough for forms that start a session.
func (s *Server) signInForm(h handlerFunc) http.Handler {
	return s.load(h, false)
}

func (s *Server) load(h handlerFunc, checkToken bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st, err := s.loadSession(r)
		if err != nil {
			s.renderError(w, r, err)
			return
		}
		r = withState(r, st)
		if err := parseBody(r); err != nil {
			s.renderError(w, r, err)
			return
		}
		if checkToken && r.Method == http.MethodPost && st.session != nil && !s.validCSRF(r, st.session) {
			s.renderError(w, r, errCSRF)
			return
		}
		s.run(h, w, r)
	})
}

// signedIn serves h only to a signed-in user and sends anyone else to the
// sign-in page. A form posted without a session is kept on the server
// first, so nothing typed is lost when a session expires.
func (s *Server) signedIn(h handlerFunc) http.Handler {
	return s.public(func(w http.ResponseWriter, r *http.Request) error {
		if stateOf(r).user == nil {
			return s.sendToSignIn(w, r)
		}
		return h(w, r)
	})
}

// admin serves h only to site administrators.
func (s *Server) admin(h handlerFunc) http.Handler {
	return s.signedIn(func(w http.ResponseWriter, r *http.Request) error {
		if !stateOf(r).user.IsAdmin {
			return imhars.Errorf(imhars.EFORBIDDEN, "Only a site administrator can do this.")
		}
		return h(w, r)
	})
}

// inSchool serves h to members of the school named in the path. Everyone
// else gets 404, whether or not the school exists.
func (s *Server) inSchool(h handlerFunc) http.Handler {
	return s.signedIn(func(w http.ResponseWriter, r *http.Request) error {
		st := stateOf(r)
		id, err := pathID(r, "school")
		if err != nil {
			return err
		}
		school, role, err := s.store.School(r.Context(), id, st.user)
		if err != nil {
			return err
		}
		st.school, st.role = school, role
		return h(w, r)
	})
}

// asLead serves h to the school's audit leads.
func (s *Server) asLead(h handlerFunc) http.Handler {
	return s.inSchool(func(w http.ResponseWriter, r *http.Request) error {
		if !stateOf(r).role.CanLead() {
			return imhars.Errorf(imhars.EFORBIDDEN, "Only an audit lead can do this.")
		}
		return h(w, r)
	})
}

// inAudit serves h to members of the school that owns the audit in the path.
func (s *Server) inAudit(h handlerFunc) http.Handler {
	return s.inSchool(func(w http.ResponseWriter, r *http.Request) error {
		st := stateOf(r)
		id, err := pathID(r, "audit")
		if err != nil {
			return err
		}
		audit, err := s.store.Audit(r.Context(), st.school.ID, id)
		if err != nil {
			return err
		}
		st.audit = audit
		return h(w, r)
	})
}

// editingAudit serves h to members who may edit, while the audit is open.
func (s *Server) editingAudit(h handlerFunc) http.Handler {
	return s.inAudit(func(w http.ResponseWriter, r *http.Request) error {
		st := stateOf(r)
		if !st.role.CanEdit() {
			return imhars.Errorf(imhars.EFORBIDDEN, "Viewers can read this audit but cannot change it.")
		}
		if !st.audit.Editable() {
			return s.showUnsaved(w, r, "This audit was marked complete, so it cannot be changed until an audit lead reopens it.")
		}
		return h(w, r)
	})
}

// leadingAudit serves h to the school's audit leads.
func (s *Server) leadingAudit(h handlerFunc) http.Handler {
	return s.inAudit(func(w http.ResponseWriter, r *http.Request) error {
		if !stateOf(r).role.CanLead() {
			return imhars.Errorf(imhars.EFORBIDDEN, "Only an audit lead can do this.")
		}
		return h(w, r)
	})
}

func (s *Server) run(h handlerFunc, w http.ResponseWriter, r *http.Request) {
	if err := h(w, r); err != nil {
		s.renderError(w, r, err)
	}
}

// parseBody reads a posted form, so that an oversized or malformed body is
// reported as such rather than as a missing CSRF token.
func parseBody(r *http.Request) error {
	if r.Method != http.MethodPost {
		return nil
	}
	var err error
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		err = r.ParseMultipartForm(maxBodyBytes)
	} else {
		err = r.ParseForm()
	}
	var tooLarge *http.MaxBytesError
	switch {
	case err == nil:
		cleanForm(r)
		return nil
	case errors.As(err, &tooLarge):
		return err
	}
	return imhars.Errorf(imhars.EINVALID, "The form could not be read, so nothing was saved. Go back and try again.")
}

// cleanForm replaces invalid UTF-8 in every form value and drops NUL and
// the other control characters apart from tab, line feed and carriage
// return. PostgreSQL rejects NUL in text, and none of these belong in a
// form's text.
func cleanForm(r *http.Request) {
	for _, values := range []url.Values{r.Form, r.PostForm} {
		for name, list := range values {
			for i, v := range list {
				list[i] = cleanText(v)
			}
			values[name] = list
		}
	}
	if r.MultipartForm != nil {
		for _, list := range r.MultipartForm.Value {
			for i, v := range list {
				list[i] = cleanText(v)
			}
		}
	}
}

func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

// pathID parses a numeric path value; anything else is not found.
func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, imhars.ErrNotFound
	}
	return id, nil
}

var errCSRF = imhars.Errorf(imhars.EFORBIDDEN,
	"This form was out of date, so nothing was saved. Go back, reload the page and try again.")

var errTooLarge = imhars.Errorf(imhars.EINVALID,
	"What you sent is larger than the limit of 1 MB, so nothing was saved. Shorten the text and try again.")

// statusOf maps an application error code to an HTTP status.
func statusOf(err error) int {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return http.StatusRequestEntityTooLarge
	}
	switch imhars.ErrorCode(err) {
	case imhars.EINVALID:
		return http.StatusBadRequest
	case imhars.ENOTFOUND:
		return http.StatusNotFound
	case imhars.ECONFLICT:
		return http.StatusConflict
	case imhars.EFORBIDDEN:
		return http.StatusForbidden
	case imhars.ETOOMANY:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}

// renderError logs err and shows the error page. Only an *imhars.Error's
// message reaches the user; any other error is logged in full and shown as
// a generic message.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(err)
	msg := imhars.ErrorMessage(err)
	if status == http.StatusRequestEntityTooLarge {
		msg = errTooLarge.Message
	}
	if status >= 500 {
		s.log.Error("request failed", slog.String("method", r.Method),
			slog.String("path", r.URL.Path), slog.Any("error", err))
	}
	if errors.Is(err, imhars.ErrNotFound) {
		msg = "Page not found. If you typed the address, check it is correct; if you followed a link, you may not have access to it."
	}
	p := errorPage{Page: s.page(r, errorTitle(status)), Status: status, Message: msg}
	s.renderStatus(w, r, status, "error", &p)
}

func errorTitle(status int) string {
	switch status {
	case http.StatusNotFound:
		return "Page not found"
	case http.StatusForbidden:
		return "You cannot do this"
	case http.StatusConflict:
		return "This could not be changed"
	case http.StatusBadRequest, http.StatusRequestEntityTooLarge:
		return "There is a problem with what you sent"
	case http.StatusTooManyRequests:
		return "Too many attempts"
	}
	return "Sorry, there is a problem with the service"
}

type errorPage struct {
	Page
	Status  int
	Message string
}
