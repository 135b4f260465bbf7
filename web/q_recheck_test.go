package web

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// newPhraseComment matches none of the default risk phrases.
const newPhraseComment = "Some of us sleep rough when things are bad at home."

func TestRiskPhrasesRecheckStoredComments(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		admin := app.setUpAdmin()
		school := admin.createSchool("Recheck Primary")
		audit := admin.startAudit(school, "2026/27")
		dsl := app.join(admin.invite(school, "member"), "Dee Dsl")
		admin.get(school + "/team")
		dslID := memberIDByName(t, store, schoolIDOf(t, school), "Dee Dsl")
		r := admin.post(fmt.Sprintf("%s/members/%d/safeguarding-lead", school, dslID), url.Values{"lead": {"1"}})
		wantStatus(t, r, 303)
		q := app.openQuestionnaire(audit, imhars.AudienceStaff, true, "ethos.respect")
		app.respond(q, map[string]int{"i1": 3}, imhars.Comment{ComponentKey: "ethos", Text: newPhraseComment})
		app.respond(q, map[string]int{"i1": 4}, imhars.Comment{ComponentKey: "ethos", Text: "Assemblies are calm."})
		app.respondMany(q, 8, map[string]int{"i1": 4})

		results := admin.get(resultsPath(audit, q))
		if !strings.Contains(results.body, newPhraseComment) {
			t.Fatal("results lack the comment before the phrases change, so the checks below prove nothing")
		}

		path := school + "/questionnaire-settings"
		admin.get(path)
		form := url.Values{"min_group": {"5"}, "min_comments": {"10"}, "phrases": {"hurt myself\nsleep rough\n"}}
		r = admin.post(path, form)
		wantStatus(t, r, 303)
		page := admin.follow(r)
		want := "Questionnaire settings saved. 1 stored comment matched a risk phrase and was sent to the " +
			"designated safeguarding lead."
		if got := page.text(".govuk-notification-banner__heading"); got != want {
			t.Errorf("flash after adding a phrase = %q, want %q", got, want)
		}

		results = admin.get(resultsPath(audit, q))
		if strings.Contains(results.body, "sleep rough") {
			t.Error("results still show the comment that now matches a risk phrase")
		}
		mustContain(t, results.body, "Assemblies are calm.")
		safeguarding := dsl.get(school + "/safeguarding")
		wantStatus(t, safeguarding, 200)
		phrase := safeguarding.text(`.app-flagged:contains("sleep rough when") ` +
			`.govuk-summary-list__row:contains("Why it was flagged") dd`)
		if want := "It contains “sleep rough”"; phrase != want {
			t.Errorf("safeguarding view gives the reason %q, want %q", phrase, want)
		}

		admin.get(path)
		r = admin.post(path, form)
		wantStatus(t, r, 303)
		want = "Questionnaire settings saved. No stored comment newly matched a risk phrase."
		if got := admin.follow(r).text(".govuk-notification-banner__heading"); got != want {
			t.Errorf("flash after saving the same phrases = %q, want %q", got, want)
		}
	})
}
