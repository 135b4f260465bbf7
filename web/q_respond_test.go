package web

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// optionLabels returns the label text of each radio button in the
// fieldset, and fails when a radio has no label of its own.
func optionLabels(t *testing.T, doc *goquery.Document, fieldset *goquery.Selection) []string {
	t.Helper()
	var labels []string
	fieldset.Find(`input[type="radio"]`).Each(func(_ int, radio *goquery.Selection) {
		id, _ := radio.Attr("id")
		label := doc.Find(`label[for="` + id + `"]`)
		if label.Length() != 1 {
			t.Errorf("radio %q has %d labels, want 1", id, label.Length())
			return
		}
		labels = append(labels, strings.TrimSpace(label.Text()))
	})
	return labels
}

func TestAnswerFormFieldsets(t *testing.T) {
	tests := []struct {
		audience imhars.Audience
		labels   []string
	}{
		{imhars.AudienceStaff, []string{"Strongly disagree", "Disagree", "Neither agree nor disagree",
			"Agree", "Strongly agree", "Don't know"}},
		{imhars.AudiencePupils11to18, []string{"Strongly disagree", "Disagree", "Neither agree nor disagree",
			"Agree", "Strongly agree", "Don't know"}},
		{imhars.AudiencePupils5to7, []string{"No", "Sometimes", "Yes", "I don't know"}},
	}
	store := sqlstoretest.OpenSQLite(t)
	app := newTestApp(t, store)
	for _, tt := range tests {
		t.Run(string(tt.audience), func(t *testing.T) {
			fx := createQuestionnaire(t, store, tt.audience, 8, nil)
			page := app.client().get(fx.path)
			wantStatus(t, page, http.StatusOK)

			fieldsets := page.doc.Find("form fieldset")
			if fieldsets.Length() != len(fx.items) {
				t.Fatalf("%d fieldsets, want one per statement (%d)", fieldsets.Length(), len(fx.items))
			}
			fieldsets.Each(func(i int, fs *goquery.Selection) {
				it := fx.items[i]
				if legend := fs.Find("legend").Text(); !strings.Contains(legend, it.Text) {
					t.Errorf("legend %d = %q, want the statement %q", i, legend, it.Text)
				}
				if id, _ := fs.Find(`input[type="radio"]`).First().Attr("id"); id != "item-"+it.ID {
					t.Errorf("first radio of %s has id %q, want %q", it.ID, id, "item-"+it.ID)
				}
				if diff := cmp.Diff(tt.labels, optionLabels(t, page.doc, fs)); diff != "" {
					t.Errorf("options of %s (-want +got):\n%s", it.ID, diff)
				}
			})
		})
	}
}

func TestAnswerFormIntro(t *testing.T) {
	store := sqlstoretest.OpenSQLite(t)
	app := newTestApp(t, store)
	fx := createQuestionnaire(t, store, imhars.AudienceStaff, 25, nil)
	page := app.client().get(fx.path)
	wantStatus(t, page, http.StatusOK)

	mustContain(t, page.body, "We do not record your name")
	mustContain(t, page.body, "There are 25 statements. It takes about 5 minutes.")
	mustContain(t, page.body, "You can skip any statement by choosing <strong>Don&#39;t know</strong>")
	if got := page.text("#q-progress"); got != "There are 25 statements." {
		t.Errorf("progress without JavaScript = %q", got)
	}
	if key := page.value(`input[name="key"]`); !validSubmissionKey(key) {
		t.Errorf("submission key %q is not 32 random bytes in URL-safe base64", key)
	}
	if got := page.header.Get("Cache-Control"); got != "private, no-cache" {
		t.Errorf("Cache-Control = %q; Back after sending must show the same form", got)
	}
	if action, _ := page.doc.Find("form.app-q-form").Attr("action"); action != fx.action {
		t.Errorf("form action = %q, want %q, a path apart from the page's own", action, fx.action)
	}
	reload := app.client().get(fx.action)
	wantStatus(t, reload, http.StatusSeeOther)
	if reload.location != fx.path {
		t.Errorf("GET %s redirects to %q, want the questionnaire", fx.action, reload.location)
	}
	if cookies := page.header.Values("Set-Cookie"); len(cookies) != 0 {
		t.Errorf("the questionnaire sets cookies %q; respondents must not be tracked", cookies)
	}
	if page.doc.Find(`script[src="/static/questionnaire.js"]`).Length() != 1 {
		t.Error("the page does not load questionnaire.js")
	}
	if n := page.doc.Find(`[data-q-item] input:checked, textarea`).Length(); n != 0 {
		t.Errorf("a blank form has %d answers or comment boxes filled in", n)
	}
	if _, hidden := page.doc.Find("#q-already-sent").Attr("hidden"); !hidden {
		t.Error("the notice that the answers were sent is not hidden on a new form")
	}
	if href, _ := page.doc.Find("#q-already-sent a").Attr("href"); href != fx.path {
		t.Errorf("the sent notice links to %q, want a new form at %q", href, fx.path)
	}
}

func TestAnswerFacesScale(t *testing.T) {
	store := sqlstoretest.OpenSQLite(t)
	app := newTestApp(t, store)
	fx := createQuestionnaire(t, store, imhars.AudiencePupils5to7, 3, nil)
	page := app.client().get(fx.path)
	wantStatus(t, page, http.StatusOK)

	want := map[string]string{"1": "No", "2": "Sometimes", "3": "Yes"}
	for value, word := range want {
		id := "item-" + fx.items[0].ID
		if value != "1" {
			id += "-" + value
		}
		label := page.doc.Find(`label[for="` + id + `"]`)
		if label.Find(`svg[aria-hidden="true"]`).Length() != 1 {
			t.Errorf("option %s has no face drawn as a hidden SVG", word)
		}
		if got := strings.TrimSpace(label.Text()); got != word {
			t.Errorf("option %s label = %q, want the word beside the face", value, got)
		}
	}
	if n := page.doc.Find("img").Length(); n != 0 {
		t.Errorf("the page has %d images; faces must be inline SVG", n)
	}
	mustContain(t, page.body, "This is not a test.")

	// The introduction names the answers in the order the faces come.
	var labels []string
	page.doc.Find(`[data-q-item]`).First().Find(".app-q-faces .app-q-option").Each(func(_ int, s *goquery.Selection) {
		labels = append(labels, s.Text())
	})
	var named []string
	page.doc.Find("#faces-intro strong").Each(func(_ int, s *goquery.Selection) {
		named = append(named, s.Text())
	})
	named = named[:min(len(named), len(labels))]
	if diff := cmp.Diff(labels, named); diff != "" {
		t.Errorf("answers named in the introduction (-faces +named):\n%s", diff)
	}
}

func TestAnswerCommentBoxes(t *testing.T) {
	store := sqlstoretest.OpenSQLite(t)
	app := newTestApp(t, store)
	fx := createQuestionnaire(t, store, imhars.AudienceParents, 8, func(q *imhars.Questionnaire) { q.Comments = true })
	page := app.client().get(fx.path)
	wantStatus(t, page, http.StatusOK)

	var components []string
	for _, it := range fx.items {
		if len(components) == 0 || components[len(components)-1] != it.ComponentKey {
			components = append(components, it.ComponentKey)
		}
	}
	sections := page.doc.Find("form section.app-q-group")
	if sections.Length() != len(components) {
		t.Fatalf("%d sections, want one per component (%d)", sections.Length(), len(components))
	}
	for i, key := range components {
		box := sections.Eq(i).Find(`textarea[name="comment-` + key + `"]`)
		if box.Length() != 1 {
			t.Errorf("component %s has no comment box", key)
			continue
		}
		count := box.Closest(".govuk-character-count")
		if max, _ := count.Attr("data-maxlength"); max != "2000" {
			t.Errorf("comment box of %s has data-maxlength %q, want 2000", key, max)
		}
		if page.doc.Find(`label[for="comment-`+key+`"]`).Length() != 1 {
			t.Errorf("comment box of %s has no label", key)
		}
	}
}

func TestAnswerCommentBoxesOff(t *testing.T) {
	store := sqlstoretest.OpenSQLite(t)
	app := newTestApp(t, store)
	fx := createQuestionnaire(t, store, imhars.AudienceParents, 8, nil)
	c := app.client()
	page := c.get(fx.path)
	if n := page.doc.Find("textarea").Length(); n != 0 {
		t.Errorf("%d comment boxes, want none when comments are off", n)
	}

	form := fx.answers(fx.key(t, c))
	form.Set("comment-"+fx.items[0].ComponentKey, "Sent anyway")
	wantStatus(t, c.post(fx.action, form), http.StatusSeeOther)
	comments, err := store.Comments(t.Context(), fx.q.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(comments) != 0 {
		t.Errorf("stored %d comments, want none when comments are off", len(comments))
	}
}

func TestAnswerSubmitStoresResponse(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		fx := createQuestionnaire(t, store, imhars.AudienceStaff, 6, func(q *imhars.Questionnaire) { q.Comments = true })
		c := app.client()
		form := fx.answers(fx.key(t, c))
		component := fx.items[0].ComponentKey
		form.Set("comment-"+component, "  Line one\r\nLine two  ")

		r := c.post(fx.action, form)
		wantStatus(t, r, http.StatusSeeOther)
		if r.location != fx.path+"/thanks" {
			t.Fatalf("redirect = %q, want the thank-you page", r.location)
		}
		thanks := c.follow(r)
		wantStatus(t, thanks, http.StatusOK)
		if got := thanks.text("h1"); got != "Thank you" {
			t.Errorf("heading = %q", got)
		}
		if link, _ := thanks.doc.Find("[data-q-sent]").Attr("data-q-sent"); link != fx.q.LinkID {
			t.Errorf("data-q-sent = %q, want the link id so that the draft is deleted", link)
		}

		if n := fx.respondents(t, store); n != 1 {
			t.Fatalf("%d responses stored, want 1", n)
		}
		counts, err := store.AnswerCounts(t.Context(), fx.q.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]imhars.ItemCounts{}
		for i, it := range fx.items {
			c := imhars.ItemCounts{ItemID: it.ID, ByValue: map[int]int{}}
			if i%5 == 4 {
				c.DontKnow = 1
			} else {
				c.ByValue[i%5+1] = 1
			}
			want[it.ID] = c
		}
		if diff := cmp.Diff(want, counts, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("answer counts (-want +got):\n%s", diff)
		}
		comments, err := store.Comments(t.Context(), fx.q.ID, true)
		if err != nil {
			t.Fatal(err)
		}
		wantComments := []imhars.Comment{{ComponentKey: component, Text: "Line one\nLine two"}}
		if diff := cmp.Diff(wantComments, comments, cmpopts.IgnoreFields(imhars.Comment{}, "ID")); diff != "" {
			t.Errorf("comments (-want +got):\n%s", diff)
		}
	})
}

func TestAnswerRiskCommentFlagged(t *testing.T) {
	store := sqlstoretest.OpenSQLite(t)
	app := newTestApp(t, store)
	fx := createQuestionnaire(t, store, imhars.AudiencePupils11to18, 4, func(q *imhars.Questionnaire) { q.Comments = true })
	c := app.client()
	form := fx.answers(fx.key(t, c))
	form.Set("comment-"+fx.items[0].ComponentKey, "Sometimes I want to HURT MYSELF.")
	wantStatus(t, c.post(fx.action, form), http.StatusSeeOther)

	all, err := store.Comments(t.Context(), fx.q.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 1 {
		t.Fatalf("%d comments stored, want 1", len(all))
	}
	if !all[0].Flagged {
		t.Error("the comment is not flagged")
	}
	if all[0].Phrase != "hurt myself" {
		t.Errorf("matched phrase = %q, want %q", all[0].Phrase, "hurt myself")
	}
	unflagged, err := store.Comments(t.Context(), fx.q.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(unflagged) != 0 {
		t.Errorf("a flagged comment is among the unflagged ones: %+v", unflagged)
	}
}

func TestAnswerMissingKeepsEverything(t *testing.T) {
	store := sqlstoretest.OpenSQLite(t)
	app := newTestApp(t, store)
	fx := createQuestionnaire(t, store, imhars.AudienceStaff, 8, func(q *imhars.Questionnaire) { q.Comments = true })
	c := app.client()
	key := fx.key(t, c)
	form := fx.answers(key)
	missing := []string{fx.items[2].ID, fx.items[6].ID}
	for _, id := range missing {
		form.Del("item-" + id)
	}
	form.Set("item-"+fx.items[3].ID, "9") // not on the scale
	missing = []string{fx.items[2].ID, fx.items[3].ID, fx.items[6].ID}
	comment := "Typed with care.\nSecond line."
	form.Set("comment-"+fx.items[7].ComponentKey, comment)

	r := c.post(fx.action, form)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	if n := fx.respondents(t, store); n != 0 {
		t.Fatalf("%d responses stored from an incomplete form", n)
	}

	var links []string
	r.doc.Find(".govuk-error-summary a").Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		links = append(links, href)
	})
	var wantLinks []string
	for _, id := range missing {
		wantLinks = append(wantLinks, "#item-"+id)
	}
	if diff := cmp.Diff(wantLinks, links); diff != "" {
		t.Errorf("error summary links (-want +got):\n%s", diff)
	}
	for _, id := range missing {
		radio := r.doc.Find("#item-" + id)
		if radio.Length() != 1 {
			t.Errorf("no element with id item-%s for the summary link", id)
		}
		fs := radio.Closest("fieldset")
		described, _ := fs.Attr("aria-describedby")
		if described != "item-"+id+"-error" || r.doc.Find("#item-"+id+"-error").Length() != 1 {
			t.Errorf("fieldset of %s is not described by its error message", id)
		}
	}

	for i, it := range fx.items {
		if i == 2 || i == 3 || i == 6 {
			continue
		}
		got := r.value(`input[name="item-` + it.ID + `"]:checked`)
		if want := form.Get("item-" + it.ID); got != want {
			t.Errorf("answer to %s = %q after the error, want %q kept", it.ID, got, want)
		}
	}
	if got := r.text(`textarea[name="comment-` + fx.items[7].ComponentKey + `"]`); got != comment {
		t.Errorf("comment = %q after the error, want it kept", got)
	}
	if got := r.value(`input[name="key"]`); got != key {
		t.Errorf("submission key changed from %q to %q", key, got)
	}
	if got := r.text("#q-progress"); got != "You have answered 5 of 8." {
		t.Errorf("progress = %q", got)
	}
}

func TestAnswerCommentTooLong(t *testing.T) {
	store := sqlstoretest.OpenSQLite(t)
	app := newTestApp(t, store)
	fx := createQuestionnaire(t, store, imhars.AudienceGovernors, 3, func(q *imhars.Questionnaire) { q.Comments = true })
	c := app.client()
	form := fx.answers(fx.key(t, c))
	field := "comment-" + fx.items[0].ComponentKey
	long := strings.Repeat("é", imhars.MaxCommentLen) + "\r\n!"
	form.Set(field, long)

	r := c.post(fx.action, form)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	if href, _ := r.doc.Find(".govuk-error-summary a").Attr("href"); href != "#"+field {
		t.Errorf("error summary links to %q, want #%s", href, field)
	}
	mustContain(t, r.body, "Your comment about Ethos and environment must be 2,000 characters or fewer. It has 2,002.")
	if got := r.text("textarea"); got != strings.ReplaceAll(long, "\r\n", "\n") {
		t.Error("the long comment was not kept")
	}

	form.Set(field, strings.Repeat("é", imhars.MaxCommentLen-1)+"\r\n")
	wantStatus(t, c.post(fx.action, form), http.StatusSeeOther)
}

func TestAnswerRetiredAndAddedItems(t *testing.T) {
	store := sqlstoretest.OpenSQLite(t)
	app := newTestApp(t, store)
	fx := createQuestionnaire(t, store, imhars.AudienceStaff, 4, nil)
	ctx := t.Context()
	if err := store.RetireItem(ctx, fx.q.ID, fx.items[1].ID); err != nil {
		t.Fatal(err)
	}
	added := imhars.Item{QuestionnaireID: fx.q.ID, PracticeKey: fx.items[0].PracticeKey,
		ComponentKey: fx.items[0].ComponentKey, Text: "A statement added later."}
	if err := store.AddItem(ctx, &added); err != nil {
		t.Fatal(err)
	}

	c := app.client()
	page := c.get(fx.path)
	if page.doc.Find(`[name="item-`+fx.items[1].ID+`"]`).Length() != 0 {
		t.Error("the retired statement is still asked")
	}
	form := fx.answers(page.value(`input[name="key"]`))
	r := c.post(fx.action, form)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	if href, _ := r.doc.Find(".govuk-error-summary a").Attr("href"); href != "#item-"+added.ID {
		t.Errorf("error links to %q, want the added statement #item-%s", href, added.ID)
	}

	form.Set("item-"+added.ID, "4")
	wantStatus(t, c.post(fx.action, form), http.StatusSeeOther)
	counts, err := store.AnswerCounts(ctx, fx.q.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n := counts[fx.items[1].ID].ByValue[2]; n != 0 {
		t.Errorf("the retired statement got %d answers", n)
	}
	if n := counts[added.ID].ByValue[4]; n != 1 {
		t.Errorf("the added statement has %d answers of 4, want 1", n)
	}
}

func TestAnswerHelpPanel(t *testing.T) {
	tests := []struct {
		audience imhars.Audience
		help     bool
	}{
		{imhars.AudiencePupils5to7, true},
		{imhars.AudiencePupils8to11, true},
		{imhars.AudiencePupils11to18, true},
		{imhars.AudienceStaff, false},
		{imhars.AudienceParents, false},
		{imhars.AudienceGovernors, false},
	}
	const helpText = "Talk to Ms Okafor in the library at lunchtime."
	store := sqlstoretest.OpenSQLite(t)
	app := newTestApp(t, store)
	for _, tt := range tests {
		t.Run(string(tt.audience), func(t *testing.T) {
			fx := createQuestionnaire(t, store, tt.audience, 3, func(q *imhars.Questionnaire) { q.HelpText = helpText })
			c := app.client()
			form := c.get(fx.path)
			r := c.post(fx.action, fx.answers(form.value(`input[name="key"]`)))
			wantStatus(t, r, http.StatusSeeOther)
			thanks := c.follow(r)

			pages := map[string]*response{"questionnaire": form, "thank-you page": thanks}
			for name, page := range pages {
				panel := page.doc.Find(".app-q-help")
				if !tt.help {
					if panel.Length() != 0 {
						t.Errorf("%s shows the pupils' help panel", name)
					}
					continue
				}
				text := panel.Text()
				for _, want := range []string{"Childline", "0800 1111", "Shout", "85258", helpText} {
					if !strings.Contains(text, want) {
						t.Errorf("%s help panel lacks %q", name, want)
					}
				}
				for href, number := range map[string]string{"tel:08001111": "0800 1111", "sms:85258": "85258"} {
					if got := panel.Find(`a[href="` + href + `"]`).Text(); got != number {
						t.Errorf("%s help panel link to %s reads %q, want %q", name, href, got, number)
					}
				}
			}
			if tt.help {
				last := form.doc.Find("form").Children().Filter(".app-q-help, section").Last()
				if !last.HasClass("app-q-help") {
					t.Error("the help panel is not after the last statement")
				}
			}
		})
	}
}

func TestAnswerPageStates(t *testing.T) {
	tests := []struct {
		name     string
		change   func(q *imhars.Questionnaire)
		heading  string
		message  string
		notSaved string // the reason given when answers are sent
	}{
		{"draft", func(q *imhars.Questionnaire) { q.Status = imhars.QuestionnaireDraft },
			"This questionnaire is not open yet", "The school is still preparing it.",
			"The school has not opened this questionnaire yet, so your answers were not saved."},
		{"before opening", func(q *imhars.Questionnaire) { q.OpensOn = imhars.Date{Year: 2026, Month: 11, Day: 3} },
			"This questionnaire is not open yet", "It opens on 3 November 2026 (UK time).",
			"This questionnaire does not open until 3 November 2026 (UK time), so your answers were not saved."},
		{"after closing", func(q *imhars.Questionnaire) { q.ClosesOn = imhars.Date{Year: 2026, Month: 11, Day: 1} },
			"This questionnaire has closed", "This questionnaire closed at the end of 1 November 2026 (UK time).",
			"This questionnaire closed at the end of 1 November 2026 (UK time). Your answers arrived after that"},
		{"closed early", func(q *imhars.Questionnaire) { q.Status = imhars.QuestionnaireClosed },
			"This questionnaire has closed", "The school has closed this questionnaire",
			"The school closed this questionnaire before your answers arrived, so they were not saved."},
	}
	store := sqlstoretest.OpenSQLite(t)
	app := newTestApp(t, store)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fx := createQuestionnaire(t, store, imhars.AudienceStaff, 3, tt.change)
			page := app.client().get(fx.path)
			wantStatus(t, page, http.StatusOK)
			if got := page.text("h1"); got != tt.heading {
				t.Errorf("heading = %q, want %q", got, tt.heading)
			}
			mustContain(t, page.body, tt.message)
			if page.doc.Find("form fieldset").Length() != 0 {
				t.Error("the page shows the questions")
			}

			sent := app.client().post(fx.action, fx.answers(newToken()))
			wantStatus(t, sent, http.StatusConflict)
			if got := sent.text("h1"); got != "Your answers were not saved" {
				t.Errorf("heading after sending = %q", got)
			}
			mustContain(t, sent.body, tt.notSaved)
		})
	}
}

func TestAnswerUnknownLink(t *testing.T) {
	store := sqlstoretest.OpenSQLite(t)
	app := newTestApp(t, store)
	c := app.client()
	for _, path := range []string{"/q/no-such-link", "/q/no-such-link/thanks", "/q/" + strings.Repeat("x", 65)} {
		wantStatus(t, c.get(path), http.StatusNotFound)
	}
	wantStatus(t, c.post("/q/no-such-link/answers", url.Values{"key": {newToken()}}), http.StatusNotFound)
}

func TestAnswerShortCode(t *testing.T) {
	store := sqlstoretest.OpenSQLite(t)
	app := newTestApp(t, store)
	fx := createQuestionnaire(t, store, imhars.AudienceParents, 3, nil)
	code := fx.q.ShortCode
	tests := []struct {
		name  string
		typed string
		// status is 303 to the questionnaire, or 422 with message.
		status  int
		message string
	}{
		{"exact", code, http.StatusSeeOther, ""},
		{"lower case", strings.ToLower(code), http.StatusSeeOther, ""},
		{"spaces and hyphen", " " + strings.ToLower(code[:3]) + "-" + code[3:] + " ", http.StatusSeeOther, ""},
		{"empty", "  ", http.StatusUnprocessableEntity, "Enter the code you were given"},
		{"too short", code[:4], http.StatusUnprocessableEntity, "The code has 6 letters and numbers."},
		{"unknown", "zzzz22", http.StatusUnprocessableEntity, "No questionnaire has the code ZZZZ22."},
	}
	c := app.client()
	page := c.get("/q")
	wantStatus(t, page, http.StatusOK)
	input := page.doc.Find("input#code")
	if v, _ := input.Attr("autocomplete"); v != "off" {
		t.Errorf("code input autocomplete = %q, want off", v)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.post("/q", url.Values{"code": {tt.typed}})
			wantStatus(t, r, tt.status)
			if tt.status == http.StatusSeeOther {
				if r.location != fx.path {
					t.Errorf("redirect = %q, want %q", r.location, fx.path)
				}
				return
			}
			if got := r.text("#code-error"); !strings.Contains(got, tt.message) {
				t.Errorf("error = %q, want %q", got, tt.message)
			}
			if got := r.value("input#code"); got != tt.typed {
				t.Errorf("code input = %q, want the typed %q kept", got, tt.typed)
			}
			if href, _ := r.doc.Find(".govuk-error-summary a").Attr("href"); href != "#code" {
				t.Errorf("error summary links to %q", href)
			}
		})
	}
}

func TestAnswerPersonalLink(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		fx := createQuestionnaire(t, store, imhars.AudienceStaff, 3, nil)
		other := createQuestionnaire(t, store, imhars.AudienceStaff, 3, nil)
		token, otherToken := newToken(), newToken()
		add := func(q *imhars.Questionnaire, email, token string) {
			rs := []imhars.Recipient{{Email: email, Name: "Sam Staff", TokenHash: hashToken(token)}}
			if _, err := store.AddRecipients(t.Context(), q.ID, rs); err != nil {
				t.Fatal(err)
			}
		}
		add(fx.q, "sam@example.org", token)
		add(other.q, "sam@example.org", otherToken)

		c := app.client()
		page := c.get(fx.path + "?t=" + token)
		wantStatus(t, page, http.StatusOK)
		mustContain(t, page.body, "You came here through a personal link.")
		if got := page.value(`input[name="t"]`); got != token {
			t.Fatalf("hidden token = %q, want the link's token", got)
		}
		form := fx.answers(page.value(`input[name="key"]`))
		form.Set("t", token)
		wantStatus(t, c.post(fx.action, form), http.StatusSeeOther)

		recipients, err := store.Recipients(t.Context(), fx.q.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(recipients) != 1 || !recipients[0].Responded {
			t.Errorf("recipients = %+v, want Sam marked as responded", recipients)
		}
		again := c.get(fx.path + "?t=" + token)
		wantStatus(t, again, http.StatusOK)
		if got := again.text("h1"); got != "We already have your answers" {
			t.Errorf("reopening a used personal link shows %q", got)
		}

		wrong := c.get(fx.path + "?t=" + otherToken)
		mustContain(t, wrong.body, "We did not recognise the personal part of your link")
		if wrong.doc.Find(`input[name="t"]`).Length() != 0 {
			t.Error("a token of another questionnaire is carried into the form")
		}
		others, err := store.Recipients(t.Context(), other.q.ID)
		if err != nil {
			t.Fatal(err)
		}
		if others[0].Responded {
			t.Error("answering one questionnaire marked the recipient of another as responded")
		}
	})
}

func TestAnswerSignedInUserNeedsCSRF(t *testing.T) {
	store := sqlstoretest.OpenSQLite(t)
	app := newTestApp(t, store)
	fx := createQuestionnaire(t, store, imhars.AudienceStaff, 3, nil)
	admin := app.setUpAdmin()
	page := admin.get(fx.path)
	if page.value(`input[name="csrf_token"]`) == "" {
		t.Fatal("the form has no CSRF token for a signed-in user")
	}
	form := fx.answers(page.value(`input[name="key"]`))
	form.Set("csrf_token", "forged")
	wantStatus(t, admin.post(fx.action, form), http.StatusForbidden)
	form.Del("csrf_token")
	wantStatus(t, admin.post(fx.action, form), http.StatusSeeOther)
}

func TestAnswerPagesShowNoOtherAnswers(t *testing.T) {
	store := sqlstoretest.OpenSQLite(t)
	app := newTestApp(t, store)
	fx := createQuestionnaire(t, store, imhars.AudienceStaff, 4, func(q *imhars.Questionnaire) { q.Comments = true })
	first := app.client()
	form := fx.answers(fx.key(t, first))
	const secret = "A comment only its writer should see"
	form.Set("comment-"+fx.items[0].ComponentKey, secret)
	wantStatus(t, first.post(fx.action, form), http.StatusSeeOther)

	second := app.client()
	for _, path := range []string{fx.path, fx.path + "/thanks", fx.path + "/thanks?again=1", "/q"} {
		page := second.get(path)
		wantStatus(t, page, http.StatusOK)
		if strings.Contains(page.body, secret) {
			t.Errorf("%s shows another respondent's comment", path)
		}
		if n := page.doc.Find("input:checked").Length(); n != 0 {
			t.Errorf("%s has %d answers already selected", path, n)
		}
	}
	partial := fx.answers(fx.key(t, second))
	partial.Del("item-" + fx.items[0].ID)
	r := second.post(fx.action, partial)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	if strings.Contains(r.body, secret) {
		t.Error("the form shown again holds another respondent's comment")
	}
}

func TestAnswerMissingMessage(t *testing.T) {
	tests := []struct {
		audience imhars.Audience
		want     string
	}{
		{imhars.AudienceStaff, "Select how much you agree with statement 4, or select Don't know."},
		{imhars.AudiencePupils8to11, "Choose how much you agree with sentence 4, or choose Don't know."},
		{imhars.AudiencePupils5to7, "Choose a face for number 4, or choose I don't know."},
	}
	for _, tt := range tests {
		t.Run(string(tt.audience), func(t *testing.T) {
			q := &imhars.Questionnaire{Audience: tt.audience}
			p := &answerPage{Q: q, Scale: q.Audience.Scale()}
			if got := p.missingMessage(4); got != tt.want {
				t.Errorf("missingMessage(4) = %q, want %q", got, tt.want)
			}
		})
	}
}

// respondLogBuffer is a bytes.Buffer that the server's goroutines can write to.
type respondLogBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *respondLogBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *respondLogBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestAnswerLogsNoPersonalData(t *testing.T) {
	store := sqlstoretest.OpenSQLite(t)
	app := newTestApp(t, store)
	var logs respondLogBuffer
	app.server.log = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	fx := createQuestionnaire(t, store, imhars.AudienceStaff, 3, func(q *imhars.Questionnaire) { q.Comments = true })
	token := newToken()
	rs := []imhars.Recipient{{Email: "private.person@example.org", Name: "Pat Private", TokenHash: hashToken(token)}}
	if _, err := store.AddRecipients(t.Context(), fx.q.ID, rs); err != nil {
		t.Fatal(err)
	}

	c := app.client()
	page := c.get(fx.path + "?t=" + token)
	form := fx.answers(page.value(`input[name="key"]`))
	form.Set("t", token)
	const comment = "A private remark about the staff room"
	form.Set("comment-"+fx.items[0].ComponentKey, comment)
	partial := url.Values{}
	for k, v := range form {
		partial[k] = v
	}
	partial.Del("item-" + fx.items[1].ID)
	wantStatus(t, c.post(fx.action, partial), http.StatusUnprocessableEntity)
	wantStatus(t, c.post(fx.action, form), http.StatusSeeOther)

	got := logs.String()
	if !strings.Contains(got, "route=") {
		t.Fatalf("no request was logged; the test would prove nothing:\n%s", got)
	}
	for _, secret := range []string{token, hashToken(token), form.Get("key"), comment, "private.person", "Pat Private"} {
		if strings.Contains(got, secret) {
			t.Errorf("the log contains %q:\n%s", secret, got)
		}
	}
}
