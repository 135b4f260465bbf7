package web

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

func TestFormsKeepInputOnError(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	school := admin.createSchool("Keep Input Primary")
	audit := admin.startAudit(school, "2026/27")
	admin.get(school)

	tests := []struct {
		name      string
		path      string
		form      url.Values
		wantError string // text of the error summary link
		field     string // selector of the field that must keep its value
		wantValue string
	}{
		{"school without phase", "/schools", url.Values{"name": {"Named School"}, "urn": {"12"}},
			"Select the school's phase.", "#name", "Named School"},
		{"school with bad urn", "/schools", url.Values{"name": {"Named School"}, "phase": {"primary"}, "urn": {"12"}},
			"URN must be 6 or 7 digits", "#urn", "12"},
		{"audit year malformed", school + "/audits", url.Values{"academic_year": {"2026-27"}},
			"Enter the academic year like 2026/27.", "#academic_year", "2026-27"},
		{"audit year not consecutive", school + "/audits", url.Values{"academic_year": {"2026/29"}},
			"The second year must follow the first", "#academic_year", "2026/29"},
		{"rating missing", practicePath(audit, "ethos.respect"), url.Values{"evidence": {"Kept text"}, "version": {"0"}},
			"Select a rating", "", ""},
		{"invitation role missing", school + "/invitations", url.Values{"note": {"Year 6"}},
			"Select what the person will be able to do.", "#note", "Year 6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := admin.post(tt.path, tt.form)
			wantStatus(t, r, http.StatusUnprocessableEntity)
			if got := r.text(".govuk-error-summary__list"); !strings.Contains(got, tt.wantError) {
				t.Errorf("error summary = %q, want it to contain %q", got, tt.wantError)
			}
			if !strings.HasPrefix(r.doc.Find("title").Text(), "Error: ") {
				t.Errorf("title %q does not start with Error:", r.doc.Find("title").Text())
			}
			if tt.field != "" {
				if got := r.value(tt.field); got != tt.wantValue {
					t.Errorf("%s value = %q, want %q", tt.field, got, tt.wantValue)
				}
			}
		})
	}

	t.Run("evidence kept after rating error", func(t *testing.T) {
		r := admin.post(practicePath(audit, "ethos.respect"), url.Values{"evidence": {"Kept text"}, "version": {"0"}, "kinds": {"observation"}})
		if got := r.text("#evidence"); got != "Kept text" {
			t.Errorf("evidence = %q, want it kept", got)
		}
		if _, ok := r.doc.Find(`#kinds-observation`).Attr("checked"); !ok {
			t.Error("evidence kind is not kept")
		}
		a, _ := app.store.AuditData(t.Context(), mustAudit(t, app, audit))
		if len(a.Assessments) != 0 {
			t.Errorf("a failed save stored %d assessments", len(a.Assessments))
		}
	})
}

func TestOversizedInputRejected(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	audit := admin.startAudit(admin.createSchool("Long Text Primary"), "2026/27")
	admin.get(audit)

	long := strings.Repeat("é", 10001)
	r := admin.post(practicePath(audit, "ethos.respect"), ratingForm("2", long, "0"))
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r.body, "Evidence must be 10,000 characters or fewer. It is 10,001.")
	if got := r.text("#evidence"); got != long {
		t.Error("the long evidence text was not kept in the form")
	}

	huge := strings.Repeat("x", 2<<20)
	r = admin.post(practicePath(audit, "ethos.respect"), ratingForm("2", huge, "0"))
	wantStatus(t, r, http.StatusRequestEntityTooLarge)
	mustContain(t, r.body, "limit of 1 MB")

	data, _ := app.store.AuditData(t.Context(), mustAudit(t, app, audit))
	if len(data.Assessments) != 0 {
		t.Errorf("rejected input stored %d assessments", len(data.Assessments))
	}
}

func TestCSRFRequired(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	school := admin.createSchool("Token Primary")
	r := admin.post(school+"/audits", url.Values{"academic_year": {"2026/27"}, "csrf_token": {"wrong"}})
	wantStatus(t, r, http.StatusForbidden)

	req, _ := http.NewRequest(http.MethodPost, app.http.URL+school+"/audits", strings.NewReader("academic_year=2026%2F27"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site POST: status %d, want 403", res.StatusCode)
	}
}

func TestSecurityHeaders(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	r := app.client().get("/sign-in")
	want := map[string]string{
		"X-Frame-Options":        "DENY",
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy":        "same-origin",
	}
	for name, value := range want {
		if got := r.header.Get(name); got != value {
			t.Errorf("%s = %q, want %q", name, got, value)
		}
	}
	csp := r.header.Get("Content-Security-Policy")
	for _, part := range []string{"default-src 'self'", "frame-ancestors 'none'", "script-src 'self'"} {
		if !strings.Contains(csp, part) {
			t.Errorf("CSP %q lacks %q", csp, part)
		}
	}
	app.setUpAdmin()
	c := app.client()
	c.get("/sign-in")
	res := c.post("/sign-in", url.Values{"email": {"ada@example.org"}, "password": {testPassword}})
	cookie := res.header.Get("Set-Cookie")
	for _, attr := range []string{"HttpOnly", "Secure", "SameSite=Lax"} {
		if !strings.Contains(cookie, attr) {
			t.Errorf("session cookie %q lacks %s", cookie, attr)
		}
	}
}

func TestSignInSlowedAfterFailures(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	app.setUpAdmin()
	c := app.client()
	for i := 0; i < freeFailures; i++ {
		r := c.post("/sign-in", url.Values{"email": {"ada@example.org"}, "password": {"wrong password"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
	}
	r := c.post("/sign-in", url.Values{"email": {"ada@example.org"}, "password": {testPassword}})
	wantStatus(t, r, http.StatusTooManyRequests)
	mustContain(t, r.body, "Wait 1 minute")
	app.now = app.now.Add(baseLockout + 1)
	r = c.post("/sign-in", url.Values{"email": {"ada@example.org"}, "password": {testPassword}})
	wantStatus(t, r, http.StatusSeeOther)
}

func TestFirstAdminOnlyOnce(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		app.setUpAdmin()
		c := app.client()
		if r := c.get("/setup"); r.location != "/sign-in" {
			t.Errorf("setup page after the first admin redirects to %q, want /sign-in", r.location)
		}
		r := c.post("/setup", url.Values{"name": {"Eve"}, "email": {"eve@example.org"}, "password": {testPassword}})
		if r.location != "/sign-in" {
			t.Errorf("second setup redirects to %q, want /sign-in", r.location)
		}
		if _, err := store.UserByEmail(t.Context(), "eve@example.org"); err == nil {
			t.Error("a second administrator was created through setup")
		}
	})
}

func TestSignInLimitHoldsUnderConcurrency(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	app.setUpAdmin()
	const attempts = 20
	statuses := make(chan int, attempts)
	var wg sync.WaitGroup
	for range attempts {
		wg.Go(func() {
			c := app.client()
			r := c.post("/sign-in", url.Values{"email": {"ada@example.org"}, "password": {"wrong password"}})
			statuses <- r.status
		})
	}
	wg.Wait()
	close(statuses)
	checked := 0
	for s := range statuses {
		if s == http.StatusUnprocessableEntity {
			checked++
		}
	}
	if checked != freeFailures {
		t.Errorf("%d of %d simultaneous wrong passwords were checked, want %d", checked, attempts, freeFailures)
	}
}

func TestStaleSignInFormAfterSigningIn(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	admin.csrf = ""
	r := admin.post("/sign-in", url.Values{"email": {"ada@example.org"}, "password": {testPassword}})
	wantStatus(t, r, http.StatusSeeOther)
}

func TestSchoolTimeZoneSaved(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	school := admin.createSchool("Zone Primary")
	admin.get(school + "/edit")
	r := admin.post(school+"/edit", url.Values{"name": {"Zone Primary"}, "phase": {"primary"}, "time_zone": {"Mars/Olympus"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	if got := r.value("#time_zone"); got != "Mars/Olympus" {
		t.Errorf("time zone field = %q, want the typed value kept", got)
	}
	r = admin.post(school+"/edit", url.Values{"name": {"Zone Primary"}, "phase": {"primary"}, "time_zone": {"Europe/Dublin"}})
	wantStatus(t, r, http.StatusSeeOther)
	if got := admin.get(school + "/edit").value("#time_zone"); got != "Europe/Dublin" {
		t.Errorf("saved time zone = %q, want Europe/Dublin", got)
	}
	r = admin.post(school+"/edit", url.Values{"name": {"Zone Primary"}, "phase": {"primary"}, "time_zone": {""}})
	wantStatus(t, r, http.StatusSeeOther)
	if got := admin.get(school + "/edit").value("#time_zone"); got != "Europe/Dublin" {
		t.Errorf("a blank time zone changed the saved one to %q", got)
	}
}
