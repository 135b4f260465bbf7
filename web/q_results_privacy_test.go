package web

import (
	"slices"
	"strings"
	"testing"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// viewsRow returns the row of a views CSV or Views sheet for an item id,
// by column header, or nil.
func viewsRow(records [][]string, itemID string) map[string]string {
	if len(records) == 0 {
		return nil
	}
	column := slices.Index(records[0], "Item id")
	for _, rec := range records[1:] {
		if column >= 0 && column < len(rec) && rec[column] == itemID {
			row := map[string]string{}
			for i, h := range records[0] {
				if i < len(rec) {
					row[h] = rec[i]
				}
			}
			return row
		}
	}
	return nil
}

// checkSuppressedItemRow reports any figure in a views row of an item with
// too few answers.
func checkSuppressedItemRow(t *testing.T, row map[string]string) {
	t.Helper()
	if row == nil {
		t.Fatal("no row for the item")
	}
	if got, want := row["n"], "Fewer than 5 answers to this statement"; got != want {
		t.Errorf("n = %q, want %q", got, want)
	}
	for _, h := range []string{"Don't know", "Mean", "Count 1", "Percent 1", "Group mean (0 to 100)",
		"Difference (points)", "Large difference"} {
		if row[h] != "" {
			t.Errorf("%s = %q, want empty", h, row[h])
		}
	}
}

func TestResultsLateItemHiddenEverywhere(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		admin := app.setUpAdmin()
		school := admin.createSchool("Late Item Primary")
		audit := admin.startAudit(school, "2026/27")
		wantStatus(t, admin.post(practicePath(audit, "ethos.leadership"), ratingForm("3", "Plan.", "0", "observation")), 303)
		q := app.openQuestionnaire(audit, imhars.AudienceStaff, false, "ethos.respect")
		app.respondMany(q, 5, map[string]int{"i1": 4})
		late := &imhars.Item{QuestionnaireID: q.ID, PracticeKey: "ethos.leadership", ComponentKey: "ethos",
			Text: "Leaders listen to staff."}
		if err := store.AddItem(t.Context(), late); err != nil {
			t.Fatal(err)
		}
		app.respond(q, map[string]int{"i1": 4, late.ID: 1})
		leaks := []string{"n = 1", "Mean 1.00", "Strongly disagree 100%"}

		t.Run("results page", func(t *testing.T) {
			page := admin.get(resultsPath(audit, q))
			wantStatus(t, page, 200)
			if got, want := itemSummary(page, late.ID), "Fewer than 5 answers to this statement."; got != want {
				t.Errorf("summary = %q, want %q", got, want)
			}
			section := `section[aria-labelledby="item-` + late.ID + `"]`
			if n := page.doc.Find(section + " svg, " + section + " table").Length(); n != 0 {
				t.Errorf("the item has %d bars or tables, want none", n)
			}
			for _, leak := range leaks {
				if strings.Contains(page.body, leak) {
					t.Errorf("page contains %q", leak)
				}
			}
		})

		t.Run("practice page", func(t *testing.T) {
			page := admin.get(practicePath(audit, "ethos.leadership"))
			wantStatus(t, page, 200)
			got := practiceViews(page)["Staff (Staff questionnaire)"]
			if !strings.Contains(got, "Fewer than 5 answers to this statement.") {
				t.Errorf("staff's view = %q, want it to say there are too few answers", got)
			}
			for _, leak := range append(leaks, "Large difference", "on the 0 to 100 range,") {
				if strings.Contains(got, leak) {
					t.Errorf("staff's view %q contains %q", got, leak)
				}
			}
		})

		t.Run("report", func(t *testing.T) {
			page := admin.get(audit + "/report")
			wantStatus(t, page, 200)
			row := page.doc.Find(`table.app-views-table tbody tr:contains("1.2 ")`)
			if got, want := strings.Join(strings.Fields(row.Find("td").Eq(1).Text()), " "),
				"Fewer than 5 answers to this statement"; got != want {
				t.Errorf("staff cell = %q, want %q", got, want)
			}
			for _, leak := range leaks {
				if strings.Contains(page.body, leak) {
					t.Errorf("report contains %q", leak)
				}
			}
		})

		t.Run("views csv", func(t *testing.T) {
			checkSuppressedItemRow(t, viewsRow(readCSV(t, admin.get(audit+"/views.csv").body), late.ID))
		})

		t.Run("report xlsx", func(t *testing.T) {
			f := openXLSX(t, admin.get(audit+"/report.xlsx").body)
			checkSuppressedItemRow(t, viewsRow(sheetRows(t, f, "Views"), late.ID))
		})

		t.Run("report pdf", func(t *testing.T) {
			text := strings.Join(strings.Fields(strings.Join(pdfStrings(t, admin.get(audit+"/report.pdf").body), " ")), " ")
			if !strings.Contains(text, "Fewer than 5 answers to this statement") {
				t.Error("pdf does not say the item has too few answers")
			}
			for _, leak := range leaks {
				if strings.Contains(text, leak) {
					t.Errorf("pdf contains %q", leak)
				}
			}
		})
	})
}

func TestResultsHeldUntilClosed(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		admin := app.setUpAdmin()
		school := admin.createSchool("Personal Links Primary")
		audit := admin.startAudit(school, "2026/27")
		wantStatus(t, admin.post(practicePath(audit, "ethos.respect"), ratingForm("3", "Seen.", "0", "observation")), 303)
		q := app.openQuestionnaire(audit, imhars.AudienceStaff, true, "ethos.respect")
		recipients := []imhars.Recipient{{Email: "amy@example.org", Name: "Amy", TokenHash: "amy-token-hash"}}
		if _, err := store.AddRecipients(t.Context(), q.ID, recipients); err != nil {
			t.Fatal(err)
		}
		const comment = "Quokka comment"
		for range 12 {
			app.respond(q, map[string]int{"i1": 2}, imhars.Comment{ComponentKey: "ethos", Text: comment})
		}
		leaks := []string{comment, "n = 12", "Mean 2.00"}

		t.Run("results page", func(t *testing.T) {
			page := admin.get(resultsPath(audit, q))
			wantStatus(t, page, 200)
			if got := page.text("#held"); !strings.HasPrefix(got, imhars.HeldReason) {
				t.Errorf("notice = %q, want it to start %q", got, imhars.HeldReason)
			}
			if got := page.text("#respondents"); got != "12 responses" {
				t.Errorf("respondents = %q, want %q", got, "12 responses")
			}
			if n := page.doc.Find(".app-result-item, table, #comments").Length(); n != 0 {
				t.Errorf("page shows %d results, tables or comments", n)
			}
			if n := page.doc.Find(`a[href$="responses.csv"], a[href$="responses.xlsx"]`).Length(); n != 0 {
				t.Errorf("page offers %d downloads of responses", n)
			}
			for _, leak := range leaks {
				if strings.Contains(page.body, leak) {
					t.Errorf("page contains %q", leak)
				}
			}
		})

		t.Run("practice page", func(t *testing.T) {
			page := admin.get(practicePath(audit, "ethos.respect"))
			wantStatus(t, page, 200)
			if got := practiceViews(page)["Staff (Staff questionnaire)"]; got != imhars.HeldReason {
				t.Errorf("staff's view = %q, want %q", got, imhars.HeldReason)
			}
		})

		t.Run("report", func(t *testing.T) {
			page := admin.get(audit + "/report")
			wantStatus(t, page, 200)
			if got, want := page.text(".app-held"), "Staff (Staff questionnaire): "+imhars.HeldReason; got != want {
				t.Errorf("explanation = %q, want %q", got, want)
			}
			row := page.doc.Find(`table.app-views-table tbody tr:contains("1.1 ")`)
			if got := strings.TrimSpace(row.Find("td").Eq(1).Text()); got != imhars.HeldShort {
				t.Errorf("staff cell = %q, want %q", got, imhars.HeldShort)
			}
			for _, leak := range append(leaks, "Large difference</strong>") {
				if strings.Contains(page.body, leak) {
					t.Errorf("report contains %q", leak)
				}
			}
		})

		t.Run("views csv", func(t *testing.T) {
			records := readCSV(t, admin.get(audit+"/views.csv").body)
			if len(records) != 2 {
				t.Fatalf("records = %d, want a header and one row for staff", len(records))
			}
			if got := records[1][2]; got != imhars.HeldReason {
				t.Errorf("respondents = %q, want %q", got, imhars.HeldReason)
			}
			for i, v := range records[1][3:] {
				if v != "" {
					t.Errorf("staff's row has %q in column %q", v, records[0][i+3])
				}
			}
		})

		t.Run("report xlsx", func(t *testing.T) {
			f := openXLSX(t, admin.get(audit+"/report.xlsx").body)
			for _, row := range sheetRows(t, f, "Views")[1:] {
				if len(row) != 3 || row[2] != imhars.HeldReason {
					t.Errorf("views row = %q, want only the group and the reason", row)
				}
			}
			if rows := sheetRows(t, f, "View comments"); len(rows) > 1 {
				t.Errorf("view comments = %q, want none", rows[1:])
			}
		})

		t.Run("report pdf", func(t *testing.T) {
			text := strings.Join(strings.Fields(strings.Join(pdfStrings(t, admin.get(audit+"/report.pdf").body), " ")), " ")
			if !strings.Contains(text, "Staff (Staff questionnaire): "+imhars.HeldReason) {
				t.Error("pdf does not say why staff's results are held")
			}
			for _, leak := range leaks {
				if strings.Contains(text, leak) {
					t.Errorf("pdf contains %q", leak)
				}
			}
		})

		t.Run("responses downloads refused", func(t *testing.T) {
			for _, ext := range []string{"csv", "xlsx"} {
				d := admin.get(responsesPath(audit, q, ext))
				wantStatus(t, d, 403)
				mustContain(t, d.body, imhars.HeldReason)
			}
		})

		t.Run("shown once past the close date", func(t *testing.T) {
			past := *q
			past.ClosesOn = imhars.DateOf(app.now.AddDate(0, 0, -1))
			past.OpensOn = imhars.DateOf(app.now.AddDate(0, 0, -7))
			if err := store.UpdateQuestionnaire(t.Context(), &past); err != nil {
				t.Fatal(err)
			}
			page := admin.get(resultsPath(audit, q))
			if !strings.HasPrefix(itemSummary(page, "i1"), "n = 12.") {
				t.Errorf("summary = %q, want the results of 12", itemSummary(page, "i1"))
			}
		})

		t.Run("shown once closed", func(t *testing.T) {
			closed := *q
			closed.Status = imhars.QuestionnaireClosed
			if err := store.UpdateQuestionnaire(t.Context(), &closed); err != nil {
				t.Fatal(err)
			}
			page := admin.get(resultsPath(audit, q))
			if !strings.HasPrefix(itemSummary(page, "i1"), "n = 12.") {
				t.Errorf("summary = %q, want the results of 12", itemSummary(page, "i1"))
			}
			mustContain(t, page.body, comment)
			wantStatus(t, admin.get(responsesPath(audit, q, "csv")), 200)
		})
	})
}
