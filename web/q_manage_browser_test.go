package web

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// show replaces the tab's document with body, a page that a test client
// loaded, and waits for its stylesheets. The tab must already show a page
// of the same server, so that the page's own addresses load.
func (b *browserTab) show(body string) {
	b.t.Helper()
	html, err := json.Marshal(body)
	if err != nil {
		b.t.Fatal(err)
	}
	b.eval(`(() => { document.open(); document.write(` + string(html) + `); document.close() })()`)
	b.waitFor(`[...document.querySelectorAll('link[rel="stylesheet"]')].every((l) => l.sheet !== null)`)
}

// TestLeadPagesFitPhoneInBrowser checks that the pages where a lead
// manages questionnaires never scroll sideways on a 320 or 375 px phone
// (WCAG 2.2 success criterion 1.4.10, Reflow). Wide tables scroll inside
// their own region instead.
func TestLeadPagesFitPhoneInBrowser(t *testing.T) {
	tab := newBrowserTab(t)
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	school := admin.createSchool("Narrow Screen Primary")
	audit := admin.startAudit(school, "2026/27")
	q := commentedQuestionnaire(app, audit)
	path := fmt.Sprintf("%s/questionnaires/%d", audit, q.ID)
	admin.createQuestionnaireAs(audit, imhars.AudienceParents)
	// A pasted link is a long unbroken string that a lead may well type.
	const link = "https://www.example.org/policies/mental-health-and-wellbeing-policy-2026-for-staff.pdf"
	wantStatus(t, admin.post(path+"/items/i1", url.Values{"text": {"Our policy at " + link + " is clear."}}), 303)
	// Results are held back once people have personal links, so the page
	// is loaded before the staff list is.
	results := admin.get(path + "/results")
	if results.doc.Find(".app-result-item").Length() == 0 {
		t.Fatal("the results page shows no results, so its width proves little")
	}

	preview := admin.postFile(path+"/recipients/preview", "file", "staff.csv", excelStaffList)
	newLinks := admin.postMultipart(path+"/recipients", preview.formValues(t, `form[action$="/recipients"]`))
	wantStatus(t, newLinks, 200)

	admin.get(school + "/team")
	dsl := app.join(admin.invite(school, "member"), "Dee Dsl")
	dslID := memberIDByName(t, app.store, schoolIDOf(t, school), "Dee Dsl")
	wantStatus(t, admin.post(fmt.Sprintf("%s/members/%d/safeguarding-lead", school, dslID), url.Values{"lead": {"1"}}), 303)
	waiting := dsl.get(school + "/safeguarding")
	action, _ := waiting.doc.Find(".app-flagged form").Attr("action")
	wantStatus(t, dsl.post(action, nil), 303)
	app.respond(q, map[string]int{"i1": 1, "i2": 1},
		imhars.Comment{ComponentKey: "ethos", Text: flaggedText, Flagged: true, Phrase: "hurt myself"})

	pages := []struct {
		name string
		page *response
	}{
		{"questionnaires", admin.get(audit + "/questionnaires")},
		{"questionnaire", admin.get(path)},
		{"links", admin.get(path + "/links")},
		{"personal links", admin.get(path + "/recipients")},
		{"new personal links", newLinks},
		{"staff list preview", preview},
		{"results", results},
		{"safeguarding", dsl.get(school + "/safeguarding")},
	}
	tab.load("open the server", chromedp.Navigate(app.http.URL+"/q"))
	// 320 px is the width at which WCAG requires content to reflow, and
	// 375 px is a common phone.
	for _, width := range []int64{320, 375} {
		if err := chromedp.Do(tab.ctx, chromedp.EmulateViewport(width, 740)); err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			t.Run(fmt.Sprintf("%s at %d px", p.name, width), func(t *testing.T) {
				wantStatus(t, p.page, 200)
				tab.show(p.page.body)
				scroll := tab.eval(`document.documentElement.scrollWidth`)
				client := tab.eval(`document.documentElement.clientWidth`)
				if scroll != client {
					wide := tab.eval(`[...document.querySelectorAll('main *')]
						.filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth)
						.slice(0, 8).map((e) => e.tagName + '.' + e.className).join(', ')`)
					t.Errorf("page is %s px wide on a %s px screen; too wide: %s", scroll, client, wide)
				}
			})
		}
	}
}

// pdfPage matches a page object of a PDF file, and not the page tree,
// whose type is /Pages. Chromium writes these objects uncompressed, and
// the count agrees with pdfinfo's for the posters printed here.
var pdfPage = regexp.MustCompile(`/Type\s*/Page\b`)

// TestPosterPrintsOnOnePageInBrowser prints the poster to A4 and checks
// that the QR code, title, short code and dates fit on one sheet, even
// with the longest title and the message shown after creating it.
func TestPosterPrintsOnOnePageInBrowser(t *testing.T) {
	tab := newBrowserTab(t)
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	audit := admin.startAudit(admin.createSchool("Poster Primary"), "2026/27")
	longTitle := strings.Repeat("Staff views on wellbeing, ", 8)[:imhars.MaxQuestionnaireTitleLen]
	tests := []struct {
		name     string
		audience imhars.Audience
		title    string // "" keeps the audience's default title
	}{
		{"staff", imhars.AudienceStaff, ""},
		{"pupils aged 5 to 7", imhars.AudiencePupils5to7, ""},
		{"longest title", imhars.AudienceParents, longTitle},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := admin.createQuestionnaireAs(audit, tt.audience)
			if tt.title != "" {
				q := app.questionnaireIn(path)
				q.Title = tt.title
				if err := app.store.UpdateQuestionnaire(t.Context(), q); err != nil {
					t.Fatal(err)
				}
			}
			poster := admin.get(path + "/poster")
			wantStatus(t, poster, 200)
			tab.load("open the server", chromedp.Navigate(app.http.URL+"/q"))
			tab.show(poster.body)
			pdf, err := chromedp.Run(tab.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
			if err != nil {
				t.Fatalf("print the poster: %v", err)
			}
			if n := len(pdfPage.FindAll(pdf, -1)); n != 1 {
				t.Errorf("the poster prints on %d pages, want 1", n)
			}
		})
	}
}
