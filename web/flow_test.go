package web

import (
	"net/url"
	"strings"
	"testing"

	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

func TestAuditFlow(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		admin := app.setUpAdmin()
		school := admin.createSchool("Highbury Fields Primary")
		audit := admin.startAudit(school, "2026/27")

		page := admin.get(audit)
		wantStatus(t, page, 200)
		mustContain(t, page.body, "0 of 42 practices assessed")

		r := admin.post(practicePath(audit, "ethos.respect"), ratingForm("3", "Seen in every class.", "0", "observation", "learning-walk"))
		wantStatus(t, r, 303)
		r = admin.post(practicePath(audit, "ethos.leadership"), ratingForm("1", "Only in the plan.", "0", "documents"))
		wantStatus(t, r, 303)

		findings := url.Values{
			"tier_universal": {"Circle time in every class."}, "coverage_universal": {"good"},
			"tier_targeted": {"Nurture group twice a week."}, "coverage_targeted": {"partial"},
			"tier_specialist": {""}, "coverage_specialist": {"gap"},
			"works_well": {"Staff know pupils well."}, "improve": {"Consistency."}, "next_steps": {"Train lunchtime staff."},
			"version": {"0"},
		}
		r = admin.post(audit+"/components/ethos/findings", findings)
		wantStatus(t, r, 303)

		report := admin.get(audit + "/report")
		wantStatus(t, report, 200)
		// 3 + 1 points of 6 possible = 67 %, from 2 of 6 practices.
		mustContain(t, report.body, "67%")
		mustContain(t, report.body, "2 of 6")
		if report.doc.Find("svg[role=img]").Length() != 1 {
			t.Error("report has no accessible chart")
		}
		mustContain(t, report.body, "Circle time in every class.")

		for _, kind := range []string{"pdf", "xlsx", "csv"} {
			d := admin.get(audit + "/report." + kind)
			wantStatus(t, d, 200)
			if !strings.Contains(d.header.Get("Content-Disposition"), "attachment") {
				t.Errorf("%s download is not an attachment", kind)
			}
		}
		events, err := store.Events(t.Context(), schoolIDOf(t, school))
		if err != nil {
			t.Fatal(err)
		}
		if len(events) != 3 {
			t.Errorf("logged %d export events, want 3", len(events))
		}

		wantStatus(t, admin.post(audit+"/complete", nil), 303)
		r = admin.post(practicePath(audit, "ethos.safety"), ratingForm("2", "Typed after completion.", "0"))
		wantStatus(t, r, 409)
		mustContain(t, r.body, "Typed after completion.")
		mustContain(t, r.body, "Established")
		wantStatus(t, admin.post(audit+"/reopen", nil), 303)
		r = admin.post(practicePath(audit, "ethos.safety"), ratingForm("2", "x", "0"))
		wantStatus(t, r, 303)
	})
}
