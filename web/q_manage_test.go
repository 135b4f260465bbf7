package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

func TestQuestionnaireListEmpty(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	audit := admin.startAudit(admin.createSchool("Empty List Primary"), "2026/27")

	overview := admin.get(audit)
	if href, _ := overview.doc.Find("#questionnaires-link").Attr("href"); href != audit+"/questionnaires" {
		t.Errorf("audit page links to %q, want the questionnaires list", href)
	}
	r := admin.get(audit + "/questionnaires")
	wantStatus(t, r, http.StatusOK)
	if got := r.text("#no-questionnaires"); !strings.Contains(got, "anonymous") {
		t.Errorf("empty state = %q, want it to explain what questionnaires are for", got)
	}
	if href, _ := r.doc.Find(`a[href$="/questionnaires/new"]`).Attr("href"); href == "" {
		t.Error("no link to create a questionnaire")
	}
}

func TestQuestionnaireCreate(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	audit := admin.startAudit(admin.createSchool("Create Primary"), "2026/27")
	fw, err := app.store.LatestFramework(t.Context(), "imhars")
	if err != nil {
		t.Fatal(err)
	}

	step1 := admin.get(audit + "/questionnaires/new")
	wantStatus(t, step1, http.StatusOK)
	if n := step1.doc.Find(`input[name="audience"]`).Length(); n != len(imhars.Audiences) {
		t.Errorf("%d audience radios, want %d", n, len(imhars.Audiences))
	}
	if got := step1.value("#opens_on"); got != "2" {
		t.Errorf("open day = %q, want today's 2", got)
	}

	step2 := admin.post(audit+"/questionnaires/new", firstStep(imhars.AudienceParents, ""))
	wantStatus(t, step2, http.StatusOK)
	if got := step2.value(`input[name="title"]`); got != "Parents' and carers' views on mental health and wellbeing" {
		t.Errorf("carried title = %q, want the parents' default", got)
	}
	boxes := step2.doc.Find(`input[name="practices"]`)
	if boxes.Length() != fw.PracticeCount() {
		t.Errorf("%d practices offered, want all %d", boxes.Length(), fw.PracticeCount())
	}
	if ticked := step2.doc.Find(`input[name="practices"][checked]`).Length(); ticked != boxes.Length() {
		t.Errorf("%d of %d practices ticked, want all", ticked, boxes.Length())
	}
	if n := step2.doc.Find("fieldset legend").Length(); n < len(fw.Components) {
		t.Errorf("%d fieldsets, want one per component (%d)", n, len(fw.Components))
	}
	first := fw.Components[0].Practices[0]
	parents, _ := first.Statement(string(imhars.AudienceParents))
	if got := step2.text("#text-" + strings.ReplaceAll(first.Key, ".", `\.`)); got != parents.Text {
		t.Errorf("wording of %s = %q, want the parents' statement %q", first.Key, got, parents.Text)
	}
	if step2.doc.Find(".app-provisional").Length() == 0 {
		t.Error("provisional statements are not tagged")
	}
	if step2.doc.Find("#help_text").Length() != 0 {
		t.Error("help text for pupils is asked for a parents' questionnaire")
	}
	if n := app.countQuestionnaires(audit); n != 0 {
		t.Fatalf("%d questionnaires stored after the first step, want 0", n)
	}

	form := step2.formValues(t, `form[action$="/questionnaires"]`)
	form.Set("text-"+first.Key, "  Our own wording.  ")
	form.Set("comments", "no")
	r := admin.post(audit+"/questionnaires", form)
	wantStatus(t, r, http.StatusSeeOther)
	page := admin.follow(r)
	mustContain(t, page.body, "Questionnaire created as a draft")

	q := app.questionnaireIn(r.location)
	if q.Status != imhars.QuestionnaireDraft || q.Audience != imhars.AudienceParents || q.Comments {
		t.Errorf("stored status %q, audience %q, comments %v; want draft, parents, false", q.Status, q.Audience, q.Comments)
	}
	if q.OpensOn != (imhars.Date{Year: 2026, Month: 11, Day: 2}) || q.ClosesOn != (imhars.Date{Year: 2026, Month: 11, Day: 20}) {
		t.Errorf("stored dates %s to %s, want 2026-11-02 to 2026-11-20", q.OpensOn, q.ClosesOn)
	}
	items, err := app.store.Items(t.Context(), q.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != fw.PracticeCount() {
		t.Errorf("%d items stored, want %d", len(items), fw.PracticeCount())
	}
	if items[0].Text != "Our own wording." {
		t.Errorf("first item = %q, want the edited wording, trimmed", items[0].Text)
	}

	list := admin.get(audit + "/questionnaires")
	if got := list.text("#questionnaires tbody"); !strings.Contains(got, "Parents and carers") || !strings.Contains(got, "None yet") {
		t.Errorf("list row = %q, want the audience and no responses yet", got)
	}
}

func TestQuestionnaireCreatePupils(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	audit := admin.startAudit(admin.createSchool("Pupil Primary"), "2026/27")
	admin.get(audit + "/questionnaires/new")
	step2 := admin.post(audit+"/questionnaires/new", firstStep(imhars.AudiencePupils5to7, "Our feelings"))
	wantStatus(t, step2, http.StatusOK)
	if got := step2.text("#help_text"); got != defaultHelpText {
		t.Errorf("help text = %q, want the default", got)
	}
	form := step2.formValues(t, `form[action$="/questionnaires"]`)
	form.Set("help_text", "Mr Okafor in the library, or any adult you trust.")
	q := app.questionnaireIn(admin.post(audit+"/questionnaires", form).location)
	if q.Title != "Our feelings" || q.HelpText != "Mr Okafor in the library, or any adult you trust." {
		t.Errorf("stored title %q and help text %q", q.Title, q.HelpText)
	}
}

func TestQuestionnaireChangeFirstStep(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	audit := admin.startAudit(admin.createSchool("Back Primary"), "2026/27")
	admin.get(audit + "/questionnaires/new")
	step2 := admin.post(audit+"/questionnaires/new", firstStep(imhars.AudienceStaff, "Staff survey"))
	form := step2.formValues(t, `form[action$="/questionnaires"]`)
	form.Set("back", "1")
	r := admin.post(audit+"/questionnaires/new", form)
	wantStatus(t, r, http.StatusOK)
	if got := r.value("#title"); got != "Staff survey" {
		t.Errorf("title = %q, want it kept", got)
	}
	if _, ok := r.doc.Find("#audience").Attr("checked"); !ok {
		t.Error("staff is no longer selected")
	}
	if r.doc.Find(".govuk-error-summary").Length() != 0 {
		t.Error("going back shows errors")
	}
}

func TestQuestionnaireCreateIsDefaultButton(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	audit := admin.startAudit(admin.createSchool("Enter Primary"), "2026/27")
	admin.get(audit + "/questionnaires/new")
	step2 := admin.post(audit+"/questionnaires/new", firstStep(imhars.AudienceStaff, "Staff survey"))
	wantStatus(t, step2, http.StatusOK)

	// Pressing Enter in a form sends it with its first submit button.
	first := step2.doc.Find(`form[action$="/questionnaires"] button[type="submit"]`).First()
	if got := strings.TrimSpace(first.Text()); got != "Create questionnaire" {
		t.Errorf("first submit button = %q, want Create questionnaire", got)
	}
	if _, ok := first.Attr("formaction"); ok {
		t.Error("the first submit button sends the form elsewhere")
	}
}

func TestQuestionnaireChangeKeepsChoices(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	audit := admin.startAudit(admin.createSchool("Keep Primary"), "2026/27")
	fw, err := app.store.LatestFramework(t.Context(), "imhars")
	if err != nil {
		t.Fatal(err)
	}
	first, second := fw.Components[0].Practices[0], fw.Components[0].Practices[1]
	textOf := func(r *response, key string) string {
		return r.text("#text-" + strings.ReplaceAll(key, ".", `\.`))
	}
	ticked := func(r *response, key string) bool {
		_, ok := r.doc.Find(`input[name="practices"][value="` + key + `"]`).Attr("checked")
		return ok
	}

	admin.get(audit + "/questionnaires/new")
	step2 := admin.post(audit+"/questionnaires/new", firstStep(imhars.AudienceStaff, "Staff survey"))
	form := step2.formValues(t, `form[action$="/questionnaires"]`)
	form["practices"] = slices.DeleteFunc(form["practices"], func(k string) bool { return k == second.Key })
	form.Set("text-"+first.Key, "Our own wording.")
	form.Set("comments", "no")
	form.Set("back", "1")
	step1 := admin.post(audit+"/questionnaires/new", form)
	wantStatus(t, step1, http.StatusOK)

	tests := []struct {
		name     string
		audience imhars.Audience
		wantText string
	}{
		{"same audience keeps wording", imhars.AudienceStaff, "Our own wording."},
		{"other audience rewords", imhars.AudienceParents, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			again := step1.formValues(t, `form[action$="/new"]`)
			again.Set("audience", string(tt.audience))
			again.Set("title", "Changed title")
			r := admin.post(audit+"/questionnaires/new", again)
			wantStatus(t, r, http.StatusOK)

			if got := r.value(`input[name="title"]`); got != "Changed title" {
				t.Errorf("title = %q, want the changed one", got)
			}
			want := tt.wantText
			if want == "" {
				st, _ := first.Statement(string(tt.audience))
				want = st.Text
			}
			if got := textOf(r, first.Key); got != want {
				t.Errorf("wording of %s = %q, want %q", first.Key, got, want)
			}
			if !ticked(r, first.Key) {
				t.Errorf("practice %s is no longer ticked", first.Key)
			}
			if ticked(r, second.Key) {
				t.Errorf("practice %s is ticked again", second.Key)
			}
			if _, ok := r.doc.Find("#comments-no").Attr("checked"); !ok {
				t.Error("the answer No to comment boxes was lost")
			}
		})
	}
}

func TestQuestionnaireFormErrors(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	audit := admin.startAudit(admin.createSchool("Errors Primary"), "2026/27")
	admin.get(audit + "/questionnaires/new")
	step2 := admin.post(audit+"/questionnaires/new", firstStep(imhars.AudiencePupils8to11, "Pupil views"))
	valid := step2.formValues(t, `form[action$="/questionnaires"]`)
	firstKey := valid["practices"][0]

	with := func(base url.Values, change func(v url.Values)) url.Values {
		v := url.Values{}
		for k, vs := range base {
			v[k] = append([]string(nil), vs...)
		}
		change(v)
		return v
	}
	tests := []struct {
		name      string
		path      string
		form      url.Values
		wantError string
		field     string // selector of a field that keeps its typed value
		wantValue string
	}{
		{"audience missing", "/new", with(firstStep("", "Kept title"), func(url.Values) {}),
			"Select who the questionnaire is for.", "#title", "Kept title"},
		{"dates in wrong order", "/new", with(firstStep(imhars.AudienceStaff, ""), func(v url.Values) { v.Set("closes_on-day", "1") }),
			"The close date must be the same as or after the open date.", "#closes_on", "1"},
		{"date not real", "/new", with(firstStep(imhars.AudienceStaff, ""), func(v url.Values) { v.Set("opens_on-day", "31"); v.Set("opens_on-month", "2") }),
			"The date the questionnaire opens must be a real date", "#opens_on-month", "2"},
		{"date blank", "/new", with(firstStep(imhars.AudienceStaff, ""), func(v url.Values) {
			v.Set("closes_on-day", "")
			v.Set("closes_on-month", "")
			v.Set("closes_on-year", "")
		}), "Enter the date the questionnaire closes", "#opens_on", "2"},
		{"no practices chosen", "", with(valid, func(v url.Values) { v.Del("practices") }),
			"Select at least one practice to ask about.", "#help_text", defaultHelpText},
		{"blank wording", "", with(valid, func(v url.Values) { v.Set("text-"+firstKey, " ") }),
			"Enter the wording of practice", "", ""},
		{"wording too long", "", with(valid, func(v url.Values) { v.Set("text-"+firstKey, strings.Repeat("a", 501)) }),
			"must be 500 characters or fewer; it is 501", "", ""},
		{"pupil help text blank", "", with(valid, func(v url.Values) { v.Set("help_text", "") }),
			"Enter whom pupils can talk to in school.", "", ""},
		{"carried dates tampered", "", with(valid, func(v url.Values) { v.Set("opens_on-year", "1999") }),
			"The date the questionnaire opens must be a real date", "#opens_on-year", "1999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := admin.post(audit+"/questionnaires"+tt.path, tt.form)
			wantStatus(t, r, http.StatusUnprocessableEntity)
			if got := r.text(".govuk-error-summary__list"); !strings.Contains(got, tt.wantError) {
				t.Errorf("error summary = %q, want it to contain %q", got, tt.wantError)
			}
			href, _ := r.doc.Find(".govuk-error-summary__list a").First().Attr("href")
			if r.doc.Find(strings.ReplaceAll(href, ".", `\.`)).Length() != 1 {
				t.Errorf("error link %q does not lead to one field", href)
			}
			if tt.field != "" {
				if got := r.value(tt.field) + r.text("textarea"+tt.field); got != tt.wantValue {
					t.Errorf("%s = %q, want %q kept", tt.field, got, tt.wantValue)
				}
			}
			if n := app.countQuestionnaires(audit); n != 0 {
				t.Errorf("%d questionnaires stored after an error, want 0", n)
			}
		})
	}

	t.Run("wording kept after error", func(t *testing.T) {
		form := with(valid, func(v url.Values) {
			v.Set("text-"+firstKey, "Kept wording")
			v.Set("help_text", "")
			v["practices"] = v["practices"][:2]
		})
		r := admin.post(audit+"/questionnaires", form)
		wantStatus(t, r, http.StatusUnprocessableEntity)
		if got := r.text("#text-" + strings.ReplaceAll(firstKey, ".", `\.`)); got != "Kept wording" {
			t.Errorf("wording = %q, want it kept", got)
		}
		if n := r.doc.Find(`input[name="practices"][checked]`).Length(); n != 2 {
			t.Errorf("%d practices ticked, want the 2 chosen", n)
		}
	})
}

func TestYoungPupilsStartWithFewerStatements(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	lead := app.setUpAdmin()
	audit := lead.startAudit(lead.createSchool("Infant School"), "2026/27")
	lead.get(audit + "/questionnaires/new")
	tests := []struct {
		audience imhars.Audience
		want     int
	}{
		{imhars.AudiencePupils5to7, 7 * youngPupilsPerComponent},
		{imhars.AudiencePupils8to11, 42},
	}
	for _, tt := range tests {
		step2 := lead.post(audit+"/questionnaires/new", firstStep(tt.audience, ""))
		wantStatus(t, step2, http.StatusOK)
		if got := step2.doc.Find(`input[name="practices"]:checked`).Length(); got != tt.want {
			t.Errorf("%s: %d statements ticked at first, want %d", tt.audience, got, tt.want)
		}
	}
}
