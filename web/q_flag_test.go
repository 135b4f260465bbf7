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

// worryingComment matches none of the default risk phrases, so only a
// team member can send it to the safeguarding lead.
const worryingComment = "A boy in my tutor group has stopped eating lunch and goes quiet about home."

// flagButton selects the send button of the comment with the given text.
func flagButton(text string) string {
	return fmt.Sprintf(`.app-comment-list li:contains(%q) button`, text)
}

func TestSendCommentToSafeguardingLead(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		admin := app.setUpAdmin()
		school := admin.createSchool("Flag Primary")
		audit := admin.startAudit(school, "2026/27")
		member := app.join(admin.invite(school, "member"), "Mo Member")
		viewer := app.join(admin.invite(school, "viewer"), "Vi Viewer")
		q := app.openQuestionnaire(audit, imhars.AudienceStaff, true, "ethos.respect")
		app.respond(q, map[string]int{"i1": 2}, imhars.Comment{ComponentKey: "ethos", Text: worryingComment})
		app.respond(q, map[string]int{"i1": 4}, imhars.Comment{ComponentKey: "ethos", Text: "Assemblies are calm."})
		app.respondMany(q, 8, map[string]int{"i1": 4})
		results := resultsPath(audit, q)
		flagPath := fmt.Sprintf("%s/questionnaires/%d/comments/flag", audit, q.ID)

		page := member.get(results)
		wantStatus(t, page, 200)
		button := page.doc.Find(flagButton(worryingComment))
		if got := strings.TrimSpace(button.Text()); got != "Send to the safeguarding lead" {
			t.Fatalf("member's button next to the comment = %q, want %q", got, "Send to the safeguarding lead")
		}
		form := button.Closest("form")
		if action, _ := form.Attr("action"); action != flagPath {
			t.Errorf("form action = %q, want %q", action, flagPath)
		}
		commentID, _ := form.Find(`input[name="comment"]`).Attr("value")
		if commentID == "" || commentID == "0" {
			t.Fatalf("form sends comment id %q, want the stored id", commentID)
		}

		t.Run("viewer", func(t *testing.T) {
			page := viewer.get(results)
			wantStatus(t, page, 200)
			mustContain(t, page.body, worryingComment)
			if n := page.doc.Find(`form[action$="/comments/flag"]`).Length(); n != 0 {
				t.Errorf("viewer sees %d send buttons, want none", n)
			}
			r := viewer.post(flagPath, url.Values{"comment": {commentID}})
			wantStatus(t, r, 403)
			mustContain(t, admin.get(results).body, worryingComment)
		})

		t.Run("unknown comment", func(t *testing.T) {
			for _, id := range []string{"", "0", "x", "42"} {
				if r := member.post(flagPath, url.Values{"comment": {id}}); r.status != 404 {
					t.Errorf("sending comment %q: status %d, want 404", id, r.status)
				}
			}
		})

		r := member.post(flagPath, url.Values{"comment": {commentID}})
		wantStatus(t, r, 303)
		if want := results + "#comments"; r.location != want {
			t.Errorf("redirect to %q, want %q", r.location, want)
		}
		page = member.follow(r)
		flash := page.text(".govuk-notification-banner__heading")
		if !strings.HasPrefix(flash, "Comment sent to the designated safeguarding lead.") {
			t.Errorf("flash = %q, want the confirmation", flash)
		}
		if !strings.Contains(flash, "No one in the team is marked as the designated safeguarding lead yet") {
			t.Errorf("flash = %q, want a warning that the school has no safeguarding lead", flash)
		}
		if strings.Contains(page.body, worryingComment) {
			t.Error("results still show the comment sent to the safeguarding lead")
		}
		if page.doc.Find(flagButton("Assemblies are calm.")).Length() != 1 {
			t.Error("results lost the comment that was not sent")
		}

		admin.get(school + "/team")
		memberID := memberIDByName(t, store, schoolIDOf(t, school), "Mo Member")
		r = admin.post(fmt.Sprintf("%s/members/%d/safeguarding-lead", school, memberID), url.Values{"lead": {"1"}})
		wantStatus(t, r, 303)
		safeguarding := member.get(school + "/safeguarding")
		wantStatus(t, safeguarding, 200)
		phrase := safeguarding.text(`.app-flagged:contains("stopped eating lunch") ` +
			`.govuk-summary-list__row:contains("Why it was flagged") dd`)
		if phrase != "A team member sent it" {
			t.Errorf("safeguarding view gives the reason %q, want %q", phrase, "A team member sent it")
		}
		for _, path := range []string{audit + "/report", responsesPath(audit, q, "csv")} {
			if strings.Contains(admin.get(path).body, "stopped eating lunch") {
				t.Errorf("%s contains the comment sent to the safeguarding lead", path)
			}
		}
	})
}

func TestSendCommentWarnsOnlyWithoutLead(t *testing.T) {
	store := sqlstoretest.OpenSQLite(t)
	app := newTestApp(t, store)
	admin := app.setUpAdmin()
	school := admin.createSchool("Lead Primary")
	audit := admin.startAudit(school, "2026/27")
	member := app.join(admin.invite(school, "member"), "Dee Dsl")
	admin.get(school + "/team")
	memberID := memberIDByName(t, store, schoolIDOf(t, school), "Dee Dsl")
	r := admin.post(fmt.Sprintf("%s/members/%d/safeguarding-lead", school, memberID), url.Values{"lead": {"1"}})
	wantStatus(t, r, 303)
	q := app.openQuestionnaire(audit, imhars.AudienceStaff, true, "ethos.respect")
	app.respond(q, map[string]int{"i1": 2}, imhars.Comment{ComponentKey: "ethos", Text: worryingComment})
	app.respondMany(q, 9, map[string]int{"i1": 4})

	page := admin.get(resultsPath(audit, q))
	commentID, _ := page.doc.Find(flagButton(worryingComment)).Closest("form").
		Find(`input[name="comment"]`).Attr("value")
	r = admin.post(fmt.Sprintf("%s/questionnaires/%d/comments/flag", audit, q.ID), url.Values{"comment": {commentID}})
	wantStatus(t, r, 303)
	want := "Comment sent to the designated safeguarding lead. It no longer appears in results, reports or downloads."
	if got := admin.follow(r).text(".govuk-notification-banner__heading"); got != want {
		t.Errorf("flash = %q, want %q", got, want)
	}
	mustContain(t, member.get(school+"/safeguarding").body, "stopped eating lunch")
}
