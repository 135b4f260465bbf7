package web

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

func TestChangePassword(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	other := app.client()
	other.get("/sign-in")
	wantStatus(t, other.post("/sign-in", url.Values{"email": {"ada@example.org"}, "password": {testPassword}}), http.StatusSeeOther)

	admin.get("/account")
	r := admin.post("/account/password", url.Values{"current_password": {"wrong"}, "new_password": {"short"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r.body, "Your current password is not right.")
	mustContain(t, r.body, "New password must be at least 10 characters.")

	r = admin.post("/account/password", url.Values{"current_password": {testPassword}, "new_password": {"a brand new passphrase"}})
	wantStatus(t, r, http.StatusSeeOther)
	if r := admin.get("/account"); r.status != http.StatusOK {
		t.Errorf("the browser that changed the password was signed out: status %d", r.status)
	}
	if r := other.get("/account"); r.status != http.StatusSeeOther {
		t.Errorf("another browser is still signed in after the change: status %d", r.status)
	}
	fresh := app.client()
	r = fresh.post("/sign-in", url.Values{"email": {"ada@example.org"}, "password": {"a brand new passphrase"}})
	wantStatus(t, r, http.StatusSeeOther)
}
