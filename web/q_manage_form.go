package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/imhars/imhars"
)

// dateInput is a GOV.UK date input: day, month and year as typed, so that
// a form shown again keeps them even when they do not make a date.
type dateInput struct {
	Field   string // form field name; the day box has this id
	Legend  string
	Hint    string
	Day     string
	Month   string
	Year    string
	Message string
}

func dateInputOf(d imhars.Date, field, legend, hint string) dateInput {
	in := dateInput{Field: field, Legend: legend, Hint: hint}
	if !d.IsZero() {
		in.Day, in.Month, in.Year = strconv.Itoa(d.Day), strconv.Itoa(int(d.Month)), strconv.Itoa(d.Year)
	}
	return in
}

func (in *dateInput) read(r *http.Request) {
	in.Day = strings.TrimSpace(r.PostFormValue(in.Field + "-day"))
	in.Month = strings.TrimSpace(r.PostFormValue(in.Field + "-month"))
	in.Year = strings.TrimSpace(r.PostFormValue(in.Field + "-year"))
}

// date returns the typed date, the zero date when all three boxes are
// blank, and ok false when they are filled but do not make a real date.
func (in dateInput) date() (d imhars.Date, ok bool) {
	if in.Day == "" && in.Month == "" && in.Year == "" {
		return imhars.Date{}, true
	}
	day, err1 := strconv.Atoi(in.Day)
	month, err2 := strconv.Atoi(in.Month)
	year, err3 := strconv.Atoi(in.Year)
	if err1 != nil || err2 != nil || err3 != nil {
		return imhars.Date{}, false
	}
	return imhars.DateFromParts(day, month, year)
}

// settingsForm is a questionnaire's settings as typed. Creating a
// questionnaire reads the audience, title and dates in its first step, and
// comments and help text in its second, with the items.
type settingsForm struct {
	Audience imhars.Audience
	Title    string
	Opens    dateInput
	Closes   dateInput
	Comments bool
	HelpText string
}

const (
	opensHint  = "Answers are accepted from the start of this day, in the school's time zone. For example, 3 11 2026."
	closesHint = "Answers are accepted until the end of this day, in the school's time zone. For example, 21 11 2026."
)

// defaultHelpText is the help text a pupil questionnaire starts with, until
// the lead writes the names of people in the school.
const defaultHelpText = "You can talk to your class teacher or any adult in school you trust."

func newSettingsForm(q *imhars.Questionnaire) settingsForm {
	return settingsForm{
		Audience: q.Audience, Title: q.Title, Comments: q.Comments, HelpText: q.HelpText,
		Opens:  dateInputOf(q.OpensOn, "opens_on", "When does it open?", opensHint),
		Closes: dateInputOf(q.ClosesOn, "closes_on", "When does it close?", closesHint),
	}
}

// read reads the posted settings over f. Comments and help text
// keep f's values when the form does not have them.
func (f *settingsForm) read(r *http.Request) {
	if a, ok := r.PostForm["audience"]; ok {
		f.Audience = imhars.Audience(a[0])
	}
	f.Title = strings.TrimSpace(r.PostFormValue("title"))
	f.Opens.read(r)
	f.Closes.read(r)
	switch r.PostFormValue("comments") {
	case "yes":
		f.Comments = true
	case "no":
		f.Comments = false
	}
	if h, ok := r.PostForm["help_text"]; ok {
		f.HelpText = normaliseText(h[0])
	}
}

// apply copies the settings into q and returns the form's errors, with
// each message also set on its date input.
func (f *settingsForm) apply(q *imhars.Questionnaire) imhars.FieldErrors {
	q.Audience, q.Title, q.Comments = f.Audience, f.Title, f.Comments
	q.HelpText = ""
	if q.Audience.IsPupil() {
		q.HelpText = f.HelpText
	}
	opens, opensOK := f.Opens.date()
	closes, closesOK := f.Closes.date()
	q.OpensOn, q.ClosesOn = opens, closes
	errs := q.Validate()
	if !opensOK {
		setMessage(&errs, "opens_on", "The date the questionnaire opens must be a real date, like 3 11 2026.")
	}
	if !closesOK {
		setMessage(&errs, "closes_on", "The date the questionnaire closes must be a real date, like 21 11 2026.")
	}
	if q.Audience.IsPupil() && q.HelpText == "" {
		errs.Add("help_text", "Enter whom pupils can talk to in school.")
	}
	f.Opens.Message, f.Closes.Message = errs.Get("opens_on"), errs.Get("closes_on")
	return errs
}

// setMessage replaces the message of field, or adds one.
func setMessage(errs *imhars.FieldErrors, field, msg string) {
	for i := range *errs {
		if (*errs)[i].Field == field {
			(*errs)[i].Message = msg
			return
		}
	}
	errs.Add(field, "%s", msg)
}

// defaultTitle is the title a new questionnaire gets when the lead leaves
// it blank.
func defaultTitle(a imhars.Audience) string {
	switch a {
	case imhars.AudienceStaff:
		return "Staff views on mental health and wellbeing"
	case imhars.AudienceGovernors:
		return "Governors' views on mental health and wellbeing"
	case imhars.AudienceParents:
		return "Parents' and carers' views on mental health and wellbeing"
	case imhars.AudiencePupils5to7:
		return "How do you feel at school?"
	}
	return "Your views on feeling well at school"
}

// today returns the current day in the school's time zone.
func (s *Server) today(school *imhars.School) imhars.Date {
	q := imhars.Questionnaire{TimeZone: school.TimeZone}
	return imhars.DateOf(s.now().In(q.Location()))
}

// addDays returns the date n days after d.
func addDays(d imhars.Date, n int) imhars.Date {
	return imhars.DateOf(time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC))
}

// Long returns the typed date as "1 April 2027", or "" when it is not one.
func (in dateInput) Long() string {
	d, _ := in.date()
	return d.Long()
}
