package web

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// practiceViews returns the "What others said" rows of a practice page by group.
func practiceViews(page *response) map[string]string {
	rows := map[string]string{}
	page.doc.Find(".app-practice-views .govuk-summary-list__row").Each(func(_ int, row *goquery.Selection) {
		key := strings.TrimSpace(row.Find("dt").Text())
		rows[key] = strings.Join(strings.Fields(row.Find("dd").Text()), " ")
	})
	return rows
}

func TestPracticePageShowsWhatOthersSaid(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		admin := app.setUpAdmin()
		school := admin.createSchool("Triangle Primary")
		audit := admin.startAudit(school, "2026/27")
		wantStatus(t, admin.post(practicePath(audit, "ethos.respect"), ratingForm("3", "Seen everywhere.", "0", "observation")), 303)
		wantStatus(t, admin.post(practicePath(audit, "ethos.leadership"), ratingForm("2", "Mostly.", "0", "observation")), 303)

		staff := app.openQuestionnaire(audit, imhars.AudienceStaff, false, "ethos.respect", "ethos.leadership")
		parents := app.openQuestionnaire(audit, imhars.AudienceParents, false, "ethos.respect")
		app.openQuestionnaire(audit, imhars.AudiencePupils5to7, false, "ethos.respect")
		// Staff mostly disagree that respect is embedded: 20 answers of 2 and
		// 4 of 1 give a mean of 1.83, 21 on the 0 to 100 range, 79 below
		// Embedded. Their view of leadership, 4 (75), is 8 above
		// Established (67).
		app.respondMany(staff, 20, map[string]int{"i1": 2, "i2": 4})
		app.respondMany(staff, 4, map[string]int{"i1": 1, "i2": 4})
		app.respondMany(parents, 2, map[string]int{"i1": 5})

		page := admin.get(practicePath(audit, "ethos.respect"))
		wantStatus(t, page, 200)
		views := practiceViews(page)
		staffView := views["Staff (Staff questionnaire)"]
		for _, want := range []string{"Mean 1.83 of 5, n = 24", "21 on the 0 to 100 range, 79 points below the team's rating.", "Large difference"} {
			if !strings.Contains(staffView, want) {
				t.Errorf("staff's view %q does not contain %q", staffView, want)
			}
		}
		if got := views["Parents and carers (Parents and carers questionnaire)"]; got != "Fewer than 5 responses" {
			t.Errorf("parents' view = %q, want %q", got, "Fewer than 5 responses")
		}
		if got := views["Pupils aged 5 to 7 (Pupils aged 5 to 7 questionnaire)"]; got != "No responses yet (n = 0)" {
			t.Errorf("pupils' view = %q, want %q", got, "No responses yet (n = 0)")
		}

		page = admin.get(practicePath(audit, "ethos.leadership"))
		staffView = practiceViews(page)["Staff (Staff questionnaire)"]
		if !strings.Contains(staffView, "8 points above the team's rating") || strings.Contains(staffView, "Large difference") {
			t.Errorf("leadership view %q, want a small difference of 8 points", staffView)
		}
		if len(practiceViews(page)) != 1 {
			t.Errorf("leadership views = %q, want staff only, who alone were asked", practiceViews(page))
		}

		if n := len(practiceViews(admin.get(practicePath(audit, "ethos.policies")))); n != 0 {
			t.Errorf("a practice nobody was asked about shows %d views", n)
		}
	})
}

func TestReportTeamRatingAndViews(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	school := admin.createSchool("Report Views Primary")
	audit := admin.startAudit(school, "2026/27")
	wantStatus(t, admin.post(practicePath(audit, "ethos.respect"), ratingForm("3", "Seen everywhere.", "0", "observation")), 303)
	staff := app.openQuestionnaire(audit, imhars.AudienceStaff, true, "ethos.respect")
	parents := app.openQuestionnaire(audit, imhars.AudienceParents, true, "ethos.respect")
	app.respondMany(staff, 24, map[string]int{"i1": 1})
	for range 3 {
		app.respond(parents, map[string]int{"i1": 5})
	}
	for range 6 {
		app.respond(staff, map[string]int{"i1": 1}, imhars.Comment{ComponentKey: "ethos", Text: "Respect is talked about, not lived."})
	}

	page := admin.get(audit + "/report")
	wantStatus(t, page, 200)
	table := page.doc.Find(`table.app-views-table:contains("Team rating and stakeholder views: Ethos and environment")`)
	if table.Length() != 1 {
		t.Fatalf("found %d tables of team ratings and views for Ethos and environment, want 1", table.Length())
	}
	var headers []string
	table.Find("thead th").Each(func(_ int, th *goquery.Selection) { headers = append(headers, strings.TrimSpace(th.Text())) })
	want := []string{"Practice", "Team rating", "Staff (Staff questionnaire)", "Parents and carers (Parents and carers questionnaire)"}
	if strings.Join(headers, "|") != strings.Join(want, "|") {
		t.Errorf("headers = %q, want %q", headers, want)
	}
	row := table.Find(`tbody tr:contains("1.1 Staff show mutual respect")`)
	if row.Length() != 1 {
		t.Fatalf("found %d rows for practice 1.1, want 1", row.Length())
	}
	cells := row.Find("td")
	team := strings.Join(strings.Fields(cells.Eq(0).Text()), " ")
	staffCell := strings.Join(strings.Fields(cells.Eq(1).Text()), " ")
	parentCell := strings.Join(strings.Fields(cells.Eq(2).Text()), " ")
	if team != "Embedded 100 on the 0 to 100 range" {
		t.Errorf("team cell = %q", team)
	}
	if staffCell != "Mean 1.00 of 5, n = 30 0 on the 0 to 100 range Large difference" {
		t.Errorf("staff cell = %q", staffCell)
	}
	if parentCell != "Fewer than 5 responses" {
		t.Errorf("parents cell = %q", parentCell)
	}
	mustContain(t, page.body, "A difference of 34 points or more, about one step of the team's rating scale, is marked “Large difference”.")
	mustContain(t, page.body, "Respect is talked about, not lived.")
}
