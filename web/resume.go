package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/imhars/imhars"
)

// resumePage offers again a form that was posted after the session expired.
type resumePage struct {
	Page
	Action string
	Fields []resumeField
}

type resumeField struct {
	Name   string
	Label  string // empty for fields that are sent again but not shown
	Values []string
}

// resumeLabels names the form fields worth showing back to the user.
var resumeLabels = map[string]string{
	"evidence":        "Evidence",
	"works_well":      "What works well",
	"improve":         "Areas for improvement",
	"next_steps":      "Next steps",
	"tier_universal":  "In place for all pupils",
	"tier_targeted":   "In place for pupils at risk",
	"tier_specialist": "In place for the most vulnerable pupils",
	"name":            "Name",
	"local_authority": "Local authority",
	"note":            "Who the invitation is for",
}

func (s *Server) showResume(w http.ResponseWriter, r *http.Request) error {
	c, err := r.Cookie(pendingCookie)
	if err != nil || c.Value == "" {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return nil
	}
	path, encoded, err := s.store.TakePendingForm(r.Context(), hashToken(c.Value), s.now())
	s.clearCookie(w, pendingCookie)
	if errors.Is(err, imhars.ErrNotFound) {
		s.setFlash(w, "Your unsaved changes were kept for 2 hours only and have now been removed.")
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return nil
	} else if err != nil {
		return fmt.Errorf("take pending form: %w", err)
	}
	values, err := url.ParseQuery(encoded)
	if err != nil || !strings.HasPrefix(path, "/schools/") {
		return fmt.Errorf("pending form for %q is unreadable: %v", path, err)
	}
	p := &resumePage{Page: s.page(r, "Save the changes you made before signing in"), Action: path}
	names := make([]string, 0, len(values))
	for name := range values {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p.Fields = append(p.Fields, resumeField{Name: name, Label: resumeLabels[name], Values: values[name]})
	}
	return s.render(w, r, "resume", p)
}
