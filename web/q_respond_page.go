package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/imhars/imhars"
)

// answerPage is the questionnaire as one long form: the statements
// grouped by component, each group with an optional comment box.
type answerPage struct {
	Page
	Q      *imhars.Questionnaire
	Scale  imhars.Scale
	Groups []answerGroup
	Total  int // statements to answer
	// Key identifies this filled-in form, so that sending it again stores
	// nothing new. It is made when the blank form is shown.
	Key   string
	Token string // the personal link's token, only when it was recognised
	// Personal is true when the form came from a member of staff's
	// recognised personal link.
	Personal bool
	// UnknownToken is true when the link carried a token that matches no
	// recipient of this questionnaire.
	UnknownToken bool
	Sent         bool // true when the form is shown again after it was sent
}

// answerGroup is one component's statements and comment box.
type answerGroup struct {
	Key     string
	Number  int
	Title   string
	Items   []answerField
	Comment answerComment
}

// answerField is one statement with the answer given to it, if any.
type answerField struct {
	Item   imhars.Item
	Number int    // position among all statements, from 1
	Value  string // "1" to the scale's maximum, "dk", or ""
	Error  string
	scale  *imhars.Scale
}

// answerComment is the comment box that ends a component.
type answerComment struct {
	Field string
	Title string // the component's title
	Pupil bool   // true when the box is for children
	Value string
	Error string
}

// Max returns the most characters a comment may have.
func (answerComment) Max() int { return imhars.MaxCommentLen }

// MaxText returns Max written with a thousands separator.
func (answerComment) MaxText() string { return commaThousands(imhars.MaxCommentLen) }

// answerOption is one radio button of a statement.
type answerOption struct {
	ID      string
	Value   string
	Label   string
	Face    string
	Checked bool
}

// dontKnowFormValue is the form value of the "don't know" answer.
const dontKnowFormValue = "dk"

// Field returns the form field name of the statement, which is also the id
// of its first radio button, so that an error summary link reaches it.
func (f answerField) Field() string { return "item-" + f.Item.ID }

// Faces reports whether the statement is answered with faces.
func (f answerField) Faces() bool { return f.scale.Name == imhars.FacesScale.Name }

// Options returns the scale's points, lowest first, without "don't know".
func (f answerField) Options() []answerOption {
	opts := make([]answerOption, len(f.scale.Points))
	for i, pt := range f.scale.Points {
		v := strconv.Itoa(pt.Value)
		id := f.Field()
		if i > 0 {
			id += "-" + v
		}
		opts[i] = answerOption{ID: id, Value: v, Label: pt.Label, Face: pt.Face, Checked: f.Value == v}
	}
	return opts
}

// DontKnow returns the "don't know" radio button.
func (f answerField) DontKnow() answerOption {
	return answerOption{ID: f.Field() + "-dk", Value: dontKnowFormValue, Label: f.scale.DontKnow,
		Checked: f.Value == dontKnowFormValue}
}

// Faces reports whether the page uses the three-point scale with faces.
func (p *answerPage) Faces() bool { return p.Scale.Name == imhars.FacesScale.Name }

// Answered returns how many statements have an answer.
func (p *answerPage) Answered() int {
	n := 0
	for _, g := range p.Groups {
		for _, it := range g.Items {
			if it.Value != "" {
				n++
			}
		}
	}
	return n
}

// Minutes estimates how long the questionnaire takes: 10 seconds a
// statement for adults and older pupils, 15 when read aloud to younger
// pupils, and a minute more when there are comment boxes.
func (p *answerPage) Minutes() int {
	seconds := 10 * p.Total
	if p.Faces() {
		seconds = 15 * p.Total
	}
	if p.Q.Comments {
		seconds += 60
	}
	return max(2, (seconds+59)/60)
}

// newAnswerPage loads the questionnaire's current statements and fills
// them in from form. The groups are named by component key until
// nameGroups names them.
func (s *Server) newAnswerPage(r *http.Request, q *imhars.Questionnaire, form answerForm) (*answerPage, error) {
	items, err := s.store.Items(r.Context(), q.ID, false)
	if err != nil {
		return nil, fmt.Errorf("list items of questionnaire %d: %w", q.ID, err)
	}
	p := &answerPage{Page: s.page(r, q.Title), Q: q, Scale: q.Audience.Scale(),
		Total: len(items), Key: form.Key, Token: form.Token, Sent: form.Sent}
	p.Groups = groupAnswerFields(items, &p.Scale)
	for gi := range p.Groups {
		g := &p.Groups[gi]
		for i := range g.Items {
			g.Items[i].Value = form.Answers[g.Items[i].Item.ID]
		}
		if q.Comments {
			g.Comment = answerComment{Field: "comment-" + g.Key, Title: g.Title,
				Pupil: q.Audience.IsPupil(), Value: form.Comments[g.Key]}
		}
	}
	return p, nil
}

// nameGroups gives each group its component's number and title from the
// audit's framework. Only shown pages need them, so a submission that is
// stored straight away skips the lookup.
func (s *Server) nameGroups(ctx context.Context, p *answerPage) error {
	audit, err := s.store.Audit(ctx, p.Q.SchoolID, p.Q.AuditID)
	if err != nil {
		return fmt.Errorf("get audit of questionnaire %d: %w", p.Q.ID, err)
	}
	fw, err := s.store.Framework(ctx, audit.FrameworkID)
	if err != nil {
		return fmt.Errorf("get framework of audit %d: %w", audit.ID, err)
	}
	for gi := range p.Groups {
		g := &p.Groups[gi]
		if c, ok := fw.Component(g.Key); ok {
			g.Number, g.Title = c.Number, c.Title
			g.Comment.Title = c.Title
		}
	}
	return nil
}

// groupAnswerFields groups items by component, in the order each component
// first appears, and numbers the statements in that order.
func groupAnswerFields(items []imhars.Item, scale *imhars.Scale) []answerGroup {
	var groups []answerGroup
	index := map[string]int{}
	for _, it := range items {
		gi, ok := index[it.ComponentKey]
		if !ok {
			gi = len(groups)
			index[it.ComponentKey] = gi
			groups = append(groups, answerGroup{Key: it.ComponentKey, Title: it.ComponentKey})
		}
		groups[gi].Items = append(groups[gi].Items, answerField{Item: it, scale: scale})
	}
	n := 0
	for gi := range groups {
		for i := range groups[gi].Items {
			n++
			groups[gi].Items[i].Number = n
		}
	}
	return groups
}

// validate checks that every statement has an answer and every comment
// fits, and records a message for each field that does not, in the order
// of the form.
func (p *answerPage) validate() {
	p.Errors = nil
	for gi := range p.Groups {
		g := &p.Groups[gi]
		for i := range g.Items {
			it := &g.Items[i]
			it.Error = ""
			if !p.validAnswer(it.Value) {
				it.Value = ""
				it.Error = p.missingMessage(it.Number)
				p.Errors = append(p.Errors, imhars.FieldError{Field: it.Field(), Message: it.Error})
			}
		}
		c := &g.Comment
		c.Error = ""
		if n := len([]rune(c.Value)); n > imhars.MaxCommentLen {
			c.Error = fmt.Sprintf("Your comment about %s must be %s characters or fewer. It has %s.",
				g.Title, commaThousands(imhars.MaxCommentLen), commaThousands(n))
			p.Errors = append(p.Errors, imhars.FieldError{Field: c.Field, Message: c.Error})
		}
	}
}

func (p *answerPage) validAnswer(v string) bool {
	if v == dontKnowFormValue {
		return true
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return false
	}
	_, ok := p.Scale.Point(n)
	return ok
}

func (p *answerPage) missingMessage(number int) string {
	switch {
	case p.Faces():
		return fmt.Sprintf("Choose a face for number %d, or choose %s.", number, p.Scale.DontKnow)
	case p.Q.Audience.IsPupil():
		return fmt.Sprintf("Choose how much you agree with sentence %d, or choose %s.", number, p.Scale.DontKnow)
	}
	return fmt.Sprintf("Select how much you agree with statement %d, or select %s.", number, p.Scale.DontKnow)
}

// response returns the validated form as an anonymous response.
func (p *answerPage) response(on imhars.Date) *imhars.Response {
	r := &imhars.Response{QuestionnaireID: p.Q.ID, SubmittedOn: on, Answers: make([]imhars.Answer, 0, p.Total)}
	for _, g := range p.Groups {
		for _, it := range g.Items {
			a := imhars.Answer{ItemID: it.Item.ID, DontKnow: it.Value == dontKnowFormValue}
			if !a.DontKnow {
				a.Value, _ = strconv.Atoi(it.Value)
			}
			r.Answers = append(r.Answers, a)
		}
		if g.Comment.Value != "" {
			r.Comments = append(r.Comments, imhars.Comment{ComponentKey: g.Key, Text: g.Comment.Value})
		}
	}
	return r
}

// commaThousands formats n with commas between groups of three digits.
func commaThousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// answerForm is a questionnaire as sent, before it is checked against
// the questionnaire's statements.
type answerForm struct {
	Key      string
	Token    string
	Sent     bool
	Answers  map[string]string // by item id
	Comments map[string]string // by component key, normalised
}

// readAnswerForm reads the posted fields. A missing or malformed
// submission key is replaced, so such a form is still stored, though a
// repeat of it is not recognised.
func readAnswerForm(r *http.Request) answerForm {
	f := answerForm{
		Key:      r.PostFormValue("key"),
		Token:    r.PostFormValue("t"),
		Sent:     true,
		Answers:  map[string]string{},
		Comments: map[string]string{},
	}
	if !validSubmissionKey(f.Key) {
		f.Key = newToken()
	}
	for name, values := range r.PostForm {
		if len(values) == 0 {
			continue
		}
		if id, ok := strings.CutPrefix(name, "item-"); ok {
			f.Answers[id] = values[0]
		} else if key, ok := strings.CutPrefix(name, "comment-"); ok {
			f.Comments[key] = normaliseAnswerComment(values[0])
		}
	}
	return f
}

// validSubmissionKey reports whether key looks like one newToken makes: 43
// characters of unpadded URL-safe base64.
func validSubmissionKey(key string) bool {
	if len(key) != 43 {
		return false
	}
	for _, c := range key {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
		if !ok {
			return false
		}
	}
	return true
}

// normaliseAnswerComment turns Windows and old Mac line endings into "\n",
// replaces invalid UTF-8 and NUL characters, which PostgreSQL rejects, and
// trims surrounding space.
func normaliseAnswerComment(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\x00", "")
	return strings.TrimSpace(s)
}
