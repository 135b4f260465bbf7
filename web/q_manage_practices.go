package web

import (
	"fmt"
	"net/http"
	"slices"
	"unicode/utf8"

	"github.com/imhars/imhars"
)

// practiceChoice is one practice offered as a questionnaire item, with
// its statement for the audience, which the lead may edit.
type practiceChoice struct {
	Key          string
	ComponentKey string
	Number       string
	Statement    string // the framework's wording for the audience
	Text         string // the wording respondents will see
	Provisional  bool
	// NoStatement is true when the framework has no statement for the
	// audience, so Statement is the team's wording of the practice.
	NoStatement bool
	Checked     bool
	Message     string
}

// practiceGroup is a component's practices offered as items.
type practiceGroup struct {
	Number  int
	Title   string
	Choices []practiceChoice
}

// practiceGroups offers every practice of f that is not in asked, worded
// for the audience, each ticked when checked is true.
func practiceGroups(f *imhars.Framework, audience imhars.Audience, asked map[string]bool, checked bool) []practiceGroup {
	var groups []practiceGroup
	for _, c := range f.Components {
		g := practiceGroup{Number: c.Number, Title: c.Title}
		for _, p := range c.Practices {
			if asked[p.Key] {
				continue
			}
			choice := practiceChoice{Key: p.Key, ComponentKey: c.Key, Number: p.Number, Checked: checked}
			if st, ok := p.Statement(string(audience)); ok {
				choice.Statement, choice.Provisional = st.Text, st.Provisional
			} else {
				choice.Statement, choice.Provisional, choice.NoStatement = p.Text, p.Provisional, true
			}
			choice.Text = choice.Statement
			g.Choices = append(g.Choices, choice)
		}
		if len(g.Choices) > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

// readChoices sets each choice's tick and wording from the posted form.
// A box left blank keeps no text, so that the lead is asked to fill it.
func readChoices(groups []practiceGroup, r *http.Request) {
	ticked := r.PostForm["practices"]
	for gi := range groups {
		for ci := range groups[gi].Choices {
			c := &groups[gi].Choices[ci]
			c.Checked = slices.Contains(ticked, c.Key)
			if text, ok := r.PostForm["text-"+c.Key]; ok {
				c.Text = normaliseText(text[0])
			}
		}
	}
}

// chosenItems returns the ticked choices as items in framework order, and
// errors for no choice and for missing or overlong wording.
func chosenItems(groups []practiceGroup) ([]imhars.Item, imhars.FieldErrors) {
	var items []imhars.Item
	var errs imhars.FieldErrors
	for gi := range groups {
		for ci := range groups[gi].Choices {
			c := &groups[gi].Choices[ci]
			if !c.Checked {
				continue
			}
			switch n := utf8.RuneCountInString(c.Text); {
			case n == 0:
				c.Message = fmt.Sprintf("Enter the wording of practice %s.", c.Number)
			case n > imhars.MaxStatementLen:
				c.Message = fmt.Sprintf("The wording of practice %s must be %d characters or fewer; it is %d.",
					c.Number, imhars.MaxStatementLen, n)
			}
			if c.Message != "" {
				errs.Add("text-"+c.Key, "%s", c.Message)
			}
			items = append(items, imhars.Item{PracticeKey: c.Key, ComponentKey: c.ComponentKey, Text: c.Text})
		}
	}
	if len(items) == 0 {
		errs.Add("practices", "Select at least one practice to ask about.")
	}
	return items, errs
}
