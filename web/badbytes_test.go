package web

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

func TestControlBytesNeverServerError(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		admin := app.setUpAdmin()
		stranger := app.client()
		for _, path := range []string{"/q/%00abc", "/q/%ff%fe", "/invitations/%00", "/schools/1%00"} {
			if r := stranger.get(path); r.status != http.StatusNotFound {
				t.Errorf("GET %s: status %d, want 404", path, r.status)
			}
		}
		r := stranger.post("/sign-in", url.Values{"email": {"ada\x00@example.org"}, "password": {"x\x00y"}})
		if r.status >= 500 {
			t.Errorf("sign-in with a NUL byte: status %d", r.status)
		}
		admin.get("/schools/new")
		r = admin.post("/schools", url.Values{"name": {"Nul\x00 \xff School"}, "phase": {"primary"}})
		wantStatus(t, r, http.StatusSeeOther)
		page := admin.get(r.location)
		if got := page.text("h1"); got != "Nul \uFFFD School" {
			t.Errorf("school name = %q, want the NUL dropped and the bad byte replaced", got)
		}
	})
}
