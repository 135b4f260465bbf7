package imhars

import (
	"fmt"
	"strings"
	"time"
	_ "time/tzdata" // Europe/London must load on machines without a zone database
	"unicode/utf8"
)

// Audience is who a questionnaire is for. The values match the audience
// names of statements in framework files.
type Audience string

// Audiences of questionnaires.
const (
	AudienceStaff        Audience = "staff"
	AudienceGovernors    Audience = "governors"
	AudienceParents      Audience = "parents"
	AudiencePupils5to7   Audience = "pupils_5_7"
	AudiencePupils8to11  Audience = "pupils_8_11"
	AudiencePupils11to18 Audience = "pupils_11_18"
)

// Audiences lists every audience, adults first.
var Audiences = []Audience{
	AudienceStaff, AudienceGovernors, AudienceParents,
	AudiencePupils5to7, AudiencePupils8to11, AudiencePupils11to18,
}

// Label returns the audience in plain English.
func (a Audience) Label() string {
	switch a {
	case AudienceStaff:
		return "Staff"
	case AudienceGovernors:
		return "Governors"
	case AudienceParents:
		return "Parents and carers"
	case AudiencePupils5to7:
		return "Pupils aged 5 to 7"
	case AudiencePupils8to11:
		return "Pupils aged 8 to 11"
	case AudiencePupils11to18:
		return "Pupils aged 11 to 18"
	}
	return string(a)
}

// Valid reports whether a is one of Audiences.
func (a Audience) Valid() bool {
	for _, x := range Audiences {
		if a == x {
			return true
		}
	}
	return false
}

// IsPupil reports whether the audience is children, whose questionnaires
// end with where to get help.
func (a Audience) IsPupil() bool {
	return a == AudiencePupils5to7 || a == AudiencePupils8to11 || a == AudiencePupils11to18
}

// Scale returns the answer scale the audience uses.
func (a Audience) Scale() Scale {
	if a == AudiencePupils5to7 {
		return FacesScale
	}
	return AgreementScale
}

// ScalePoint is one answer on a scale, apart from "don't know".
type ScalePoint struct {
	Value int
	Label string
	Face  string // "happy", "neutral" or "sad" on the faces scale, otherwise ""
}

// Scale is the set of answers to a statement. Every scale also offers
// "don't know", which is stored apart and left out of means.
type Scale struct {
	Name     string
	Points   []ScalePoint // lowest value first
	DontKnow string       // label of the "don't know" answer
}

// Max returns the highest value on the scale.
func (s Scale) Max() int { return s.Points[len(s.Points)-1].Value }

// Point returns the point with value v.
func (s Scale) Point(v int) (ScalePoint, bool) {
	for _, p := range s.Points {
		if p.Value == v {
			return p, true
		}
	}
	return ScalePoint{}, false
}

// AgreementScale is the five-point agreement scale for adults and pupils
// aged 8 and over.
var AgreementScale = Scale{
	Name: "agreement",
	Points: []ScalePoint{
		{Value: 1, Label: "Strongly disagree"},
		{Value: 2, Label: "Disagree"},
		{Value: 3, Label: "Neither agree nor disagree"},
		{Value: 4, Label: "Agree"},
		{Value: 5, Label: "Strongly agree"},
	},
	DontKnow: "Don't know",
}

// FacesScale is the three-point scale with faces for pupils aged 5 to 7,
// short enough to be read aloud.
var FacesScale = Scale{
	Name: "faces",
	Points: []ScalePoint{
		{Value: 1, Label: "No", Face: "sad"},
		{Value: 2, Label: "Sometimes", Face: "neutral"},
		{Value: 3, Label: "Yes", Face: "happy"},
	},
	DontKnow: "I don't know",
}

// QuestionnaireStatus is whether a questionnaire accepts answers.
type QuestionnaireStatus string

// Questionnaire statuses. A draft can be edited freely; answers are
// accepted only while open and between the open and close dates.
const (
	QuestionnaireDraft  QuestionnaireStatus = "draft"
	QuestionnaireOpen   QuestionnaireStatus = "open"
	QuestionnaireClosed QuestionnaireStatus = "closed"
)

// Label returns the status in plain English.
func (s QuestionnaireStatus) Label() string {
	switch s {
	case QuestionnaireOpen:
		return "Open"
	case QuestionnaireClosed:
		return "Closed"
	}
	return "Draft"
}

// Questionnaire gathers one audience's views for an audit.
type Questionnaire struct {
	ID        int64
	AuditID   int64
	SchoolID  int64
	Audience  Audience
	Title     string
	Status    QuestionnaireStatus
	OpensOn   Date // first day answers are accepted, in the school's time zone
	ClosesOn  Date // last day answers are accepted, in the school's time zone
	TimeZone  string
	LinkID    string // random public id in the open link, /q/{LinkID}
	ShortCode string // short code to type at /q, from ShortCodeAlphabet
	Comments  bool   // whether each component ends with an optional comment box
	HelpText  string // for pupils: whom to talk to in school
	CreatedAt time.Time
}

// Location returns the questionnaire's time zone, or Europe/London when
// it is unset or unknown.
func (q *Questionnaire) Location() *time.Location {
	if q.TimeZone != "" {
		if loc, err := time.LoadLocation(q.TimeZone); err == nil {
			return loc
		}
	}
	return London
}

// Accepting reports whether an answer submitted at now is accepted: the
// questionnaire is open and now falls, in its time zone, on or between the
// open and close dates.
func (q *Questionnaire) Accepting(now time.Time) bool {
	if q.Status != QuestionnaireOpen {
		return false
	}
	today := DateOf(now.In(q.Location()))
	return !today.Before(q.OpensOn) && !q.ClosesOn.Before(today)
}

// Maximum lengths of questionnaire text, in characters.
const (
	MaxQuestionnaireTitleLen = 200
	MaxStatementLen          = 500
	MaxCommentLen            = 2000
	MaxHelpTextLen           = 1000
)

// Validate returns field errors for the questionnaire settings form.
func (q *Questionnaire) Validate() FieldErrors {
	var errs FieldErrors
	q.Title = strings.TrimSpace(q.Title)
	if !q.Audience.Valid() {
		errs.Add("audience", "Select who the questionnaire is for.")
	}
	switch {
	case q.Title == "":
		errs.Add("title", "Enter a title that respondents will see.")
	case utf8.RuneCountInString(q.Title) > MaxQuestionnaireTitleLen:
		errs.Add("title", "Title must be %d characters or fewer.", MaxQuestionnaireTitleLen)
	}
	if q.OpensOn.IsZero() {
		errs.Add("opens_on", "Enter the date the questionnaire opens, like 3 11 2026.")
	}
	if q.ClosesOn.IsZero() {
		errs.Add("closes_on", "Enter the date the questionnaire closes, like 21 11 2026.")
	} else if !q.OpensOn.IsZero() && q.ClosesOn.Before(q.OpensOn) {
		errs.Add("closes_on", "The close date must be the same as or after the open date.")
	}
	if utf8.RuneCountInString(q.HelpText) > MaxHelpTextLen {
		errs.Add("help_text", "Whom to talk to in school must be %d characters or fewer.", MaxHelpTextLen)
	}
	return errs
}

// Item is one statement in a questionnaire. Its ID never changes, so that
// answers stay attached when the wording is edited, and retired items keep
// their answers.
type Item struct {
	ID              string // stable and unique within the questionnaire, such as "i3"
	QuestionnaireID int64
	PracticeKey     string
	ComponentKey    string
	Text            string
	Position        int
	Retired         bool
}

// Answer is one respondent's answer to one item.
type Answer struct {
	ItemID   string
	Value    int  // a scale value; 0 when DontKnow
	DontKnow bool //
}

// Comment is free text a respondent wrote about a component.
type Comment struct {
	// ID is random, like a response's, so it does not reveal the order of
	// submission. It is 0 before the comment is stored and in
	// Response.Comments, which exports read.
	ID           int64
	ComponentKey string
	Text         string
	// Flagged is true when the text matched a safeguarding phrase. Flagged
	// comments are shown only to the school's designated safeguarding lead
	// and are never in results or exports.
	Flagged bool
	Phrase  string // the risk phrase that matched, when Flagged
}

// Response is one respondent's submitted questionnaire. It holds nothing
// that identifies the respondent: no name, account, email, class, address,
// browser, link token or time finer than the day. Its ID is random, so it
// does not reveal the order of submission.
type Response struct {
	ID              string
	QuestionnaireID int64
	SubmittedOn     Date
	Answers         []Answer
	Comments        []Comment
}

// Recipient is a member of staff sent a personal link, so that the lead can
// see who has not yet responded. Whether they responded is stored, never
// when, and nothing links them to their response.
type Recipient struct {
	ID              int64
	QuestionnaireID int64
	Email           string
	Name            string
	Role            string
	TokenHash       string
	Responded       bool
}

// ShortCodeAlphabet has no letters or digits that are easy to confuse,
// such as 0 and O or 1 and I.
const ShortCodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// ShortCodeLen is the number of characters in a short code.
const ShortCodeLen = 6

// NormaliseShortCode upper-cases a typed code and drops spaces and hyphens.
func NormaliseShortCode(s string) string {
	s = strings.ToUpper(s)
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return -1
		}
		return r
	}, s)
}

// Privacy is a school's thresholds for showing questionnaire results.
type Privacy struct {
	MinGroup    int // smallest group whose results are shown
	MinComments int // smallest group whose comments are shown
}

// Privacy defaults and the floor below which no school may go.
const (
	DefaultMinGroup    = 5
	DefaultMinComments = 10
	FloorMinGroup      = 3
)

// DefaultPrivacy returns the default thresholds.
func DefaultPrivacy() Privacy {
	return Privacy{MinGroup: DefaultMinGroup, MinComments: DefaultMinComments}
}

// Effective returns p with each threshold raised to its floor: no group
// smaller than FloorMinGroup is ever shown, and comments never need fewer
// respondents than results.
func (p Privacy) Effective() Privacy {
	p.MinGroup = max(p.MinGroup, FloorMinGroup)
	p.MinComments = max(p.MinComments, p.MinGroup)
	return p
}

// London is the default time zone of schools.
var London = loadLondon()

func loadLondon() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic(fmt.Sprintf("load Europe/London: %v; build with the time/tzdata package", err))
	}
	return loc
}
