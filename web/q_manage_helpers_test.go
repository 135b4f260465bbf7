package web

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/imhars/imhars"
)

// formValues returns what a browser would send from the form matching
// selector: hidden and text inputs, ticked boxes and radios, and textareas.
func (r *response) formValues(t *testing.T, selector string) url.Values {
	t.Helper()
	form := r.doc.Find(selector).First()
	if form.Length() == 0 {
		t.Fatalf("no form %q on the page", selector)
	}
	v := url.Values{}
	form.Find("input[name]").Each(func(_ int, in *goquery.Selection) {
		name, _ := in.Attr("name")
		value, _ := in.Attr("value")
		switch in.AttrOr("type", "text") {
		case "checkbox", "radio":
			if _, checked := in.Attr("checked"); checked {
				v.Add(name, value)
			}
		case "file", "submit":
		default:
			v.Add(name, value)
		}
	})
	form.Find("textarea[name]").Each(func(_ int, ta *goquery.Selection) {
		name, _ := ta.Attr("name")
		v.Add(name, ta.Text())
	})
	return v
}

// postMultipart sends form as multipart/form-data, as the confirm step of
// a staff list import does.
func (c *client) postMultipart(path string, form url.Values) *response {
	t := c.app.t
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	form.Set("csrf_token", c.csrf)
	for name, values := range form {
		for _, v := range values {
			if err := mw.WriteField(name, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return c.do(http.MethodPost, path, &body, mw.FormDataContentType())
}

// firstStep is the first step of creating a questionnaire, open from 2 to
// 20 November 2026 around the test clock's 2 November.
func firstStep(audience imhars.Audience, title string) url.Values {
	return url.Values{
		"audience": {string(audience)}, "title": {title},
		"opens_on-day": {"2"}, "opens_on-month": {"11"}, "opens_on-year": {"2026"},
		"closes_on-day": {"20"}, "closes_on-month": {"11"}, "closes_on-year": {"2026"},
	}
}

// createQuestionnaireAs goes through both steps with every practice
// ticked and returns the new questionnaire's path.
func (c *client) createQuestionnaireAs(audit string, audience imhars.Audience) string {
	t := c.app.t
	t.Helper()
	c.get(audit + "/questionnaires/new")
	step2 := c.post(audit+"/questionnaires/new", firstStep(audience, ""))
	wantStatus(t, step2, http.StatusOK)
	r := c.post(audit+"/questionnaires", step2.formValues(t, `form[action$="/questionnaires"]`))
	wantStatus(t, r, http.StatusSeeOther)
	return r.location
}

// questionnaireIn returns the stored questionnaire at path.
func (app *testApp) questionnaireIn(path string) *imhars.Questionnaire {
	t := app.t
	t.Helper()
	school := schoolIDOf(t, path)
	id, err := strconv.ParseInt(lastID(path), 10, 64)
	if err != nil {
		t.Fatalf("%q does not end in a questionnaire id", path)
	}
	q, err := app.store.Questionnaire(t.Context(), school, id)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// countQuestionnaires returns how many questionnaires the audit at path has.
func (app *testApp) countQuestionnaires(audit string) int {
	t := app.t
	t.Helper()
	id, _ := strconv.ParseInt(lastID(audit), 10, 64)
	list, err := app.store.Questionnaires(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}
