package web

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

func TestFlaggedCommentsOnlyForLead(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		admin := app.setUpAdmin()
		school := admin.createSchool("Safe Primary")
		audit := admin.startAudit(school, "2026/27")
		q := commentedQuestionnaire(app, audit)
		member := app.join(admin.invite(school, "member"), "Dee Dsl")

		t.Run("never in results or downloads", func(t *testing.T) {
			bodies := map[string]string{
				"results page":   admin.get(resultsPath(audit, q)).doc.Text(),
				"report":         admin.get(audit + "/report").doc.Text(),
				"views csv":      admin.get(audit + "/views.csv").body,
				"responses csv":  admin.get(responsesPath(audit, q, "csv")).body,
				"report pdf":     strings.Join(pdfStrings(t, admin.get(audit+"/report.pdf").body), " "),
				"practice page":  admin.get(practicePath(audit, "ethos.respect")).doc.Text(),
				"member results": member.get(resultsPath(audit, q)).doc.Text(),
			}
			for _, path := range []string{responsesPath(audit, q, "xlsx"), audit + "/report.xlsx"} {
				f := openXLSX(t, admin.get(path).body)
				for _, sheet := range f.GetSheetList() {
					var cells []string
					for _, row := range sheetRows(t, f, sheet) {
						cells = append(cells, row...)
					}
					bodies[path+" "+sheet] = strings.Join(cells, "\n")
				}
			}
			for name, body := range bodies {
				if strings.Contains(body, flaggedText) {
					t.Errorf("%s contains the flagged comment", name)
				}
			}
			if !strings.Contains(bodies["results page"], unicodeComment) {
				t.Error("results page lacks the unflagged comments, so the check above proves nothing")
			}
		})

		t.Run("forbidden to others", func(t *testing.T) {
			wantStatus(t, member.get(school+"/safeguarding"), 403)
			if strings.Contains(member.get(school).body, "may disclose a risk of harm") {
				t.Error("a member who is not the safeguarding lead sees the notice")
			}
		})

		admin.get(school + "/team")
		memberID := memberIDByName(t, store, schoolIDOf(t, school), "Dee Dsl")
		r := admin.post(fmt.Sprintf("%s/members/%d/safeguarding-lead", school, memberID), url.Values{"lead": {"1"}})
		wantStatus(t, r, 303)
		team := admin.get(school + "/team")
		if got := team.text(`tr:contains("Dee Dsl") td:nth-child(4)`); !strings.HasPrefix(got, "Yes") {
			t.Errorf("team page shows safeguarding lead %q, want Yes", got)
		}

		t.Run("notice for the lead", func(t *testing.T) {
			for _, path := range []string{school, "/"} {
				page := member.get(path)
				wantStatus(t, page, 200)
				mustContain(t, page.body, "1 comment may disclose a risk of harm.")
			}
		})

		page := member.get(school + "/safeguarding")
		wantStatus(t, page, 200)
		card := strings.Join(strings.Fields(page.text(".app-flagged")), " ")
		for _, want := range []string{flaggedText, "Staff questionnaire", "1. Ethos and environment", "hurt myself", app.now.Format("2 January 2006")} {
			if !strings.Contains(card, want) {
				t.Errorf("flagged comment card %q lacks %q", card, want)
			}
		}
		action, _ := page.doc.Find(".app-flagged form").Attr("action")
		wantStatus(t, member.post(action, nil), 303)

		page = member.get(school + "/safeguarding")
		mustContain(t, page.body, "No comments are waiting for review.")
		if got := page.text(`h2:contains("Reviewed") + .app-table-scroll tbody td:nth-child(4)`); !strings.HasPrefix(got, "Dee Dsl") {
			t.Errorf("reviewed by %q, want Dee Dsl", got)
		}
		if strings.Contains(member.get(school).body, "may disclose a risk of harm") {
			t.Error("the notice stays after the comment was reviewed")
		}
	})
}

func TestSafeguardingViewNotForAdmins(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		admin := app.setUpAdmin()
		school := admin.createSchool("Admin Primary")
		audit := admin.startAudit(school, "2026/27")
		commentedQuestionnaire(app, audit)
		member := app.join(admin.invite(school, "member"), "Dee Dsl")
		flagged, err := store.FlaggedComments(t.Context(), schoolIDOf(t, school))
		if err != nil {
			t.Fatal(err)
		}
		if len(flagged) != 1 {
			t.Fatalf("%d flagged comments, want 1", len(flagged))
		}
		reviewPath := fmt.Sprintf("%s/safeguarding/%d/reviewed", school, flagged[0].ID)

		checkAdmin := func(t *testing.T, wantLine string) {
			t.Helper()
			wantStatus(t, admin.get(school+"/safeguarding"), 403)
			page := admin.get(school)
			wantStatus(t, page, 200)
			if got := strings.Join(strings.Fields(page.text("#safeguarding-waiting")), " "); got != wantLine {
				t.Errorf("school page line = %q, want %q", got, wantLine)
			}
			if n := page.doc.Find(`a[href$="/safeguarding"]`).Length(); n != 0 {
				t.Errorf("school page has %d links to the safeguarding view", n)
			}
			for name, body := range map[string]string{"school page": page.body, "dashboard": admin.get("/").body} {
				if strings.Contains(body, flaggedText) {
					t.Errorf("%s contains the flagged comment", name)
				}
			}
		}

		t.Run("no lead yet", func(t *testing.T) {
			checkAdmin(t, "1 comment that may disclose a risk of harm is waiting for the school's designated "+
				"safeguarding lead. Only they can read it. No one is marked as the designated safeguarding lead "+
				"yet: an audit lead can mark who that is on the team page.")
		})

		admin.get(school + "/team")
		memberID := memberIDByName(t, store, schoolIDOf(t, school), "Dee Dsl")
		wantStatus(t, admin.post(fmt.Sprintf("%s/members/%d/safeguarding-lead", school, memberID), url.Values{"lead": {"1"}}), 303)

		t.Run("with a lead", func(t *testing.T) {
			checkAdmin(t, "1 comment that may disclose a risk of harm is waiting for the school's designated "+
				"safeguarding lead. Only they can read it.")
			admin.get(school)
			wantStatus(t, admin.post(reviewPath, nil), 403)
		})

		t.Run("lead reads it", func(t *testing.T) {
			page := member.get(school + "/safeguarding")
			wantStatus(t, page, 200)
			mustContain(t, page.body, flaggedText)
			if n := member.get(school).doc.Find("#safeguarding-waiting").Length(); n != 0 {
				t.Error("the lead sees the administrators' line instead of the notice")
			}
			member.get(school)
			wantStatus(t, member.post(reviewPath, nil), 303)
		})
	})
}

func memberIDByName(t *testing.T, store *sqlstore.Store, schoolID int64, name string) int64 {
	t.Helper()
	members, err := store.Members(t.Context(), schoolID)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range members {
		if m.User.Name == name {
			return m.User.ID
		}
	}
	t.Fatalf("no member named %q", name)
	return 0
}

func TestParseRiskPhrases(t *testing.T) {
	long := strings.Repeat("x", 101)
	many := strings.Repeat("phrase\n", 201)
	tests := []struct {
		name    string
		text    string
		want    []string
		message string
	}{
		{"blank lines dropped", "hurt myself\r\n\n  scared to go home  \n\n", []string{"hurt myself", "scared to go home"}, ""},
		{"100 characters allowed", strings.Repeat("y", 100), []string{strings.Repeat("y", 100)}, ""},
		{"long phrase", "ok\n\n" + long, nil, "Each phrase must be 100 characters or fewer. Line 3 has 101 characters."},
		{"too many", many, nil, "Enter at most 200 phrases. The list has 201."},
		{"empty", " \n \n", nil, "Enter at least one phrase, one on each line."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := parseRiskPhrases(tt.text)
			if msg := errs.Get("phrases"); msg != tt.message {
				t.Errorf("message = %q, want %q", msg, tt.message)
			}
			if tt.message == "" {
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("phrases (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestParsePrivacy(t *testing.T) {
	tests := []struct {
		name                      string
		minGroup, minComments     string
		groupError, commentsError string
	}{
		{"defaults", "5", "10", "", ""},
		{"floor", "3", "3", "", ""},
		{"below floor", "2", "10", "The smallest group size must be 3 or more, so that no one's answers can be picked out.", ""},
		{"comments below group", "6", "5", "", "The smallest group for comments must be at least the smallest group size (6)."},
		{"not a number", "five", "10", "Enter the smallest group size as a whole number, like 5.", ""},
		{"comments not a number", "5", "", "", "Enter the smallest group for comments as a whole number, like 10."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, errs := parsePrivacy(tt.minGroup, tt.minComments)
			if got := errs.Get("min_group"); got != tt.groupError {
				t.Errorf("min_group error = %q, want %q", got, tt.groupError)
			}
			if got := errs.Get("min_comments"); got != tt.commentsError {
				t.Errorf("min_comments error = %q, want %q", got, tt.commentsError)
			}
			if !errs.Any() && (fmt.Sprint(p.MinGroup) != tt.minGroup || fmt.Sprint(p.MinComments) != tt.minComments) {
				t.Errorf("privacy = %+v, want %s and %s", p, tt.minGroup, tt.minComments)
			}
		})
	}
}

func TestQuestionnaireSettings(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		admin := app.setUpAdmin()
		school := admin.createSchool("Settings Primary")
		audit := admin.startAudit(school, "2026/27")
		path := school + "/questionnaire-settings"

		page := admin.get(path)
		wantStatus(t, page, 200)
		if got := page.value("#min_group"); got != "5" {
			t.Errorf("min_group = %q, want the default 5", got)
		}
		mustContain(t, page.body, "hurt myself")

		r := admin.post(path, url.Values{"min_group": {"2"}, "min_comments": {"1"}, "phrases": {"kept as typed"}})
		wantStatus(t, r, 422)
		if got := r.text("#min_group-error"); !strings.Contains(got, "must be 3 or more") {
			t.Errorf("min_group error = %q", got)
		}
		if got := r.text("#phrases"); got != "kept as typed" {
			t.Errorf("phrases re-shown as %q", got)
		}

		r = admin.post(path, url.Values{"min_group": {"3"}, "min_comments": {"3"}, "phrases": {"afraid of the dark\n\nlonely at lunch\n"}})
		wantStatus(t, r, 303)
		phrases, err := store.RiskPhrases(t.Context(), schoolIDOf(t, school))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"afraid of the dark", "lonely at lunch"}, phrases); diff != "" {
			t.Errorf("phrases (-want +got):\n%s", diff)
		}

		q := app.openQuestionnaire(audit, imhars.AudienceGovernors, true, "ethos.respect")
		app.respondMany(q, 3, map[string]int{"i1": 4})
		results := admin.get(resultsPath(audit, q))
		if got := results.text("#respondents"); got != "3 responses" {
			t.Errorf("with a threshold of 3, respondents = %q, want %q", got, "3 responses")
		}

		member := app.join(admin.invite(school, "member"), "Mo Member")
		wantStatus(t, member.get(path), 403)
	})
}
