package web

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

func TestViewerCannotEdit(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	lead := app.setUpAdmin()
	school := lead.createSchool("Roles Primary")
	audit := lead.startAudit(school, "2026/27")
	viewer := app.join(lead.invite(school, "viewer"), "Vi Viewer")

	page := viewer.get(practicePath(audit, "ethos.respect"))
	wantStatus(t, page, http.StatusOK)
	if page.doc.Find("form textarea#evidence").Length() != 0 {
		t.Error("a viewer is shown the rating form")
	}
	tests := []struct {
		name string
		path string
		form url.Values
	}{
		{"rate a practice", practicePath(audit, "ethos.respect"), ratingForm("2", "x", "0")},
		{"write findings", audit + "/components/ethos/findings", url.Values{"version": {"0"}}},
		{"complete the audit", audit + "/complete", nil},
		{"start an audit", school + "/audits", url.Values{"academic_year": {"2027/28"}}},
		{"invite someone", school + "/invitations", url.Values{"role": {"lead"}}},
		{"add a school", "/schools", url.Values{"name": {"X"}, "phase": {"primary"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if r := viewer.post(tt.path, tt.form); r.status != http.StatusForbidden {
				t.Errorf("status %d, want 403", r.status)
			}
		})
	}
	if r := viewer.get(audit + "/report.pdf"); r.status != http.StatusOK {
		t.Errorf("a viewer cannot download the report: status %d", r.status)
	}
}

func TestInvitationSingleUseAndExpiry(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	lead := app.setUpAdmin()
	school := lead.createSchool("Invite Primary")
	link := lead.invite(school, "member")
	app.join(link, "First Person")

	second := app.client()
	r := second.get(link)
	wantStatus(t, r, http.StatusNotFound)
	mustContain(t, r.body, "already been used or has expired")

	expiring := lead.invite(school, "member")
	app.now = app.now.AddDate(0, 0, 8)
	r = app.client().get(expiring)
	wantStatus(t, r, http.StatusNotFound)

	r = app.client().get("/invitations/not-a-real-token")
	wantStatus(t, r, http.StatusNotFound)
	mustContain(t, r.body, "not recognised")
}

func TestInvitationFormKeepsInput(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	lead := app.setUpAdmin()
	link := lead.invite(lead.createSchool("Form Primary"), "member")
	c := app.client()
	c.get(link)
	r := c.post(link, url.Values{"name": {"Sam"}, "email": {"ada@example.org"}, "password": {testPassword}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r.body, "An account with this email address already exists.")
	if got := r.value("#name"); got != "Sam" {
		t.Errorf("name = %q, want it kept", got)
	}
	if got := r.value("#password"); got != "" {
		t.Error("the password was sent back to the browser")
	}
}
