package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/imhars/imhars"
)

//go:embed templates
var templateFS embed.FS

// Page is the data every page shares: the layout reads it.
type Page struct {
	Title     string
	User      *imhars.User
	CSRFToken string
	Flash     string
	School    *imhars.School // set on a school's pages, for the navigation and the sample banner
	Role      imhars.Role
	Errors    imhars.FieldErrors
}

// page fills the shared fields from the request.
func (s *Server) page(r *http.Request, title string) Page {
	st := stateOf(r)
	p := Page{Title: title, User: st.user, School: st.school, Role: st.role}
	if st.session != nil {
		p.CSRFToken = st.session.CSRFToken
	}
	return p
}

// parseTemplates parses each page in templates/pages with the layout and
// the partials.
func parseTemplates() (map[string]*template.Template, error) {
	base, err := template.New("layout").Funcs(templateFuncs).ParseFS(templateFS, "templates/layout.html", "templates/partials/*.html")
	if err != nil {
		return nil, fmt.Errorf("parse layout: %w", err)
	}
	pages, err := fs.Glob(templateFS, "templates/pages/*.html")
	if err != nil {
		return nil, fmt.Errorf("list pages: %w", err)
	}
	out := make(map[string]*template.Template, len(pages))
	for _, p := range pages {
		t, err := template.Must(base.Clone()).ParseFS(templateFS, p)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", p, err)
		}
		out[strings.TrimSuffix(path.Base(p), ".html")] = t
	}
	return out, nil
}

// render writes a page with status 200.
func (s *Server) render(w http.ResponseWriter, r *http.Request, name string, data any) error {
	return s.renderStatus(w, r, http.StatusOK, name, data)
}

// renderStatus executes the page into a buffer first, so that a template
// error never leaves half a page on the wire.
func (s *Server) renderStatus(w http.ResponseWriter, r *http.Request, status int, name string, data any) error {
	t, ok := s.templates[name]
	if !ok {
		return fmt.Errorf("render: no template %q", name)
	}
	if f, ok := data.(interface{ setFlash(string) }); ok {
		f.setFlash(s.takeFlash(w, r))
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		s.log.Error("render page", "template", name, "error", err)
		http.Error(w, "Sorry, there is a problem with the service.", http.StatusInternalServerError)
		return nil
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, err := buf.WriteTo(w)
	return err
}

func (p *Page) setFlash(msg string) {
	if msg != "" {
		p.Flash = msg
	}
}

// staticHandler serves embedded assets with a short cache lifetime.
func staticHandler(files fs.FS) http.Handler {
	fileServer := http.FileServerFS(files)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fileServer.ServeHTTP(w, r)
	})
}
