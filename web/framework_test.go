package web

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/imhars/imhars/framework"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

const smallFramework = `slug: imhars
version: "2027.1"
title: iMHARS licensed
description: Licensed wording.
source: Test
components:
  - key: ethos
    title: Ethos
    summary: Ethos summary.
    practices:
      - key: ethos.respect
        text: Respect is shown everywhere.
`

func TestImportFrameworkRejectsMalformed(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	admin.get("/frameworks/import")
	broken := strings.Replace(smallFramework, "        text: Respect is shown everywhere.\n", "", 1)
	r := admin.post("/frameworks/import", url.Values{"source": {broken}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	row := r.doc.Find("table tbody tr").First()
	if got := strings.TrimSpace(row.Find("td").Eq(0).Text()); got != "11" {
		t.Errorf("problem line = %q, want 11", got)
	}
	if got := row.Find("code").Text(); !strings.Contains(got, "practices[0].text") {
		t.Errorf("problem field = %q, want the practice's text", got)
	}
	if got := r.text("#source"); !strings.Contains(got, "slug: imhars") {
		t.Error("the pasted file was not kept in the form")
	}
	list, _ := app.store.Frameworks(t.Context())
	if len(list) != 1 {
		t.Errorf("a rejected import stored a framework: %d frameworks", len(list))
	}
}

func TestImportedVersionLeavesAuditsAlone(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		admin := app.setUpAdmin()
		school := admin.createSchool("Versioned Primary")
		before := admin.startAudit(school, "2025/26")

		admin.get("/frameworks/import")
		r := admin.postFile("/frameworks/import", "file", "imhars.yaml", smallFramework)
		wantStatus(t, r, http.StatusSeeOther)
		page := admin.follow(r)
		mustContain(t, page.body, "iMHARS licensed (2027.1) imported")

		old := admin.get(before)
		mustContain(t, old.body, framework.Default().Label())
		if r := admin.get(before + "/practices/support.records"); r.status != http.StatusOK {
			t.Errorf("a practice of the old version is gone from the older audit: status %d", r.status)
		}
		again := admin.post("/frameworks/import", url.Values{"source": {smallFramework}})
		wantStatus(t, again, http.StatusUnprocessableEntity)
		mustContain(t, again.body, "2027.1")
	})
}

// postFile submits a multipart form with one file field.
func (c *client) postFile(path, field, name, content string) *response {
	c.app.t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	_ = w.WriteField("csrf_token", c.csrf)
	part, err := w.CreateFormFile(field, name)
	if err != nil {
		c.app.t.Fatal(err)
	}
	_, _ = part.Write([]byte(content))
	_ = w.Close()
	return c.do(http.MethodPost, path, &body, w.FormDataContentType())
}
