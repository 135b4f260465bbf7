package web

import (
	"net/http"
	"strings"
	"testing"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

func TestQuestionnaireLinks(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	audit := admin.startAudit(admin.createSchool("Links Primary"), "2026/27")
	path := admin.createQuestionnaireAs(audit, imhars.AudiencePupils8to11)
	q := app.questionnaireIn(path)

	draft := admin.get(path + "/links")
	wantStatus(t, draft, http.StatusOK)
	if draft.doc.Find("#not-open").Length() != 1 {
		t.Error("links of a draft do not warn that they accept no answers yet")
	}

	wantStatus(t, admin.post(path+"/open", nil), http.StatusSeeOther)
	r := admin.get(path + "/links")
	wantStatus(t, r, http.StatusOK)
	if r.doc.Find("#not-open").Length() != 0 {
		t.Error("links of an open questionnaire warn that it is not open")
	}
	if got, want := r.value("#open-link"), app.http.URL+"/q/"+q.LinkID; got != want {
		t.Errorf("open link = %q, want %q", got, want)
	}
	if got := r.text("#short-code"); got != q.ShortCode || len(got) != imhars.ShortCodeLen {
		t.Errorf("short code = %q, want %q", got, q.ShortCode)
	}
	site := strings.TrimPrefix(app.http.URL, "http://") + "/q"
	mustContain(t, r.text("main"), "go to "+site+" and type the code")
	if r.doc.Find(`a[href$="/recipients"]`).Length() != 0 {
		t.Error("a pupil questionnaire offers personal links")
	}

	poster := admin.get(path + "/poster")
	wantStatus(t, poster, http.StatusOK)
	svg := poster.doc.Find("#qr-code svg")
	if svg.Length() != 1 {
		t.Fatal("poster has no QR code")
	}
	if label := svg.AttrOr("aria-label", ""); !strings.Contains(label, "/q/"+q.LinkID) {
		t.Errorf("QR code label = %q, want the open link", label)
	}
	if svg.Find("path").AttrOr("d", "") == "" {
		t.Error("QR code draws no modules")
	}
	if got := poster.text("#poster-code"); got != q.ShortCode {
		t.Errorf("poster code = %q, want %q", got, q.ShortCode)
	}
	if got := poster.text("#poster-site"); got != site {
		t.Errorf("poster site = %q, want %q", got, site)
	}
	mustContain(t, poster.text("#poster h1"), q.Title)
	if poster.doc.Find(".app-no-print").Length() == 0 {
		t.Error("poster's own links are printed")
	}
	if csp := poster.header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("poster CSP = %q", csp)
	}
}
