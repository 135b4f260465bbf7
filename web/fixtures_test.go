package web

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

const testPassword = "a long enough password"

// setUpAdmin creates the first administrator through the setup page and
// returns their signed-in client.
func (app *testApp) setUpAdmin() *client {
	app.t.Helper()
	c := app.client()
	c.get("/setup")
	r := c.post("/setup", url.Values{"name": {"Ada Admin"}, "email": {"ada@example.org"}, "password": {testPassword}})
	wantStatus(app.t, r, 303)
	return c
}

var idPattern = regexp.MustCompile(`/schools/(\d+)(?:/audits/(\d+))?`)

// createSchool adds a school as c and returns its path, such as "/schools/1".
func (c *client) createSchool(name string) string {
	t := c.app.t
	t.Helper()
	c.get("/schools/new")
	r := c.post("/schools", url.Values{"name": {name}, "phase": {"primary"}})
	wantStatus(t, r, 303)
	if !idPattern.MatchString(r.location) {
		t.Fatalf("redirect %q is not a school page", r.location)
	}
	return r.location
}

// startAudit starts an audit for year and returns its path.
func (c *client) startAudit(school, year string) string {
	t := c.app.t
	t.Helper()
	page := c.get(school + "/audits/new")
	wantStatus(t, page, 200)
	framework := page.value(`input[name="framework"]`)
	r := c.post(school+"/audits", url.Values{"academic_year": {year}, "framework": {framework}})
	wantStatus(t, r, 303)
	return r.location
}

// invite creates an invitation as c and returns the link's path.
func (c *client) invite(school, role string) string {
	t := c.app.t
	t.Helper()
	c.get(school + "/team")
	r := c.post(school+"/invitations", url.Values{"role": {role}, "note": {"Test person"}})
	wantStatus(t, r, 200)
	link := r.value("#invitation-link")
	i := strings.Index(link, "/invitations/")
	if i < 0 {
		t.Fatalf("no invitation link on the page: %q", link)
	}
	return link[i:]
}

// join accepts an invitation as a new person and returns their client.
func (app *testApp) join(invitation, name string) *client {
	app.t.Helper()
	c := app.client()
	c.get(invitation)
	email := strings.ToLower(strings.ReplaceAll(name, " ", ".")) + "@example.org"
	r := c.post(invitation, url.Values{"name": {name}, "email": {email}, "password": {testPassword}})
	wantStatus(app.t, r, 303)
	return c
}

func practicePath(audit, key string) string {
	return fmt.Sprintf("%s/practices/%s", audit, key)
}

func ratingForm(rating, evidence, version string, kinds ...string) url.Values {
	return url.Values{"rating": {rating}, "evidence": {evidence}, "version": {version}, "kinds": kinds, "priority": {"high"}}
}

func mustContain(t *testing.T, body, want string) {
	t.Helper()
	if !strings.Contains(body, want) {
		t.Errorf("page does not contain %q", want)
	}
}
