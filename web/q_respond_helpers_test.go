package web

import (
	"crypto/rand"
	"net/url"
	"strconv"
	"testing"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
)

// questionnaireFixture is an open questionnaire made through the store, so
// that respondent pages can be tested without the lead's pages.
type questionnaireFixture struct {
	q      *imhars.Questionnaire
	items  []imhars.Item
	path   string // the open link's path, "/q/{link}"
	action string // where the form is posted, "/q/{link}/answers"
}

// Dates of fixture questionnaires. The test clock starts between them.
var (
	fixtureOpensOn  = imhars.Date{Year: 2026, Month: 10, Day: 1}
	fixtureClosesOn = imhars.Date{Year: 2027, Month: 4, Day: 1}
)

// createQuestionnaire creates a school, its audit and a questionnaire for
// audience with n statements of the default framework, open from
// fixtureOpensOn to fixtureClosesOn. change, when not nil, edits the
// questionnaire before it is opened.
func createQuestionnaire(tb testing.TB, store *sqlstore.Store, audience imhars.Audience, n int,
	change func(q *imhars.Questionnaire)) *questionnaireFixture {
	tb.Helper()
	ctx := tb.Context()
	fw, err := store.LatestFramework(ctx, "imhars")
	if err != nil {
		tb.Fatal(err)
	}
	lead := &imhars.User{Email: "lead-" + rand.Text() + "@example.org", Name: "Lee Lead"}
	if err := store.CreateUser(ctx, lead); err != nil {
		tb.Fatal(err)
	}
	school := &imhars.School{Name: "Answer Primary", Phase: imhars.PhasePrimary}
	if err := store.CreateSchool(ctx, school, lead.ID); err != nil {
		tb.Fatal(err)
	}
	audit := &imhars.Audit{SchoolID: school.ID, FrameworkID: fw.ID, AcademicYear: "2026/27"}
	if err := store.CreateAudit(ctx, audit); err != nil {
		tb.Fatal(err)
	}

	q := &imhars.Questionnaire{AuditID: audit.ID, SchoolID: school.ID, Audience: audience,
		Title: audience.Label() + " questionnaire", OpensOn: fixtureOpensOn, ClosesOn: fixtureClosesOn}
	items := fixtureItems(tb, fw, audience, n)
	if err := store.CreateQuestionnaire(ctx, q, items); err != nil {
		tb.Fatal(err)
	}
	q.Status = imhars.QuestionnaireOpen
	if change != nil {
		change(q)
	}
	if err := store.UpdateQuestionnaire(ctx, q); err != nil {
		tb.Fatal(err)
	}
	path := "/q/" + q.LinkID
	return &questionnaireFixture{q: q, items: items, path: path, action: path + "/answers"}
}

// fixtureItems returns the audience's statements of the first n practices.
func fixtureItems(tb testing.TB, fw *imhars.Framework, audience imhars.Audience, n int) []imhars.Item {
	tb.Helper()
	var items []imhars.Item
	for _, c := range fw.Components {
		for _, p := range c.Practices {
			if len(items) == n {
				return items
			}
			st, ok := p.Statement(string(audience))
			if !ok {
				tb.Fatalf("practice %s has no statement for %s", p.Key, audience)
			}
			items = append(items, imhars.Item{PracticeKey: p.Key, ComponentKey: c.Key, Text: st.Text})
		}
	}
	if len(items) < n {
		tb.Fatalf("the framework has %d practices, fewer than %d", len(items), n)
	}
	return items
}

// answers returns a complete form with the given submission key: the
// values cycle through the scale, and every fifth statement is "don't
// know".
func (fx *questionnaireFixture) answers(key string) url.Values {
	form := url.Values{"key": {key}}
	top := fx.q.Audience.Scale().Max()
	for i, it := range fx.items {
		v := strconv.Itoa(i%top + 1)
		if i%5 == 4 {
			v = dontKnowFormValue
		}
		form.Set("item-"+it.ID, v)
	}
	return form
}

// key loads the blank form as c and returns its submission key.
func (fx *questionnaireFixture) key(t *testing.T, c *client) string {
	t.Helper()
	page := c.get(fx.path)
	wantStatus(t, page, 200)
	key := page.value(`input[name="key"]`)
	if key == "" {
		t.Fatal("the form has no submission key")
	}
	return key
}

// respondents returns how many responses the store holds for fx.
func (fx *questionnaireFixture) respondents(tb testing.TB, store *sqlstore.Store) int {
	tb.Helper()
	n, err := store.RespondentCount(tb.Context(), fx.q.ID)
	if err != nil {
		tb.Fatal(err)
	}
	return n
}
