package web

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// itemTable returns an item's answer table on the results page as rows of
// answer label and cells.
func itemTable(page *response, itemID string) map[string][]string {
	rows := map[string][]string{}
	page.doc.Find(`section[aria-labelledby="item-` + itemID + `"] tbody tr`).Each(func(_ int, tr *goquery.Selection) {
		var cells []string
		tr.Find("td").Each(func(_ int, td *goquery.Selection) { cells = append(cells, strings.TrimSpace(td.Text())) })
		rows[strings.TrimSpace(tr.Find("th").Text())] = cells
	})
	return rows
}

func itemSummary(page *response, itemID string) string {
	return page.text(`section[aria-labelledby="item-` + itemID + `"] .app-result-summary`)
}

func TestResultsPageFigures(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		admin := app.setUpAdmin()
		school := admin.createSchool("Results Primary")
		audit := admin.startAudit(school, "2026/27")
		q := app.openQuestionnaire(audit, imhars.AudienceStaff, false, "ethos.respect", "ethos.leadership")
		// i1: 12 agree, 4 neither agree nor disagree, 1 disagree.
		// i2: 4, 5, don't know, don't know, 3, then no answer.
		i2 := []int{4, 5, 0, 0, 3}
		for n := range 17 {
			answers := map[string]int{"i1": 4}
			if n >= 12 && n < 16 {
				answers["i1"] = 3
			} else if n == 16 {
				answers["i1"] = 2
			}
			if n < len(i2) {
				answers["i2"] = i2[n]
			}
			app.respond(q, answers)
		}

		page := admin.get(resultsPath(audit, q))
		wantStatus(t, page, 200)
		if got := page.text("#respondents"); got != "17 responses" {
			t.Errorf("respondents = %q, want %q", got, "17 responses")
		}

		t.Run("12, 4 and 1 answers", func(t *testing.T) {
			want := map[string][]string{
				"Strongly disagree":                   {"0", "0%"},
				"Disagree":                            {"1", "6%"},
				"Neither agree nor disagree":          {"4", "23%"},
				"Agree":                               {"12", "71%"},
				"Strongly agree":                      {"0", "0%"},
				"Don't know (not in the percentages)": {"0", ""},
			}
			if diff := cmp.Diff(want, itemTable(page, "i1")); diff != "" {
				t.Errorf("answer table (-want +got):\n%s", diff)
			}
			label, _ := page.doc.Find(`section[aria-labelledby="item-i1"] svg[role="img"]`).Attr("aria-label")
			if want := "Disagree 6%, Neither agree nor disagree 23%, Agree 71%"; label != want {
				t.Errorf("bar label = %q, want %q", label, want)
			}
		})

		t.Run("item heading", func(t *testing.T) {
			got := page.text("#item-i1")
			if want := "Practice 1.1 Staff here treat pupils and each other with respect"; !strings.HasPrefix(got, want) {
				t.Errorf("heading = %q, want it to start %q", got, want)
			}
		})

		t.Run("4, 5, don't know twice and 3", func(t *testing.T) {
			summary := itemSummary(page, "i2")
			want := "n = 3. Mean 4.00 on a scale of 1 to 5. “Don't know”: 2, counted apart."
			if summary != want {
				t.Errorf("summary = %q, want %q", summary, want)
			}
			if got := itemTable(page, "i2")["Don't know (not in the percentages)"]; len(got) == 0 || got[0] != "2" {
				t.Errorf("don't know row = %q, want 2", got)
			}
		})

		t.Run("report xlsx", func(t *testing.T) {
			f := openXLSX(t, admin.get(audit+"/report.xlsx").body)
			rows := sheetRows(t, f, "Views")
			column := map[string]int{}
			for i, h := range rows[0] {
				column[h] = i
			}
			tests := []struct {
				item, header, kind, value string
			}{
				{"i1", "Percent 2", "number", "6"},
				{"i1", "Percent 3", "number", "23"},
				{"i1", "Percent 4", "number", "71"},
				{"i1", "Count 4", "number", "12"},
				{"i1", "n", "number", "17"},
				{"i2", "n", "number", "3"},
				{"i2", "Don't know", "number", "2"},
				{"i2", "Mean", "number", "4"},
			}
			for _, tt := range tests {
				t.Run(tt.item+" "+tt.header, func(t *testing.T) {
					for r, row := range rows {
						if len(row) <= column["Item id"] || row[column["Item id"]] != tt.item {
							continue
						}
						name, _ := excelize.CoordinatesToCellName(column[tt.header]+1, r+1)
						if kind := cellKind(t, f, "Views", name); kind != tt.kind {
							t.Errorf("%s is a %s cell, want %s", name, kind, tt.kind)
						}
						if got := row[column[tt.header]]; got != tt.value {
							t.Errorf("%s = %q, want %q", name, got, tt.value)
						}
						return
					}
					t.Errorf("no row for item %s", tt.item)
				})
			}
		})

		t.Run("views csv for excel", func(t *testing.T) {
			d := admin.get(audit + "/views.csv?excel=1")
			wantStatus(t, d, 200)
			if !strings.HasPrefix(d.body, "\xEF\xBB\xBF") {
				t.Error("views csv for Excel has no byte order mark")
			}
			records := readCSV(t, d.body)
			if len(records) != 3 {
				t.Errorf("records = %d, want a header and a row for each of 2 items", len(records))
			}
		})

		t.Run("no style attributes", func(t *testing.T) {
			if n := page.doc.Find("[style]").Length(); n != 0 {
				t.Errorf("%d elements have a style attribute, which the content security policy blocks", n)
			}
		})
	})
}

func TestResultsSmallGroupHiddenEverywhere(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		admin := app.setUpAdmin()
		school := admin.createSchool("Small Group Primary")
		audit := admin.startAudit(school, "2026/27")
		staff := app.openQuestionnaire(audit, imhars.AudienceStaff, true, "ethos.respect")
		parents := app.openQuestionnaire(audit, imhars.AudienceParents, true, "ethos.respect")
		app.respondMany(staff, 28, map[string]int{"i1": 4})
		for range 2 {
			app.respond(parents, map[string]int{"i1": 1}, imhars.Comment{ComponentKey: "ethos", Text: "Zebra crossing comment"})
		}
		const hiddenText = "Zebra crossing"

		t.Run("results page", func(t *testing.T) {
			page := admin.get(resultsPath(audit, parents))
			wantStatus(t, page, 200)
			if got := page.text("#respondents"); got != "Fewer than 5 responses" {
				t.Errorf("respondents = %q, want %q", got, "Fewer than 5 responses")
			}
			if n := page.doc.Find(".app-result-item, table").Length(); n != 0 {
				t.Errorf("page shows %d results or tables", n)
			}
			for _, leak := range []string{"n = ", "Mean", hiddenText, "2 responses"} {
				if strings.Contains(page.body, leak) {
					t.Errorf("page contains %q", leak)
				}
			}
		})

		t.Run("report", func(t *testing.T) {
			page := admin.get(audit + "/report")
			wantStatus(t, page, 200)
			groups := map[string]string{}
			page.doc.Find("#views-groups tbody tr").Each(func(_ int, tr *goquery.Selection) {
				groups[strings.TrimSpace(tr.Find("th").Text())] = strings.TrimSpace(tr.Find("td").Text())
			})
			want := map[string]string{
				"Staff (Staff questionnaire)":                           "28 responses",
				"Parents and carers (Parents and carers questionnaire)": "Fewer than 5 responses",
				"All groups": "Total not shown because a group is too small to report",
			}
			if diff := cmp.Diff(want, groups); diff != "" {
				t.Errorf("responses by group (-want +got):\n%s", diff)
			}
			for _, leak := range []string{hiddenText, "30 responses", "2 responses"} {
				if strings.Contains(page.body, leak) {
					t.Errorf("report contains %q", leak)
				}
			}
		})

		t.Run("views csv", func(t *testing.T) {
			d := admin.get(audit + "/views.csv")
			wantStatus(t, d, 200)
			records := readCSV(t, d.body)
			var parentRows int
			for _, rec := range records[1:] {
				if rec[0] != imhars.AudienceParents.Label() {
					continue
				}
				parentRows++
				if rec[2] != "Fewer than 5 responses" {
					t.Errorf("parents' respondents = %q", rec[2])
				}
				for i, v := range rec[3:] {
					if v != "" {
						t.Errorf("parents' row has %q in column %q", v, records[0][i+3])
					}
				}
			}
			if parentRows != 1 {
				t.Errorf("parents have %d rows, want 1", parentRows)
			}
			if strings.Contains(d.body, hiddenText) {
				t.Errorf("views csv contains the hidden group's comment")
			}
		})

		t.Run("report xlsx", func(t *testing.T) {
			d := admin.get(audit + "/report.xlsx")
			wantStatus(t, d, 200)
			f := openXLSX(t, d.body)
			for _, row := range sheetRows(t, f, "Views") {
				if row[0] == imhars.AudienceParents.Label() && (len(row) != 3 || row[2] != "Fewer than 5 responses") {
					t.Errorf("parents' row = %q, want only the group and %q", row, "Fewer than 5 responses")
				}
			}
			for _, row := range sheetRows(t, f, "View comments") {
				if row[0] == imhars.AudienceParents.Label() || strings.Contains(strings.Join(row, " "), hiddenText) {
					t.Errorf("view comments include the hidden group: %q", row)
				}
			}
		})

		t.Run("report pdf", func(t *testing.T) {
			d := admin.get(audit + "/report.pdf")
			wantStatus(t, d, 200)
			text := strings.Join(pdfStrings(t, d.body), " ")
			for _, want := range []string{"Fewer than 5 responses", "Total not shown because a group is too small to report", "28 responses"} {
				if !strings.Contains(text, want) {
					t.Errorf("pdf does not contain %q", want)
				}
			}
			for _, leak := range []string{hiddenText, "30 responses", "2 responses"} {
				if strings.Contains(text, leak) {
					t.Errorf("pdf contains %q", leak)
				}
			}
		})

		t.Run("responses downloads refused", func(t *testing.T) {
			for _, ext := range []string{"csv", "xlsx"} {
				d := admin.get(responsesPath(audit, parents, ext))
				wantStatus(t, d, 403)
				mustContain(t, d.body, "Fewer than 5 people have responded.")
			}
		})
	})
}

func TestResultsNoResponses(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		admin := app.setUpAdmin()
		school := admin.createSchool("Empty Primary")
		audit := admin.startAudit(school, "2026/27")
		staff := app.openQuestionnaire(audit, imhars.AudienceStaff, false, "ethos.respect", "ethos.leadership")
		pupils := app.openQuestionnaire(audit, imhars.AudiencePupils8to11, false, "ethos.respect")
		app.respondMany(staff, 6, map[string]int{"i1": 5})

		page := admin.get(resultsPath(audit, pupils))
		wantStatus(t, page, 200)
		if got := page.text("#respondents"); got != "No responses yet (n = 0)" {
			t.Errorf("pupils' respondents = %q, want %q", got, "No responses yet (n = 0)")
		}

		page = admin.get(resultsPath(audit, staff))
		wantStatus(t, page, 200)
		if got, want := itemSummary(page, "i2"), "Fewer than 5 answers to this statement."; got != want {
			t.Errorf("unanswered item's summary = %q, want %q", got, want)
		}
		if n := page.doc.Find(`section[aria-labelledby="item-i2"] svg, section[aria-labelledby="item-i2"] table`).Length(); n != 0 {
			t.Errorf("unanswered item has %d bars or tables, want none", n)
		}

		report := admin.get(audit + "/report")
		wantStatus(t, report, 200)
		if got := report.text("#views-total"); got != "6 responses" {
			t.Errorf("total = %q, want %q: a group with no responses hides nothing", got, "6 responses")
		}
		mustContain(t, report.body, "No responses yet (n = 0)")

		downloads := map[string]string{
			"results page": page.body,
			"report":       report.body,
			"views csv":    admin.get(audit + "/views.csv").body,
			"report pdf":   strings.Join(pdfStrings(t, admin.get(audit+"/report.pdf").body), "\n"),
		}
		f := openXLSX(t, admin.get(audit+"/report.xlsx").body)
		var cells []string
		for _, row := range sheetRows(t, f, "Views") {
			cells = append(cells, row...)
		}
		downloads["report xlsx"] = strings.Join(cells, "\n")
		for name, body := range downloads {
			for _, bad := range []string{"NaN", "Inf", "0.00"} {
				if strings.Contains(body, bad) {
					t.Errorf("%s contains %q", name, bad)
				}
			}
		}
	})
}

func TestResultsOnlyDontKnow(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		admin := app.setUpAdmin()
		school := admin.createSchool("Unsure Primary")
		audit := admin.startAudit(school, "2026/27")
		q := app.openQuestionnaire(audit, imhars.AudienceStaff, false, "ethos.respect", "ethos.leadership")
		app.respondMany(q, 6, map[string]int{"i1": 4, "i2": 0})

		page := admin.get(resultsPath(audit, q))
		wantStatus(t, page, 200)
		if got, want := itemSummary(page, "i2"), "No answers on the scale (n = 0). “Don't know”: 6, counted apart."; got != want {
			t.Errorf("results page summary = %q, want %q", got, want)
		}

		practice := admin.get(practicePath(audit, "ethos.leadership"))
		wantStatus(t, practice, 200)
		view := practiceViews(practice)["Staff (Staff questionnaire)"]
		if want := "No answers on the scale (n = 0); 6 don’t know, counted apart."; !strings.Contains(view, want) {
			t.Errorf("practice page view = %q, want it to contain %q", view, want)
		}

		report := admin.get(audit + "/report")
		wantStatus(t, report, 200)
		row := report.doc.Find(`table.app-views-table tbody tr:contains("1.2 ")`)
		if got, want := strings.Join(strings.Fields(row.Find("td").Eq(1).Text()), " "),
			"No answers on the scale (n = 0); 6 don’t know"; got != want {
			t.Errorf("report cell = %q, want %q", got, want)
		}

		text := strings.Join(strings.Fields(strings.Join(pdfStrings(t, admin.get(audit+"/report.pdf").body), " ")), " ")
		if want := "No answers on the scale (n = 0); 6 don't know"; !strings.Contains(text, want) {
			t.Errorf("pdf does not contain %q", want)
		}

		for name, body := range map[string]string{"results page": page.body, "practice page": view, "report": report.body, "pdf": text} {
			if strings.Contains(body, "No responses yet") {
				t.Errorf("%s says %q of a group with 6 responses", name, "No responses yet")
			}
		}
	})
}

func TestResultsRetiredItemsKeepAnswers(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		admin := app.setUpAdmin()
		school := admin.createSchool("Retired Primary")
		audit := admin.startAudit(school, "2026/27")
		q := app.openQuestionnaire(audit, imhars.AudienceStaff, false,
			"ethos.respect", "ethos.leadership", "ethos.policies", "ethos.safety", "ethos.fun")
		first := map[string]int{"i1": 1, "i2": 2, "i3": 3, "i4": 4, "i5": 5}
		app.respondMany(q, 10, first)
		before := readCSV(t, admin.get(responsesPath(audit, q, "csv")).body)

		if err := store.RetireItem(t.Context(), q.ID, "i2"); err != nil {
			t.Fatal(err)
		}
		q2b := &imhars.Item{QuestionnaireID: q.ID, PracticeKey: "ethos.leadership", ComponentKey: "ethos", Text: "Leaders listen to staff."}
		if err := store.AddItem(t.Context(), q2b); err != nil {
			t.Fatal(err)
		}
		app.respondMany(q, 5, map[string]int{"i1": 1, "i3": 3, "i4": 4, "i5": 5, q2b.ID: 4})

		page := admin.get(resultsPath(audit, q))
		wantStatus(t, page, 200)
		for item, want := range map[string]string{"i3": "n = 15.", "i2": "n = 10.", q2b.ID: "n = 5."} {
			if got := itemSummary(page, item); !strings.HasPrefix(got, want) {
				t.Errorf("%s summary = %q, want it to start %q", item, got, want)
			}
		}
		retired := page.doc.Find(`h2:contains("Retired statements (answers kept)") ~ section[aria-labelledby="item-i2"]`)
		if retired.Length() != 1 {
			t.Error("i2 is not under \"Retired statements (answers kept)\"")
		}

		after := readCSV(t, admin.get(responsesPath(audit, q, "csv")).body)
		wantHeader := []string{"response_id", "submitted_on", "i1", "i2", "i3", "i4", "i5", q2b.ID}
		if diff := cmp.Diff(wantHeader, after[0]); diff != "" {
			t.Errorf("header (-want +got):\n%s", diff)
		}
		if len(after) != 16 {
			t.Errorf("records = %d, want a header and 15 responses", len(after))
		}
		earlier := map[string][]string{}
		for _, rec := range before[1:] {
			earlier[rec[0]] = rec
		}
		for _, rec := range after[1:] {
			old, ok := earlier[rec[0]]
			if !ok {
				if rec[3] != "" || rec[7] != "4" {
					t.Errorf("new response %s has i2 %q and %s %q, want empty and 4", rec[0], rec[3], q2b.ID, rec[7])
				}
				continue
			}
			if diff := cmp.Diff(old, rec[:len(old)]); diff != "" {
				t.Errorf("response %s moved columns (-before +after):\n%s", rec[0], diff)
			}
			if rec[7] != "" {
				t.Errorf("old response %s has an answer to the new item: %q", rec[0], rec[7])
			}
		}
	})
}

func TestResultsOfOtherAuditNotFound(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	school := admin.createSchool("Two Audits Primary")
	first := admin.startAudit(school, "2025/26")
	second := admin.startAudit(school, "2026/27")
	q := app.openQuestionnaire(first, imhars.AudienceStaff, false, "ethos.respect")
	app.respondMany(q, 5, map[string]int{"i1": 4})

	wantStatus(t, admin.get(resultsPath(first, q)), 200)
	for _, path := range []string{resultsPath(second, q), responsesPath(second, q, "csv"), second + "/questionnaires/999999/results"} {
		if r := admin.get(path); r.status != 404 {
			t.Errorf("GET %s = %d, want 404", path, r.status)
		}
	}

	other := admin.createSchool("Other Primary")
	member := app.join(admin.invite(other, "member"), "Outside Person")
	if r := member.get(resultsPath(first, q)); r.status != 404 {
		t.Errorf("a member of another school gets %d, want 404", r.status)
	}
}
