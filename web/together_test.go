package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

func mustAudit(t *testing.T, app *testApp, path string) *imhars.Audit {
	t.Helper()
	m := idPattern.FindStringSubmatch(path)
	schoolID, _ := strconv.ParseInt(m[1], 10, 64)
	auditID, _ := strconv.ParseInt(m[2], 10, 64)
	a, err := app.store.Audit(t.Context(), schoolID, auditID)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestConcurrentEditShowsBothVersions(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		lead := app.setUpAdmin()
		school := lead.createSchool("Together Primary")
		audit := lead.startAudit(school, "2026/27")
		member := app.join(lead.invite(school, "member"), "Mo Member")

		path := practicePath(audit, "relationships.social-skills")
		leadForm := lead.get(path)
		memberForm := member.get(path)
		version := leadForm.value(`input[name="version"]`)
		if memberForm.value(`input[name="version"]`) != version {
			t.Fatal("both editors should start from the same version")
		}

		wantStatus(t, member.post(path, ratingForm("2", "Member's evidence", version)), http.StatusSeeOther)
		r := lead.post(path, ratingForm("3", "Lead's evidence", version))
		wantStatus(t, r, http.StatusConflict)
		mustContain(t, r.body, "Member&#39;s evidence")
		if got := r.text("#evidence"); got != "Lead's evidence" {
			t.Errorf("the lead's own text = %q, want it kept in the form", got)
		}
		saved, _ := store.Assessment(t.Context(), mustAudit(t, app, audit).ID, "relationships.social-skills")
		if saved.Evidence != "Member's evidence" {
			t.Errorf("stored evidence = %q; the refused save overwrote it", saved.Evidence)
		}

		newVersion := r.value(`input[name="version"]`)
		wantStatus(t, lead.post(path, ratingForm("3", "Lead's evidence", newVersion)), http.StatusSeeOther)
		saved, _ = store.Assessment(t.Context(), mustAudit(t, app, audit).ID, "relationships.social-skills")
		if saved.Evidence != "Lead's evidence" || saved.Rating != imhars.Embedded {
			t.Errorf("after a deliberate save, stored %+v", saved)
		}
	})
}

func TestExpiredSessionKeepsText(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		lead := app.setUpAdmin()
		audit := lead.startAudit(lead.createSchool("Expiry Primary"), "2026/27")
		path := practicePath(audit, "learning.feedback")
		lead.get(path)

		long := strings.Repeat("Evidence typed over a long time. ", 200)
		app.now = app.now.Add(sessionLifetime + 1)
		r := lead.post(path, ratingForm("2", long, "0", "observation"))
		wantStatus(t, r, http.StatusSeeOther)
		if !strings.HasPrefix(r.location, "/sign-in?next=%2Fresume") {
			t.Fatalf("redirect = %q, want the sign-in page leading to /resume", r.location)
		}

		signIn := lead.get(r.location)
		mustContain(t, signIn.body, "You were signed out before your changes were saved.")
		r = lead.post("/sign-in", url.Values{"email": {"ada@example.org"}, "password": {testPassword}, "next": {signIn.value(`input[name="next"]`)}})
		wantStatus(t, r, http.StatusSeeOther)
		resume := lead.get(r.location)
		wantStatus(t, resume, http.StatusOK)
		mustContain(t, resume.body, strings.TrimSpace(long[:60]))
		form := url.Values{}
		resume.doc.Find(`form[action="` + path + `"] input[type=hidden]`).Each(func(_ int, s *goquery.Selection) {
			name, _ := s.Attr("name")
			value, _ := s.Attr("value")
			form.Add(name, value)
		})
		wantStatus(t, lead.post(path, form), http.StatusSeeOther)
		saved, err := store.Assessment(t.Context(), mustAudit(t, app, audit).ID, "learning.feedback")
		if err != nil {
			t.Fatal(err)
		}
		if saved.Evidence != strings.TrimSpace(long) {
			t.Errorf("saved evidence has %d characters, want %d", len(saved.Evidence), len(strings.TrimSpace(long)))
		}
	})
}

func TestPendingFormsBounded(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	stranger := app.client()
	for range maxPendingForms + 5 {
		r := stranger.post("/schools/999/audits/1/practices/x", url.Values{"evidence": {"junk"}})
		wantStatus(t, r, http.StatusSeeOther)
	}
	n, err := app.store.CountPendingForms(t.Context(), app.now)
	if err != nil {
		t.Fatal(err)
	}
	if n != maxPendingForms {
		t.Errorf("kept %d forms from a signed-out stranger, want at most %d", n, maxPendingForms)
	}
	r := stranger.post("/schools/999/audits/1/practices/x", url.Values{"evidence": {strings.Repeat("x", maxPendingFormBytes)}})
	if !strings.HasSuffix(r.location, "next=%2F") {
		t.Errorf("an oversized form was offered for resuming: redirect %q", r.location)
	}
}
