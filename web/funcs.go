package web

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
)

// findingField is what the finding-textarea partial needs.
type findingField struct {
	Field, Label, Hint, Value, Message string
}

var templateFuncs = template.FuncMap{
	"sentByTeam": func(phrase string) bool { return phrase == sqlstore.SentByTeamPhrase },
	"findingField": func(errs imhars.FieldErrors, field, label, hint, value string) findingField {
		return findingField{Field: field, Label: label, Hint: hint, Value: value, Message: errs.Get(field)}
	},
	"fieldError": func(errs imhars.FieldErrors, field string) imhars.FieldError {
		return imhars.FieldError{Field: field, Message: errs.Get(field)}
	},
	"date": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(imhars.London).Format("2 January 2006")
	},
	"datetime": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(imhars.London).Format("2 January 2006 at 15:04")
	},
	"signed": func(n int) string {
		if n > 0 {
			return fmt.Sprintf("+%d", n)
		}
		return fmt.Sprintf("%d", n)
	},
	"lower": strings.ToLower,
	"withArticle": func(noun string) string {
		if noun != "" && strings.ContainsRune("aeiouAEIOU", rune(noun[0])) {
			return "an " + noun
		}
		return "a " + noun
	},
	"phases":        func() []imhars.Phase { return imhars.Phases },
	"roles":         func() []imhars.Role { return imhars.Roles },
	"ratings":       func() []imhars.Rating { return imhars.Ratings },
	"priorities":    func() []imhars.Priority { return imhars.Priorities },
	"evidenceKinds": func() []imhars.EvidenceKind { return imhars.EvidenceKinds },
	"tiers":         func() []imhars.Tier { return imhars.Tiers },
	"coverages":     func() []imhars.Coverage { return imhars.Coverages },
	"notAssessed":   func() imhars.Rating { return imhars.NotAssessed },
	"kindLabels": func(kinds []imhars.EvidenceKind) string {
		labels := make([]string, len(kinds))
		for i, k := range kinds {
			labels[i] = k.Label()
		}
		return strings.Join(labels, ", ")
	},
	"ratingTag": func(r imhars.Rating) string {
		switch r {
		case imhars.NotInPlace:
			return "govuk-tag--red"
		case imhars.Emerging:
			return "govuk-tag--orange"
		case imhars.Established:
			return "govuk-tag--blue"
		case imhars.Embedded:
			return "govuk-tag--green"
		}
		return "govuk-tag--grey"
	},
	"coverageTag": func(c imhars.Coverage) string {
		switch c {
		case imhars.CoverageGap:
			return "govuk-tag--red"
		case imhars.CoveragePartial:
			return "govuk-tag--yellow"
		case imhars.CoverageGood:
			return "govuk-tag--green"
		}
		return "govuk-tag--grey"
	},
}
