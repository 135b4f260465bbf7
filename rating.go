package imhars

// Rating is the team's judgement of how well a practice is in place. The
// four assessed levels score 0 to 3 points; NotAssessed is left out of
// every score.
type Rating int

// Ratings, from "not yet assessed" to fully embedded.
const (
	NotAssessed Rating = -1
	NotInPlace  Rating = 0
	Emerging    Rating = 1
	Established Rating = 2
	Embedded    Rating = 3
)

// MaxPoints is the score of the highest rating.
const MaxPoints = 3

// Ratings lists the assessed levels from lowest to highest.
var Ratings = []Rating{NotInPlace, Emerging, Established, Embedded}

// Label returns the rating's short name.
func (r Rating) Label() string {
	switch r {
	case NotInPlace:
		return "Not in place"
	case Emerging:
		return "Emerging"
	case Established:
		return "Established"
	case Embedded:
		return "Embedded"
	}
	return "Not yet assessed"
}

// Definition returns what the rating means, as shown beside each choice.
func (r Rating) Definition() string {
	switch r {
	case NotInPlace:
		return "This does not happen yet, or only by chance."
	case Emerging:
		return "It has started or is planned, but only in some places or for some pupils."
	case Established:
		return "It happens across most of the school, with some gaps or inconsistency."
	case Embedded:
		return "It happens consistently everywhere, is reviewed, and pupils and staff can describe it."
	}
	return "The team has not judged this practice yet."
}

// Assessed reports whether r is one of the four scored levels.
func (r Rating) Assessed() bool { return r >= NotInPlace && r <= Embedded }

// Valid reports whether r is a known value, including NotAssessed.
func (r Rating) Valid() bool { return r == NotAssessed || r.Assessed() }

// IsStrength reports whether a practice with this rating counts as a
// strength in the report (Established or Embedded).
func (r Rating) IsStrength() bool { return r == Established || r == Embedded }

// IsPriority reports whether a practice with this rating counts as a
// priority area in the report (Not in place or Emerging).
func (r Rating) IsPriority() bool { return r == NotInPlace || r == Emerging }

// Priority is the team's view of how urgently a practice needs improving.
type Priority string

// Improvement priorities. PriorityNone means the team has not set one.
const (
	PriorityNone   Priority = ""
	PriorityHigh   Priority = "high"
	PriorityMedium Priority = "medium"
	PriorityLow    Priority = "low"
)

// Priorities lists the settable priorities from most to least urgent.
var Priorities = []Priority{PriorityHigh, PriorityMedium, PriorityLow}

// Label returns the priority in plain English.
func (p Priority) Label() string {
	switch p {
	case PriorityHigh:
		return "High"
	case PriorityMedium:
		return "Medium"
	case PriorityLow:
		return "Low"
	}
	return "Not set"
}

// Valid reports whether p is known, including PriorityNone.
func (p Priority) Valid() bool {
	return p == PriorityNone || p == PriorityHigh || p == PriorityMedium || p == PriorityLow
}

// Rank orders priorities for sorting: high first, unset last.
func (p Priority) Rank() int {
	switch p {
	case PriorityHigh:
		return 0
	case PriorityMedium:
		return 1
	case PriorityLow:
		return 2
	}
	return 3
}

// EvidenceKind is a source of evidence behind a rating.
type EvidenceKind string

// Kinds of evidence a team can record.
const (
	EvidenceQuestionnaire   EvidenceKind = "questionnaire"
	EvidenceObservation     EvidenceKind = "observation"
	EvidenceLearningWalk    EvidenceKind = "learning-walk"
	EvidenceFocusGroup      EvidenceKind = "focus-group"
	EvidencePupilDiscussion EvidenceKind = "pupil-discussion"
	EvidenceStaffInterview  EvidenceKind = "staff-interview"
	EvidenceSchoolData      EvidenceKind = "school-data"
	EvidenceDocuments       EvidenceKind = "documents"
)

// EvidenceKinds lists every kind in display order.
var EvidenceKinds = []EvidenceKind{
	EvidenceQuestionnaire, EvidenceObservation, EvidenceLearningWalk, EvidenceFocusGroup,
	EvidencePupilDiscussion, EvidenceStaffInterview, EvidenceSchoolData, EvidenceDocuments,
}

// Label returns the kind in plain English.
func (k EvidenceKind) Label() string {
	switch k {
	case EvidenceQuestionnaire:
		return "Questionnaire"
	case EvidenceObservation:
		return "Lesson observation"
	case EvidenceLearningWalk:
		return "Learning walk"
	case EvidenceFocusGroup:
		return "Focus group"
	case EvidencePupilDiscussion:
		return "Discussion with pupils"
	case EvidenceStaffInterview:
		return "Staff interview"
	case EvidenceSchoolData:
		return "School data"
	case EvidenceDocuments:
		return "Documents and policies"
	}
	return string(k)
}

// Valid reports whether k is one of EvidenceKinds.
func (k EvidenceKind) Valid() bool {
	for _, e := range EvidenceKinds {
		if k == e {
			return true
		}
	}
	return false
}
