package web

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// Comments that spreadsheets and CSV readers get wrong.
const (
	unicodeComment = "Zoë said \"it's better\", café, 😊\nand on a second line"
	hyperlink      = `=HYPERLINK("https://example.org","Click")`
	plusFormula    = "+1+1"
	atFormula      = "@SUM(A1:A2)"
	flaggedText    = "Sometimes I want to hurt myself"
)

// commentedQuestionnaire stores a staff questionnaire with 12 responses:
// four with awkward comments, one with a flagged comment, and answers of
// 4 to i1 and "don't know" or 2 to i2.
func commentedQuestionnaire(app *testApp, audit string) *imhars.Questionnaire {
	app.t.Helper()
	q := app.openQuestionnaire(audit, imhars.AudienceStaff, true, "ethos.respect", "ethos.leadership")
	comments := []string{unicodeComment, hyperlink, plusFormula, atFormula}
	for n := range 12 {
		answers := map[string]int{"i1": 4, "i2": 2}
		if n%3 == 0 {
			answers["i2"] = 0
		}
		var cs []imhars.Comment
		if n < len(comments) {
			cs = append(cs, imhars.Comment{ComponentKey: "ethos", Text: comments[n]})
		}
		if n == len(comments) {
			cs = append(cs, imhars.Comment{ComponentKey: "ethos", Text: flaggedText, Flagged: true, Phrase: "hurt myself"})
		}
		app.respond(q, answers, cs...)
	}
	return q
}

func TestResponsesCSV(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		admin := app.setUpAdmin()
		school := admin.createSchool("Export Primary")
		audit := admin.startAudit(school, "2026/27")
		q := commentedQuestionnaire(app, audit)

		plain := admin.get(responsesPath(audit, q, "csv"))
		wantStatus(t, plain, 200)
		excel := admin.get(responsesPath(audit, q, "csv") + "?excel=1")
		wantStatus(t, excel, 200)

		if strings.HasPrefix(plain.body, "\xEF\xBB\xBF") {
			t.Error("plain csv starts with a byte order mark")
		}
		if !strings.HasPrefix(excel.body, "\xEF\xBB\xBF") {
			t.Errorf("excel csv starts with % x, want EF BB BF", excel.body[:3])
		}
		for name, d := range map[string]*response{"plain": plain, "excel": excel} {
			t.Run(name, func(t *testing.T) {
				records := readCSV(t, d.body)
				if len(records) != 13 {
					t.Fatalf("records = %d, want a header and 12 responses", len(records))
				}
				want := []string{"response_id", "submitted_on", "i1", "i2", "comment_ethos"}
				if diff := cmp.Diff(want, records[0]); diff != "" {
					t.Errorf("header (-want +got):\n%s", diff)
				}
				var comments []string
				for _, rec := range records[1:] {
					if rec[2] != "4" {
						t.Errorf("i1 = %q, want the number 4", rec[2])
					}
					if rec[3] != "2" && rec[3] != "don't know" {
						t.Errorf("i2 = %q, want 2 or don't know", rec[3])
					}
					if rec[4] != "" {
						comments = append(comments, rec[4])
					}
				}
				slices.Sort(comments)
				wantComments := []string{"'" + plusFormula, "'" + hyperlink, "'" + atFormula, unicodeComment}
				slices.Sort(wantComments)
				if diff := cmp.Diff(wantComments, comments); diff != "" {
					t.Errorf("comments (-want +got):\n%s", diff)
				}
				if strings.Contains(d.body, flaggedText) {
					t.Error("csv contains the flagged comment")
				}
			})
		}

		events, err := store.Events(t.Context(), schoolIDOf(t, school))
		if err != nil {
			t.Fatal(err)
		}
		if n := countEvents(events, "export.responses.csv"); n != 2 {
			t.Errorf("logged %d csv exports, want 2", n)
		}
	})
}

func countEvents(events []imhars.Event, action string) int {
	n := 0
	for _, e := range events {
		if e.Action == action {
			n++
		}
	}
	return n
}

func TestResponsesXLSX(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		admin := app.setUpAdmin()
		school := admin.createSchool("Workbook Primary")
		audit := admin.startAudit(school, "2026/27")
		q := commentedQuestionnaire(app, audit)

		d := admin.get(responsesPath(audit, q, "xlsx"))
		wantStatus(t, d, 200)
		f := openXLSX(t, d.body)
		if diff := cmp.Diff([]string{"Responses", "Items"}, f.GetSheetList()); diff != "" {
			t.Errorf("sheets (-want +got):\n%s", diff)
		}
		for _, text := range []string{unicodeComment, hyperlink, plusFormula, atFormula} {
			name := findCell(t, f, "Responses", text)
			if name == "" {
				t.Errorf("no cell holds %q", text)
				continue
			}
			if kind := cellKind(t, f, "Responses", name); kind != "string" {
				t.Errorf("%q is a %s cell, want string", text, kind)
			}
		}
		if kind := cellKind(t, f, "Responses", "C2"); kind != "number" {
			t.Errorf("answer cell C2 is a %s cell, want number", kind)
		}
		if findCell(t, f, "Responses", flaggedText) != "" {
			t.Error("workbook contains the flagged comment")
		}
		items := sheetRows(t, f, "Items")
		if len(items) != 3 || items[1][0] != "i1" || items[2][0] != "i2" {
			t.Errorf("items sheet = %q, want a header, i1 and i2", items)
		}
	})
}

// identifying matches a column or label that could identify a respondent.
var identifying = regexp.MustCompile(`(?i)^\s*(name|full name|first name|surname|e-?mail( address)?|` +
	`class|form|account|user|token|support needs?|ip( address)?)\s*:?\s*$`)

func TestPupilExportsHaveNoIdentifiers(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	school := admin.createSchool("Anonymous Academy")
	audit := admin.startAudit(school, "2026/27")
	q := app.openQuestionnaire(audit, imhars.AudiencePupils11to18, true, "ethos.respect", "ethos.safety")
	for range 12 {
		app.respond(q, map[string]int{"i1": 4, "i2": 0}, imhars.Comment{ComponentKey: "ethos", Text: "Teachers are kind"})
	}

	labels := map[string][]string{}
	labels["csv"] = readCSV(t, admin.get(responsesPath(audit, q, "csv")).body)[0]
	labels["views csv"] = readCSV(t, admin.get(audit+"/views.csv").body)[0]
	f := openXLSX(t, admin.get(responsesPath(audit, q, "xlsx")).body)
	for _, sheet := range f.GetSheetList() {
		labels["xlsx "+sheet] = sheetRows(t, f, sheet)[0]
	}
	report := openXLSX(t, admin.get(audit+"/report.xlsx").body)
	for _, sheet := range report.GetSheetList() {
		labels["report xlsx "+sheet] = sheetRows(t, report, sheet)[0]
	}
	labels["report pdf"] = pdfStrings(t, admin.get(audit+"/report.pdf").body)
	for source, list := range labels {
		for _, label := range list {
			if identifying.MatchString(label) {
				t.Errorf("%s has the column or label %q", source, label)
			}
			for _, word := range []string{"email", "token", "support need"} {
				if strings.Contains(strings.ToLower(label), word) {
					t.Errorf("%s has %q, which mentions %s", source, label, word)
				}
			}
		}
	}
	pdf := strings.Join(labels["report pdf"], " ")
	if !strings.Contains(pdf, "Teachers are kind") {
		t.Error("the pdf does not show the pupils' comments, so it may not include their results at all")
	}
}
