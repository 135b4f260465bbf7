package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/imhars/imhars"
)

// keptFormPage shows back a form whose changes were not saved, so that
// nothing typed is lost: after the session expired (with a button to save
// it now), or after the audit was marked complete meanwhile (to copy from).
type keptFormPage struct {
	Page
	Heading string
	Intro   string
	Action  string // the page the form came from, which a GET shows again
	CanSave bool
	Fields  []keptField
}

type keptField struct {
	Name   string
	Label  string   // empty for fields that are sent again but not shown
	Values []string // as typed, sent again when saving
	Shown  []string // the values in words, for reading
}

// keptLabels names the form fields worth showing back to the user.
var keptLabels = map[string]string{
	"rating":              "Rating",
	"kinds":               "Where the evidence comes from",
	"evidence":            "Evidence",
	"priority":            "Priority",
	"tier_universal":      "In place for all pupils",
	"coverage_universal":  "How well all pupils are served",
	"tier_targeted":       "In place for pupils at risk",
	"coverage_targeted":   "How well pupils at risk are served",
	"tier_specialist":     "In place for the most vulnerable pupils",
	"coverage_specialist": "How well the most vulnerable pupils are served",
	"works_well":          "What works well",
	"improve":             "Areas for improvement",
	"next_steps":          "Next steps",
	"name":                "Name",
	"local_authority":     "Local authority",
	"note":                "Who the invitation is for",
}

// describeValue returns a coded form value in words.
func describeValue(name, v string) string {
	switch {
	case name == "rating":
		if n, err := strconv.Atoi(v); err == nil {
			return imhars.Rating(n).Label()
		}
	case name == "kinds":
		return imhars.EvidenceKind(v).Label()
	case name == "priority":
		return imhars.Priority(v).Label()
	case strings.HasPrefix(name, "coverage_"):
		return imhars.Coverage(v).Label()
	}
	return v
}

func keptFields(values url.Values) []keptField {
	names := make([]string, 0, len(values))
	for name := range values {
		if name != "csrf_token" {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	var fields []keptField
	for _, name := range names {
		f := keptField{Name: name, Label: keptLabels[name], Values: values[name]}
		for _, v := range f.Values {
			if v != "" || name == "priority" {
				f.Shown = append(f.Shown, describeValue(name, v))
			}
		}
		fields = append(fields, f)
	}
	return fields
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
	p := &keptFormPage{
		Page:    s.page(r, "Save the changes you made before signing in"),
		Heading: "Save the changes you made before signing in",
		Intro:   "You were signed out before these changes were saved. They have been kept. Check them, then save.",
		Action:  path, CanSave: true, Fields: keptFields(values),
	}
	return s.render(w, r, "resume", p)
}

// showUnsaved shows a posted form that could not be saved because the audit
// is read-only now, so that the user can copy what they typed.
func (s *Server) showUnsaved(w http.ResponseWriter, r *http.Request, reason string) error {
	p := &keptFormPage{
		Page:    s.page(r, "Your changes were not saved"),
		Heading: "Your changes were not saved",
		Intro:   reason + " Copy anything you want to keep from below.",
		Action:  r.URL.Path, Fields: keptFields(r.PostForm),
	}
	return s.renderStatus(w, r, http.StatusConflict, "resume", p)
}
