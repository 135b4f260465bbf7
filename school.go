package imhars

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Phase is a school's phase of education.
type Phase string

// Phases a school can have.
const (
	PhasePrimary     Phase = "primary"
	PhaseSecondary   Phase = "secondary"
	PhaseAllThrough  Phase = "all-through"
	PhaseSpecial     Phase = "special"
	PhaseAlternative Phase = "alternative-provision"
)

// Phases lists every phase in display order.
var Phases = []Phase{PhasePrimary, PhaseSecondary, PhaseAllThrough, PhaseSpecial, PhaseAlternative}

// Label returns the phase in plain English.
func (p Phase) Label() string {
	switch p {
	case PhasePrimary:
		return "Primary"
	case PhaseSecondary:
		return "Secondary"
	case PhaseAllThrough:
		return "All-through"
	case PhaseSpecial:
		return "Special"
	case PhaseAlternative:
		return "Alternative provision"
	}
	return string(p)
}

// Valid reports whether p is one of Phases.
func (p Phase) Valid() bool {
	for _, q := range Phases {
		if p == q {
			return true
		}
	}
	return false
}

// School is one school using the product.
type School struct {
	ID             int64
	Name           string
	Phase          Phase
	URN            string // unique reference number from the Department for Education, optional
	LocalAuthority string
	IsSample       bool   // true for the demo school, which is labelled on every page
	TimeZone       string // IANA name for questionnaire dates; empty means Europe/London
	CreatedAt      time.Time
}

// Maximum lengths of school fields, in characters.
const (
	MaxSchoolNameLen = 200
	MaxLocalAuthLen  = 200
)

// Validate returns field errors keyed by form field name.
func (s *School) Validate() FieldErrors {
	var errs FieldErrors
	s.Name = strings.TrimSpace(s.Name)
	s.URN = strings.TrimSpace(s.URN)
	s.LocalAuthority = strings.TrimSpace(s.LocalAuthority)
	switch {
	case s.Name == "":
		errs.Add("name", "Enter the school's name.")
	case utf8.RuneCountInString(s.Name) > MaxSchoolNameLen:
		errs.Add("name", "School name must be %d characters or fewer.", MaxSchoolNameLen)
	}
	if !s.Phase.Valid() {
		errs.Add("phase", "Select the school's phase.")
	}
	if s.URN != "" && !isDigits(s.URN, 6, 7) {
		errs.Add("urn", "URN must be 6 or 7 digits, like 100432, or left blank.")
	}
	if utf8.RuneCountInString(s.LocalAuthority) > MaxLocalAuthLen {
		errs.Add("local_authority", "Local authority must be %d characters or fewer.", MaxLocalAuthLen)
	}
	s.TimeZone = strings.TrimSpace(s.TimeZone)
	if s.TimeZone != "" && !validTimeZone(s.TimeZone) {
		errs.Add("time_zone", "Enter a time zone name such as Europe/London or Europe/Dublin.")
	}
	return errs
}

func isDigits(s string, minLen, maxLen int) bool {
	if len(s) < minLen || len(s) > maxLen {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// validTimeZone reports whether name is an IANA time zone that Go knows.
// "Local" and "UTC" are rejected because a school's dates should follow a
// place, not the server's clock.
func validTimeZone(name string) bool {
	if name == "Local" || name == "UTC" || !strings.Contains(name, "/") {
		return false
	}
	_, err := time.LoadLocation(name)
	return err == nil
}
