package web

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// exportRiskComment is a comment that matches a risk phrase, so that it must
// never leave the safeguarding page.
const exportRiskComment = "I am scared to go home after school."

// exportFixture is a school whose data reaches every file of the export.
type exportFixture struct {
	lead   *client
	school string
	audit  string
	q      *imhars.Questionnaire
}

// newExportFixture creates a school with a rated practice, a member, a
// closed questionnaire with a retired item, a recipient and ten
// responses, enough to export their comments. One response has comments,
// a flagged one among them.
func newExportFixture(t *testing.T, app *testApp) exportFixture {
	t.Helper()
	lead := app.setUpAdmin()
	school := lead.createSchool("Export Primary")
	audit := lead.startAudit(school, "2026/27")
	app.join(lead.invite(school, "member"), "Mo Member")
	lead.invite(school, "viewer")

	lead.get(practicePath(audit, "ethos.respect"))
	r := lead.post(practicePath(audit, "ethos.respect"), ratingForm("2", "Seen in assemblies.", "0", "observation"))
	wantStatus(t, r, http.StatusSeeOther)

	q := app.openQuestionnaire(audit, imhars.AudienceStaff, true, "ethos.respect", "ethos.leadership")
	if err := app.store.RetireItem(t.Context(), q.ID, "i2"); err != nil {
		t.Fatal(err)
	}
	recipients := []imhars.Recipient{{Email: "amy@example.org", Name: "Amy", Role: "Teacher",
		TokenHash: "recipient-token-hash"}}
	if _, err := app.store.AddRecipients(t.Context(), q.ID, recipients); err != nil {
		t.Fatal(err)
	}
	app.respond(q, map[string]int{"i1": 4, "i2": 0},
		imhars.Comment{ComponentKey: "ethos", Text: "Assemblies are calm."},
		imhars.Comment{ComponentKey: "ethos", Text: exportRiskComment, Flagged: true, Phrase: "scared to go home"})
	app.respondMany(q, 9, map[string]int{"i1": 3})
	closeQuestionnaire(t, app, q)
	return exportFixture{lead: lead, school: school, audit: audit, q: q}
}

// closeQuestionnaire stops q accepting answers, so that results held until
// it closes may be shown and exported.
func closeQuestionnaire(t *testing.T, app *testApp, q *imhars.Questionnaire) {
	t.Helper()
	q.Status = imhars.QuestionnaireClosed
	if err := app.store.UpdateQuestionnaire(t.Context(), q); err != nil {
		t.Fatal(err)
	}
}

// readZIP returns the files of a downloaded archive by name.
func readZIP(t *testing.T, body string) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(strings.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatalf("open ZIP archive: %v", err)
	}
	files := make(map[string][]byte)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("open %s: %v", f.Name, err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("read %s: %v", f.Name, err)
		}
		files[f.Name] = data
	}
	return files
}

// decodeFile decodes one JSON file of an export into v.
func decodeFile(t *testing.T, files map[string][]byte, name string, v any) {
	t.Helper()
	if err := json.Unmarshal(files[name], v); err != nil {
		t.Fatalf("decode %s: %v", name, err)
	}
}

func TestExportSchoolData(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		fx := newExportFixture(t, app)

		r := fx.lead.get(fx.school + "/export.zip")
		wantStatus(t, r, http.StatusOK)
		if got := r.header.Get("Content-Type"); got != "application/zip" {
			t.Errorf("Content-Type = %q, want application/zip", got)
		}
		if got, want := r.header.Get("Content-Disposition"), `attachment; filename="imhars-data-export-primary-2026-11-02.zip"`; got != want {
			t.Errorf("Content-Disposition = %q, want %q", got, want)
		}
		files := readZIP(t, r.body)

		var names []string
		for name := range files {
			names = append(names, name)
		}
		slices.Sort(names)
		want := []string{"README.txt", "audits.json", "events.json", "members.json", "questionnaires.json",
			"recipients.json", "responses.json", "school.json"}
		if diff := cmp.Diff(want, names); diff != "" {
			t.Fatalf("files in the archive (-want +got):\n%s", diff)
		}
		for name, data := range files {
			if strings.HasSuffix(name, ".json") && !json.Valid(data) {
				t.Errorf("%s is not valid JSON", name)
			}
		}
		if !bytes.Contains(files["README.txt"], []byte("Data export of Export Primary")) {
			t.Errorf("README.txt does not name the school:\n%s", files["README.txt"])
		}

		checkExportContents(t, fx, files)
		checkExportLeavesOutSecrets(t, app, fx, files)
	})
}

func checkExportContents(t *testing.T, fx exportFixture, files map[string][]byte) {
	t.Helper()
	var school exportSchool
	decodeFile(t, files, "school.json", &school)
	if school.Name != "Export Primary" || school.MinGroup != imhars.DefaultMinGroup || len(school.RiskPhrases) == 0 {
		t.Errorf("school.json = %+v, want the school's name, privacy thresholds and risk phrases", school)
	}

	var members []exportMember
	decodeFile(t, files, "members.json", &members)
	wantMembers := []exportMember{
		{Name: "Ada Admin", Email: "ada@example.org", Role: "lead"},
		{Name: "Mo Member", Email: "mo.member@example.org", Role: "member"},
	}
	if diff := cmp.Diff(wantMembers, members, cmpopts.IgnoreFields(exportMember{}, "UserID")); diff != "" {
		t.Errorf("members.json (-want +got):\n%s", diff)
	}

	var audits []exportAudit
	decodeFile(t, files, "audits.json", &audits)
	if len(audits) != 1 {
		t.Fatalf("audits.json has %d audits, want 1", len(audits))
	}
	a := audits[0]
	if a.AcademicYear != "2026/27" || a.Framework.Slug != "imhars" || a.Framework.Version == "" {
		t.Errorf("audit = year %q, framework %+v; want 2026/27 of the imhars framework", a.AcademicYear, a.Framework)
	}
	wantAssessment := []exportAssessment{{PracticeKey: "ethos.respect", Rating: 2, RatingLabel: "Established",
		Evidence: "Seen in assemblies.", Kinds: []string{"observation"}, Priority: "high", UpdatedBy: "Ada Admin"}}
	if diff := cmp.Diff(wantAssessment, a.Assessments, cmpopts.IgnoreFields(exportAssessment{}, "UpdatedAt")); diff != "" {
		t.Errorf("assessments in audits.json (-want +got):\n%s", diff)
	}

	var questionnaires []exportQuestionnaire
	decodeFile(t, files, "questionnaires.json", &questionnaires)
	if len(questionnaires) != 1 {
		t.Fatalf("questionnaires.json has %d questionnaires, want 1", len(questionnaires))
	}
	var retired []bool
	for _, it := range questionnaires[0].Items {
		retired = append(retired, it.Retired)
	}
	if diff := cmp.Diff([]bool{false, true}, retired); diff != "" {
		t.Errorf("retired flags of the items (-want +got):\n%s", diff)
	}

	var responses exportResponsesFile
	decodeFile(t, files, "responses.json", &responses)
	if len(responses.Responses) != 10 {
		t.Errorf("responses.json has %d responses, want 10", len(responses.Responses))
	}
	if len(responses.Withheld) != 0 {
		t.Errorf("responses.json withholds %+v, want nothing", responses.Withheld)
	}
	var commented []exportResponse
	for _, r := range responses.Responses {
		if len(r.Comments) > 0 {
			commented = append(commented, r)
		}
	}
	wantCommented := []exportResponse{{
		QuestionnaireID: fx.q.ID, SubmittedOn: "2026-11-02",
		Answers:  []exportAnswer{{ItemID: "i1", Value: 4}, {ItemID: "i2", DontKnow: true}},
		Comments: []exportComment{{ComponentKey: "ethos", Text: "Assemblies are calm."}},
	}}
	if diff := cmp.Diff(wantCommented, commented, cmpopts.IgnoreFields(exportResponse{}, "ID")); diff != "" {
		t.Errorf("the response with comments in responses.json (-want +got):\n%s", diff)
	}

	var recipients []exportRecipient
	decodeFile(t, files, "recipients.json", &recipients)
	wantRecipients := []exportRecipient{{QuestionnaireID: fx.q.ID, Email: "amy@example.org", Name: "Amy", Role: "Teacher"}}
	if diff := cmp.Diff(wantRecipients, recipients); diff != "" {
		t.Errorf("recipients.json (-want +got):\n%s", diff)
	}
}

func checkExportLeavesOutSecrets(t *testing.T, app *testApp, fx exportFixture, files map[string][]byte) {
	t.Helper()
	admin, err := app.store.UserByEmail(t.Context(), "ada@example.org")
	if err != nil {
		t.Fatal(err)
	}
	invitations, err := app.store.Invitations(t.Context(), schoolIDOf(t, fx.school), app.now.AddDate(-1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	if len(invitations) == 0 {
		t.Fatal("no invitation to look for in the export")
	}
	secrets := map[string]string{
		"password hash":         admin.PasswordHash,
		"recipient token hash":  "recipient-token-hash",
		"invitation token hash": invitations[0].TokenHash,
		"flagged comment":       exportRiskComment,
	}
	for name, data := range files {
		for secretName, secret := range secrets {
			if secret == "" {
				t.Fatalf("the %s to look for is empty", secretName)
			}
			if bytes.Contains(data, []byte(secret)) {
				t.Errorf("%s contains the %s", name, secretName)
			}
		}
		if !strings.HasSuffix(name, ".json") {
			continue
		}
		for _, field := range []string{"password", "token", "phrase\"", "flagged"} {
			if bytes.Contains(data, []byte(`"`+field)) {
				t.Errorf("%s has a field starting %q", name, field)
			}
		}
	}
}

func TestExportIsLogged(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		fx := newExportFixture(t, app)
		wantStatus(t, fx.lead.get(fx.school+"/export.zip"), http.StatusOK)

		events, err := app.store.Events(t.Context(), schoolIDOf(t, fx.school))
		if err != nil {
			t.Fatal(err)
		}
		if len(events) != 1 {
			t.Fatalf("%d events after one export, want 1: %+v", len(events), events)
		}
		wantEvent := imhars.Event{UserName: "Ada Admin", Action: "export.all",
			Detail: "All school data: 1 audit, 1 questionnaire, 10 responses"}
		ignore := cmpopts.IgnoreFields(imhars.Event{}, "At", "UserID", "SchoolID")
		if diff := cmp.Diff(wantEvent, events[0], ignore); diff != "" {
			t.Errorf("logged event (-want +got):\n%s", diff)
		}

		r := fx.lead.get(fx.school + "/export.zip")
		wantStatus(t, r, http.StatusOK)
		var logged []exportEvent
		decodeFile(t, readZIP(t, r.body), "events.json", &logged)
		wantLogged := []exportEvent{{At: events[0].At, UserName: wantEvent.UserName, Action: wantEvent.Action,
			Detail: wantEvent.Detail}}
		if diff := cmp.Diff(wantLogged, logged); diff != "" {
			t.Errorf("events.json of the second export (-want +got):\n%s", diff)
		}
	})
}

func TestExportPage(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	lead := app.setUpAdmin()
	school := lead.createSchool("Page Primary")

	r := lead.get(school)
	wantStatus(t, r, http.StatusOK)
	if href, _ := r.doc.Find("#school-data a").First().Attr("href"); href != school+"/export" {
		t.Errorf("first link under the school's data = %q, want %q", href, school+"/export")
	}
	r = lead.get(school + "/export")
	wantStatus(t, r, http.StatusOK)
	if href, _ := r.doc.Find("#download-export").Attr("href"); href != school+"/export.zip" {
		t.Errorf("download button links to %q, want %q", href, school+"/export.zip")
	}
	mustContain(t, r.body, "Comments flagged for safeguarding are not included")
	var rules []string
	r.doc.Find("#export-withheld li").Each(func(_ int, li *goquery.Selection) { rules = append(rules, li.Text()) })
	wantRules := []string{
		"responses to a questionnaire with fewer than 5 responses are left out",
		"comments in responses to a questionnaire with fewer than 10 responses are left out, and the answers kept",
		"responses to a questionnaire that sent personal links are left out until it closes",
	}
	if diff := cmp.Diff(wantRules, rules); diff != "" {
		t.Errorf("what the export leaves out (-want +got):\n%s", diff)
	}
}

// TestSchoolDataForbidden checks that members and viewers can neither
// export nor delete, and are not offered the links.
func TestSchoolDataForbidden(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	lead := app.setUpAdmin()
	school := lead.createSchool("Forbidden Primary")
	audit := lead.startAudit(school, "2026/27")
	people := map[string]*client{
		"member": app.join(lead.invite(school, "member"), "Mo Member"),
		"viewer": app.join(lead.invite(school, "viewer"), "Vi Viewer"),
	}
	routes := []struct {
		method, path string
		form         url.Values
	}{
		{http.MethodGet, school + "/export", nil},
		{http.MethodGet, school + "/export.zip", nil},
		{http.MethodGet, school + "/delete", nil},
		{http.MethodPost, school + "/delete", url.Values{"name": {"Forbidden Primary"}}},
		{http.MethodGet, audit + "/delete", nil},
		{http.MethodPost, audit + "/delete", nil},
	}
	for role, c := range people {
		t.Run(role, func(t *testing.T) {
			page := c.get(school)
			wantStatus(t, page, http.StatusOK)
			if page.doc.Find("#school-data").Length() != 0 {
				t.Error("the school page offers export and deletion")
			}
			if c.get(audit).doc.Find("#delete-audit").Length() != 0 {
				t.Error("the audit page offers deletion")
			}
			for _, rt := range routes {
				var r *response
				if rt.method == http.MethodPost {
					r = c.post(rt.path, rt.form)
				} else {
					r = c.get(rt.path)
				}
				if r.status != http.StatusForbidden {
					t.Errorf("%s %s: status %d, want 403", rt.method, rt.path, r.status)
				}
			}
		})
	}
	wantStatus(t, lead.get(audit), http.StatusOK)
}
