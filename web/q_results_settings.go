package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/imhars/imhars"
)

// Limits of a school's risk phrase list.
const (
	maxRiskPhrases   = 200
	maxRiskPhraseLen = 100 // characters
	maxThreshold     = 1000
)

// privacySettingsPage edits a school's risk phrases and privacy thresholds. The
// fields keep what the user typed, so that a form with errors comes back
// as it was sent.
type privacySettingsPage struct {
	Page
	Phrases     string // one per line
	MinGroup    string
	MinComments string
}

func (s *Server) showQuestionnaireSettings(w http.ResponseWriter, r *http.Request) error {
	st := stateOf(r)
	phrases, err := s.store.RiskPhrases(r.Context(), st.school.ID)
	if err != nil {
		return fmt.Errorf("load risk phrases of school %d: %w", st.school.ID, err)
	}
	privacy, err := s.store.SchoolPrivacy(r.Context(), st.school.ID)
	if err != nil {
		return fmt.Errorf("load privacy thresholds of school %d: %w", st.school.ID, err)
	}
	p := &privacySettingsPage{Page: s.page(r, "Questionnaire privacy and safeguarding"),
		Phrases: strings.Join(phrases, "\n"), MinGroup: strconv.Itoa(privacy.MinGroup),
		MinComments: strconv.Itoa(privacy.MinComments)}
	return s.render(w, r, "q-results-settings", p)
}

func (s *Server) saveQuestionnaireSettings(w http.ResponseWriter, r *http.Request) error {
	st := stateOf(r)
	p := &privacySettingsPage{Page: s.page(r, "Questionnaire privacy and safeguarding"),
		Phrases: r.PostFormValue("phrases"), MinGroup: trimmed(r, "min_group"), MinComments: trimmed(r, "min_comments")}
	phrases, errs := parseRiskPhrases(p.Phrases)
	privacy, privacyErrs := parsePrivacy(p.MinGroup, p.MinComments)
	errs = append(errs, privacyErrs...)
	if errs.Any() {
		p.Errors = errs
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "q-results-settings", p)
	}
	if err := s.store.SetRiskPhrases(r.Context(), st.school.ID, phrases); err != nil {
		return fmt.Errorf("save risk phrases of school %d: %w", st.school.ID, err)
	}
	flagged, err := s.store.RecheckComments(r.Context(), st.school.ID, phrases)
	if err != nil {
		return fmt.Errorf("recheck comments of school %d: %w", st.school.ID, err)
	}
	if err := s.store.SetSchoolPrivacy(r.Context(), st.school.ID, privacy); err != nil {
		return fmt.Errorf("save privacy thresholds of school %d: %w", st.school.ID, err)
	}
	event := &imhars.Event{At: s.now(), UserID: st.user.ID, UserName: st.user.Name, SchoolID: st.school.ID,
		Action: "settings.questionnaires", Detail: fmt.Sprintf("Smallest group %d, for comments %d, %d risk phrases",
			privacy.MinGroup, privacy.MinComments, len(phrases))}
	if err := s.store.LogEvent(r.Context(), event); err != nil {
		return fmt.Errorf("log settings change: %w", err)
	}
	s.setFlash(w, "Questionnaire settings saved. "+recheckMessage(flagged))
	http.Redirect(w, r, fmt.Sprintf("/schools/%d/questionnaire-settings", st.school.ID), http.StatusSeeOther)
	return nil
}

// recheckMessage returns the sentence reporting how many stored comments
// the saved risk phrases newly flagged.
func recheckMessage(flagged int) string {
	if flagged == 0 {
		return "No stored comment newly matched a risk phrase."
	}
	return fmt.Sprintf("%d stored %s matched a risk phrase and %s sent to the designated safeguarding lead.",
		flagged, plural(flagged, "comment", "comments"), plural(flagged, "was", "were"))
}

// parseRiskPhrases splits text into one phrase per line, trimmed, with
// blank lines dropped, and checks the list's limits. Only the first problem
// is reported, with its line number.
func parseRiskPhrases(text string) ([]string, imhars.FieldErrors) {
	var errs imhars.FieldErrors
	var phrases []string
	for i, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if n := utf8.RuneCountInString(line); n > maxRiskPhraseLen {
			errs.Add("phrases", "Each phrase must be %d characters or fewer. Line %d has %d characters.",
				maxRiskPhraseLen, i+1, n)
		}
		phrases = append(phrases, line)
	}
	switch {
	case len(phrases) == 0:
		errs.Add("phrases", "Enter at least one phrase, one on each line.")
	case len(phrases) > maxRiskPhrases:
		errs.Add("phrases", "Enter at most %d phrases. The list has %d.", maxRiskPhrases, len(phrases))
	}
	return phrases, errs
}

// parsePrivacy reads the two thresholds and checks that no group below
// imhars.FloorMinGroup is shown and that comments never need fewer
// respondents than results.
func parsePrivacy(minGroup, minComments string) (imhars.Privacy, imhars.FieldErrors) {
	var errs imhars.FieldErrors
	group, groupErr := strconv.Atoi(minGroup)
	comments, commentsErr := strconv.Atoi(minComments)
	switch {
	case groupErr != nil:
		errs.Add("min_group", "Enter the smallest group size as a whole number, like 5.")
	case group < imhars.FloorMinGroup:
		errs.Add("min_group", "The smallest group size must be %d or more, so that no one's answers can be picked out.",
			imhars.FloorMinGroup)
	case group > maxThreshold:
		errs.Add("min_group", "The smallest group size must be %d or fewer.", maxThreshold)
	}
	switch {
	case commentsErr != nil:
		errs.Add("min_comments", "Enter the smallest group for comments as a whole number, like 10.")
	case groupErr == nil && comments < group:
		errs.Add("min_comments", "The smallest group for comments must be at least the smallest group size (%d).", group)
	case comments > maxThreshold:
		errs.Add("min_comments", "The smallest group for comments must be %d or fewer.", maxThreshold)
	}
	return imhars.Privacy{MinGroup: group, MinComments: comments}, errs
}
