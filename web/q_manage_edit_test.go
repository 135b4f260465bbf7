package web

import (
	"crypto/rand"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// answer stores one anonymous response, through the store, that answers
// itemID with value.
func (app *testApp) answer(q *imhars.Questionnaire, itemID string, value int, tokenHash string) {
	t := app.t
	t.Helper()
	r := &imhars.Response{QuestionnaireID: q.ID, Answers: []imhars.Answer{{ItemID: itemID, Value: value}}}
	if _, err := app.store.SubmitResponse(t.Context(), r, rand.Text(), tokenHash); err != nil {
		t.Fatal(err)
	}
}

func TestQuestionnaireEditSettings(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	audit := admin.startAudit(admin.createSchool("Settings Primary"), "2026/27")
	path := admin.createQuestionnaireAs(audit, imhars.AudienceStaff)

	page := admin.get(path + "/settings")
	wantStatus(t, page, http.StatusOK)
	if got := page.value("#closes_on"); got != "20" {
		t.Errorf("close day = %q, want the stored 20", got)
	}
	if page.doc.Find("#help_text").Length() != 0 {
		t.Error("a staff questionnaire asks whom pupils can talk to")
	}

	form := page.formValues(t, `form[action$="/settings"]`)
	form.Set("closes_on-day", "1")
	r := admin.post(path+"/settings", form)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r.text(".govuk-error-summary__list"), "The close date must be the same as or after the open date.")
	if got := r.value("#closes_on"); got != "1" {
		t.Errorf("close day = %q, want the typed 1 kept", got)
	}

	form.Set("closes_on-day", "27")
	form.Set("title", "Staff wellbeing 2026")
	form.Set("comments", "no")
	r = admin.post(path+"/settings", form)
	wantStatus(t, r, http.StatusSeeOther)
	q := app.questionnaireIn(path)
	if q.Title != "Staff wellbeing 2026" || q.ClosesOn.Day != 27 || q.Comments {
		t.Errorf("stored title %q, close %s, comments %v", q.Title, q.ClosesOn, q.Comments)
	}
	if q.Audience != imhars.AudienceStaff {
		t.Errorf("audience changed to %q", q.Audience)
	}
}

func TestQuestionnaireItemsKeepAnswers(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	audit := admin.startAudit(admin.createSchool("Items Primary"), "2026/27")
	path := admin.createQuestionnaireAs(audit, imhars.AudienceStaff)
	q := app.questionnaireIn(path)

	page := admin.get(path + "/items/i2")
	wantStatus(t, page, http.StatusOK)
	if page.doc.Find("#answered-warning").Length() != 0 {
		t.Error("warning about answers shown before any answer")
	}

	app.answer(q, "i1", 4, "")
	app.answer(q, "i2", 5, "")
	before, err := app.store.AnswerCounts(t.Context(), q.ID)
	if err != nil {
		t.Fatal(err)
	}

	page = admin.get(path + "/items/i2")
	if page.doc.Find("#answered-warning").Length() != 1 {
		t.Error("no warning that earlier answers stay attached to the reworded item")
	}
	r := admin.post(path+"/items/i2", url.Values{"text": {""}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r.text(".govuk-error-summary__list"), "Enter the statement.")

	r = admin.post(path+"/items/i2", url.Values{"text": {"Staff here are treated with respect."}})
	wantStatus(t, r, http.StatusSeeOther)
	r = admin.post(path+"/items/i1/retire", nil)
	wantStatus(t, r, http.StatusSeeOther)
	page = admin.follow(r)
	mustContain(t, page.body, "It is retired, and the answers already given are kept.")
	if got := page.text("#retired"); !strings.Contains(got, "Retired, answers kept") {
		t.Errorf("retired list = %q, want the retired tag", got)
	}

	add := admin.get(path + "/items/new")
	wantStatus(t, add, http.StatusOK)
	offered := add.doc.Find(`input[name="practices"]`)
	if offered.Length() != 1 {
		t.Fatalf("%d practices offered, want only the retired one", offered.Length())
	}
	form := add.formValues(t, `form[action$="/items"]`)
	if len(form["practices"]) != 0 {
		t.Errorf("practices ticked by default on the add page: %v", form["practices"])
	}
	r = admin.post(path+"/items", form)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r.text(".govuk-error-summary__list"), "Select at least one practice to ask about.")
	form.Set("practices", offered.AttrOr("value", ""))
	r = admin.post(path+"/items", form)
	wantStatus(t, r, http.StatusSeeOther)

	items, err := app.store.Items(t.Context(), q.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]imhars.Item{}
	for _, it := range items {
		byID[it.ID] = it
	}
	if it := byID["i2"]; it.Text != "Staff here are treated with respect." || it.Retired {
		t.Errorf("i2 = %+v, want reworded and active", it)
	}
	if !byID["i1"].Retired {
		t.Error("i1 is not retired")
	}
	last := items[len(items)-1]
	if last.ID == "i1" || last.PracticeKey != byID["i1"].PracticeKey || last.Retired {
		t.Errorf("added item = %+v, want a new id for the retired practice", last)
	}
	after, err := app.store.AnswerCounts(t.Context(), q.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("answer counts changed (-before +after):\n%s", diff)
	}
	if _, ok := after[last.ID]; ok {
		t.Errorf("new item %s starts with answers", last.ID)
	}
}

func TestQuestionnaireOpenAndClose(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	audit := admin.startAudit(admin.createSchool("Open Primary"), "2026/27")
	path := admin.createQuestionnaireAs(audit, imhars.AudienceGovernors)

	page := admin.get(path)
	if page.doc.Find("#open").Length() != 1 {
		t.Fatal("no open button on a draft")
	}
	r := admin.post(path+"/open", nil)
	wantStatus(t, r, http.StatusSeeOther)
	page = admin.follow(r)
	mustContain(t, page.text(".govuk-notification-banner"), "Questionnaire open. It accepts answers from 2 November 2026 to 20 November 2026.")
	if got := app.questionnaireIn(path).Status; got != imhars.QuestionnaireOpen {
		t.Errorf("status = %q, want open", got)
	}
	if page.doc.Find("#open").Length() != 0 || page.doc.Find("#close").Length() != 1 {
		t.Error("an open questionnaire does not offer close instead of open")
	}

	r = admin.post(path+"/close", nil)
	wantStatus(t, r, http.StatusSeeOther)
	mustContain(t, admin.follow(r).body, "Questionnaire closed.")
	if got := app.questionnaireIn(path).Status; got != imhars.QuestionnaireClosed {
		t.Errorf("status = %q, want closed", got)
	}
	wantStatus(t, admin.post(path+"/close", nil), http.StatusConflict)

	app.now = time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	admin = app.client()
	admin.get("/sign-in")
	wantStatus(t, admin.post("/sign-in", url.Values{"email": {"ada@example.org"}, "password": {testPassword}}), http.StatusSeeOther)
	admin.get(path)
	r = admin.post(path+"/open", nil)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r.text(".govuk-error-summary__list"), "The close date, 20 November 2026, has passed.")
	if got := app.questionnaireIn(path).Status; got != imhars.QuestionnaireClosed {
		t.Errorf("status = %q after a refused open, want closed", got)
	}
}

func TestQuestionnaireOpenNeedsItems(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	audit := admin.startAudit(admin.createSchool("Empty Items Primary"), "2026/27")
	admin.get(audit + "/questionnaires/new")
	step2 := admin.post(audit+"/questionnaires/new", firstStep(imhars.AudienceStaff, ""))
	form := step2.formValues(t, `form[action$="/questionnaires"]`)
	form["practices"] = form["practices"][:1]
	r := admin.post(audit+"/questionnaires", form)
	wantStatus(t, r, http.StatusSeeOther)
	path := r.location

	wantStatus(t, admin.post(path+"/items/i1/retire", nil), http.StatusSeeOther)
	r = admin.post(path+"/open", nil)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r.text(".govuk-error-summary__list"), "Add at least one statement before opening the questionnaire.")
	if href, _ := r.doc.Find(".govuk-error-summary__list a").Attr("href"); href != "#open" || r.doc.Find("#open").Length() != 1 {
		t.Errorf("error links to %q, want the open button", href)
	}
}

func TestQuestionnaireLastItemStaysWhileOpen(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	audit := admin.startAudit(admin.createSchool("Last Item Primary"), "2026/27")
	admin.get(audit + "/questionnaires/new")
	step2 := admin.post(audit+"/questionnaires/new", firstStep(imhars.AudienceStaff, ""))
	form := step2.formValues(t, `form[action$="/questionnaires"]`)
	form["practices"] = form["practices"][:1]
	path := admin.post(audit+"/questionnaires", form).location
	wantStatus(t, admin.post(path+"/open", nil), http.StatusSeeOther)

	r := admin.post(path+"/items/i1/retire", nil)
	wantStatus(t, r, http.StatusConflict)
	mustContain(t, r.body, "This is the only statement in an open questionnaire.")
}

func TestQuestionnaireCompleteAuditReadOnly(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	audit := admin.startAudit(admin.createSchool("Complete Primary"), "2026/27")
	path := admin.createQuestionnaireAs(audit, imhars.AudienceStaff)
	wantStatus(t, admin.post(path+"/open", nil), http.StatusSeeOther)
	wantStatus(t, admin.post(audit+"/complete", nil), http.StatusSeeOther)

	wantStatus(t, admin.get(audit+"/questionnaires/new"), http.StatusConflict)
	wantStatus(t, admin.post(path+"/items/i1", url.Values{"text": {"New"}}), http.StatusConflict)
	page := admin.get(path)
	wantStatus(t, page, http.StatusOK)
	if page.doc.Find(`a[href$="/settings"]`).Length() != 0 {
		t.Error("settings link shown for a complete audit")
	}
	wantStatus(t, admin.post(path+"/open", nil), http.StatusConflict)
}

func TestCompleteAuditClosesQuestionnaires(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	audit := admin.startAudit(admin.createSchool("Closing Primary"), "2026/27")
	staff := admin.createQuestionnaireAs(audit, imhars.AudienceStaff)
	parents := admin.createQuestionnaireAs(audit, imhars.AudienceParents)
	draft := admin.createQuestionnaireAs(audit, imhars.AudienceGovernors)
	wantStatus(t, admin.post(staff+"/open", nil), http.StatusSeeOther)
	wantStatus(t, admin.post(parents+"/open", nil), http.StatusSeeOther)

	r := admin.post(audit+"/complete", nil)
	wantStatus(t, r, http.StatusSeeOther)
	mustContain(t, admin.follow(r).text(".govuk-notification-banner"),
		"Its 2 open questionnaires were closed, so they no longer accept answers.")
	want := map[string]imhars.QuestionnaireStatus{
		staff: imhars.QuestionnaireClosed, parents: imhars.QuestionnaireClosed, draft: imhars.QuestionnaireDraft,
	}
	for path, status := range want {
		if got := app.questionnaireIn(path).Status; got != status {
			t.Errorf("status of %s after completing the audit = %q, want %q", path, got, status)
		}
	}
	q := app.questionnaireIn(staff)
	answer := app.client().post("/q/"+q.LinkID+"/answers", url.Values{"key": {newToken()}})
	wantStatus(t, answer, http.StatusConflict)

	wantStatus(t, admin.post(audit+"/reopen", nil), http.StatusSeeOther)
	if got := app.questionnaireIn(staff).Status; got != imhars.QuestionnaireClosed {
		t.Errorf("status after reopening the audit = %q, want it still closed", got)
	}
}
