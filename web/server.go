// Package web serves the application over HTTP: routes, sessions, forms
// and server-rendered pages built with the GOV.UK Design System's styles.
package web

import (
	"html/template"
	"log/slog"
	"net/http"
	"time"

	"github.com/imhars/imhars/sqlstore"
)

// Config holds what the server needs from the command line.
type Config struct {
	Store *sqlstore.Store
	// Logger receives one line per request and every error a handler returns.
	Logger *slog.Logger
	// SecureCookies sets the Secure attribute on cookies. It stays on unless
	// the site is served over plain HTTP on a network other than loopback.
	SecureCookies bool
	// BaseURL, when set, is used to build invitation links, such as
	// "https://imhars.example.org". Otherwise links use the request's host.
	BaseURL string
	// Now returns the current time; tests replace it.
	Now func() time.Time
}

// Server is the HTTP application.
type Server struct {
	store     *sqlstore.Store
	log       *slog.Logger
	templates map[string]*template.Template
	secure    bool
	baseURL   string
	now       func() time.Time
	throttle  *loginThrottle
	handler   http.Handler
	patterns  []string // every registered route pattern, in order
}

// New parses the templates and builds the routes. A template that does not
// parse is an error here, so a broken build fails at start-up.
func New(cfg Config) (*Server, error) {
	s := &Server{
		store:    cfg.Store,
		log:      cfg.Logger,
		secure:   cfg.SecureCookies,
		baseURL:  cfg.BaseURL,
		now:      cfg.Now,
		throttle: newLoginThrottle(),
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.now == nil {
		s.now = time.Now
	}
	templates, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	s.templates = templates
	s.handler = s.routes()
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}
