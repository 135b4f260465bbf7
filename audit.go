package imhars

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// AuditStatus is whether an audit can still be edited.
type AuditStatus string

// Audit statuses. A complete audit is read-only until its lead reopens it.
const (
	AuditInProgress AuditStatus = "in-progress"
	AuditComplete   AuditStatus = "complete"
)

// Label returns the status in plain English.
func (s AuditStatus) Label() string {
	if s == AuditComplete {
		return "Complete"
	}
	return "In progress"
}

// Audit is one school's collaborative audit for one academic year.
type Audit struct {
	ID           int64
	SchoolID     int64
	FrameworkID  int64
	AcademicYear string // such as "2026/27"
	Status       AuditStatus
	CreatedAt    time.Time
	CompletedAt  *time.Time
}

// Editable reports whether the audit accepts changes.
func (a *Audit) Editable() bool { return a.Status != AuditComplete }

var academicYearPattern = regexp.MustCompile(`^(\d{4})/(\d{2})$`)

// ValidateAcademicYear checks a year written as "2026/27" and returns a
// message saying what to change, or "".
func ValidateAcademicYear(s string) string {
	m := academicYearPattern.FindStringSubmatch(s)
	if m == nil {
		return "Enter the academic year like 2026/27."
	}
	start, _ := strconv.Atoi(m[1])
	end, _ := strconv.Atoi(m[2])
	if (start+1)%100 != end {
		return fmt.Sprintf("The second year must follow the first, like %d/%02d.", start, (start+1)%100)
	}
	if start < 2000 || start > 2100 {
		return "Enter an academic year between 2000/01 and 2100/01."
	}
	return ""
}

// CurrentAcademicYear returns the academic year containing t, taking
// 1 September as its first day, as in schools in England.
func CurrentAcademicYear(t time.Time) string {
	y := t.Year()
	if t.Month() < time.September {
		y--
	}
	return fmt.Sprintf("%d/%02d", y, (y+1)%100)
}

// Maximum lengths of audit text fields, in characters.
const (
	MaxEvidenceLen = 10000
	MaxFindingLen  = 10000
)

// PracticeAssessment is the team's record for one practice in one audit.
type PracticeAssessment struct {
	AuditID     int64
	PracticeKey string
	Rating      Rating
	Evidence    string
	Kinds       []EvidenceKind
	Priority    Priority
	Version     int // starts at 0 for a practice never saved; each save adds 1
	UpdatedBy   string
	UpdatedAt   time.Time
}

// HasKind reports whether k is among the recorded evidence kinds.
func (p *PracticeAssessment) HasKind(k EvidenceKind) bool {
	for _, x := range p.Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// Validate returns field errors for the assessment form.
func (p *PracticeAssessment) Validate() FieldErrors {
	var errs FieldErrors
	if !p.Rating.Valid() {
		errs.Add("rating", "Select a rating, or Not yet assessed.")
	}
	if n := len([]rune(p.Evidence)); n > MaxEvidenceLen {
		errs.Add("evidence", "Evidence must be %s characters or fewer. It is %s.", thousands(MaxEvidenceLen), thousands(n))
	}
	for _, k := range p.Kinds {
		if !k.Valid() {
			errs.Add("kinds", "Select only the kinds of evidence listed.")
		}
	}
	if !p.Priority.Valid() {
		errs.Add("priority", "Select a priority from the list.")
	}
	return errs
}

// Tier is a level of need that a component must serve.
type Tier string

// Tiers, from all pupils to the most vulnerable.
const (
	TierUniversal  Tier = "universal"
	TierTargeted   Tier = "targeted"
	TierSpecialist Tier = "specialist"
)

// Tiers lists every tier in display order.
var Tiers = []Tier{TierUniversal, TierTargeted, TierSpecialist}

// Label returns the tier's name.
func (t Tier) Label() string {
	switch t {
	case TierUniversal:
		return "Universal"
	case TierTargeted:
		return "Targeted"
	}
	return "Specialist"
}

// Who returns who the tier serves, in plain English.
func (t Tier) Who() string {
	switch t {
	case TierUniversal:
		return "all pupils"
	case TierTargeted:
		return "pupils at risk"
	}
	return "the most vulnerable pupils"
}

// Coverage is the team's judgement of how well a tier is served.
type Coverage string

// Coverage levels. CoverageNone means the team has not judged it.
const (
	CoverageNone    Coverage = ""
	CoverageGap     Coverage = "gap"
	CoveragePartial Coverage = "partial"
	CoverageGood    Coverage = "good"
)

// Coverages lists the settable levels from weakest to strongest.
var Coverages = []Coverage{CoverageGap, CoveragePartial, CoverageGood}

// Label returns the coverage in plain English.
func (c Coverage) Label() string {
	switch c {
	case CoverageGap:
		return "Gap"
	case CoveragePartial:
		return "Partly in place"
	case CoverageGood:
		return "Well in place"
	}
	return "Not reviewed"
}

// Valid reports whether c is known, including CoverageNone.
func (c Coverage) Valid() bool {
	return c == CoverageNone || c == CoverageGap || c == CoveragePartial || c == CoverageGood
}

// TierNote is what a component offers at one tier.
type TierNote struct {
	Text     string
	Coverage Coverage
}

// ComponentFindings is the team's written findings for one component.
type ComponentFindings struct {
	AuditID      int64
	ComponentKey string
	Tiers        map[Tier]TierNote
	WorksWell    string
	Improve      string
	NextSteps    string
	Version      int
	UpdatedBy    string
	UpdatedAt    time.Time
}

// Tier returns the note for t, empty when none is recorded.
func (f *ComponentFindings) Tier(t Tier) TierNote { return f.Tiers[t] }

// IsEmpty reports whether nothing has been written.
func (f *ComponentFindings) IsEmpty() bool {
	for _, n := range f.Tiers {
		if n.Text != "" || n.Coverage != CoverageNone {
			return false
		}
	}
	return f.WorksWell == "" && f.Improve == "" && f.NextSteps == ""
}

// Validate returns field errors for the findings form.
func (f *ComponentFindings) Validate() FieldErrors {
	var errs FieldErrors
	for _, t := range Tiers {
		n := f.Tiers[t]
		if !n.Coverage.Valid() {
			errs.Add("coverage_"+string(t), "Select how well %s are served.", t.Who())
		}
		checkLen(&errs, "tier_"+string(t), "What is in place for "+t.Who(), n.Text)
	}
	checkLen(&errs, "works_well", "What works well", f.WorksWell)
	checkLen(&errs, "improve", "Areas for improvement", f.Improve)
	checkLen(&errs, "next_steps", "Next steps", f.NextSteps)
	return errs
}

func checkLen(errs *FieldErrors, field, label, s string) {
	if n := len([]rune(s)); n > MaxFindingLen {
		errs.Add(field, "%s must be %s characters or fewer. It is %s.", label, thousands(MaxFindingLen), thousands(n))
	}
}

// thousands formats n with commas between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
