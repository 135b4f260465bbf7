package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

func TestAnswerRepeatedSubmission(t *testing.T) {
	tests := []struct {
		name string
		// first sends the form for the first time and returns the response.
		first func(t *testing.T, app *testApp, c *client, fx *questionnaireFixture, form url.Values) *response
		// repeat sends it again in some way.
		repeat func(t *testing.T, app *testApp, c *client, fx *questionnaireFixture, form url.Values) *response
	}{
		{
			name:  "same form 100 ms later",
			first: sendAnswers,
			repeat: func(t *testing.T, app *testApp, c *client, fx *questionnaireFixture, form url.Values) *response {
				app.now = app.now.Add(100 * time.Millisecond)
				return c.post(fx.action, form)
			},
		},
		{
			name:  "Back after the thank-you page",
			first: sendAnswers,
			repeat: func(t *testing.T, app *testApp, c *client, fx *questionnaireFixture, form url.Values) *response {
				wantStatus(t, c.get(fx.path+"/thanks"), http.StatusOK)
				return c.post(fx.action, form)
			},
		},
		{
			name:  "reload of the submit request",
			first: sendAnswers,
			repeat: func(t *testing.T, app *testApp, c *client, fx *questionnaireFixture, form url.Values) *response {
				return c.do(http.MethodPost, fx.action, strings.NewReader(form.Encode()), "application/x-www-form-urlencoded")
			},
		},
		{
			name: "after a missing answer was put right",
			first: func(t *testing.T, app *testApp, c *client, fx *questionnaireFixture, form url.Values) *response {
				partial := url.Values{}
				for k, v := range form {
					partial[k] = v
				}
				partial.Del("item-" + fx.items[0].ID)
				wantStatus(t, c.post(fx.action, partial), http.StatusUnprocessableEntity)
				return c.post(fx.action, form)
			},
			repeat: sendAnswers,
		},
	}
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				fx := createQuestionnaire(t, store, imhars.AudienceStaff, 5, nil)
				c := app.client()
				form := fx.answers(fx.key(t, c))

				r := tt.first(t, app, c, fx, form)
				wantStatus(t, r, http.StatusSeeOther)
				if r.location != fx.path+"/thanks" {
					t.Fatalf("first redirect = %q, want the thank-you page", r.location)
				}
				again := tt.repeat(t, app, c, fx, form)
				wantStatus(t, again, http.StatusSeeOther)
				page := c.follow(again)
				wantStatus(t, page, http.StatusOK)
				if got := page.text("h1"); got != "We already have your answers" {
					t.Errorf("repeat shows %q", got)
				}
				if n := fx.respondents(t, store); n != 1 {
					t.Errorf("%d responses stored, want 1", n)
				}
			})
		}
	})
}

func sendAnswers(t *testing.T, app *testApp, c *client, fx *questionnaireFixture, form url.Values) *response {
	t.Helper()
	return c.post(fx.action, form)
}

// postAll posts each body to path at the same moment, each from its own
// connection, and returns the status and Location header of each response.
func postAll(t *testing.T, app *testApp, path string, bodies []string) (statuses []int, locations []string) {
	t.Helper()
	statuses, locations = make([]int, len(bodies)), make([]string, len(bodies))
	errs := make([]error, len(bodies))
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i, body := range bodies {
		wg.Go(func() {
			<-start
			res, err := noRedirect.Post(app.http.URL+path, "application/x-www-form-urlencoded", strings.NewReader(body))
			if err != nil {
				errs[i] = err
				return
			}
			res.Body.Close()
			statuses[i], locations[i] = res.StatusCode, res.Header.Get("Location")
		})
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
	}
	return statuses, locations
}

func TestAnswerConcurrentSubmissions(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		fx := createQuestionnaire(t, store, imhars.AudiencePupils8to11, 25, func(q *imhars.Questionnaire) { q.Comments = true })
		form := fx.answers(fx.key(t, app.client()))
		form.Set("comment-"+fx.items[0].ComponentKey, "The same comment, sent 20 times.")
		bodies := slices.Repeat([]string{form.Encode()}, 20)

		statuses, locations := postAll(t, app, fx.action, bodies)
		stored := 0
		for i := range bodies {
			if statuses[i] != http.StatusSeeOther {
				t.Errorf("request %d got status %d, want 303", i, statuses[i])
			}
			if locations[i] == fx.path+"/thanks" {
				stored++
			} else if locations[i] != fx.path+"/thanks?again=1" {
				t.Errorf("request %d redirected to %q", i, locations[i])
			}
		}
		if stored != 1 {
			t.Errorf("%d requests were told their answers were new, want 1", stored)
		}
		if n := fx.respondents(t, store); n != 1 {
			t.Errorf("%d responses stored, want 1", n)
		}
		comments, err := store.Comments(t.Context(), fx.q.ID, true)
		if err != nil {
			t.Fatal(err)
		}
		if len(comments) != 1 {
			t.Errorf("%d comments stored, want 1", len(comments))
		}
	})
}

func TestAnswerConcurrentDistinctSubmissions(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		fx := createQuestionnaire(t, store, imhars.AudienceStaff, 10, nil)
		bodies := make([]string, 50)
		for i := range bodies {
			bodies[i] = fx.answers(newToken()).Encode()
		}

		statuses, locations := postAll(t, app, fx.action, bodies)
		for i := range bodies {
			if statuses[i] != http.StatusSeeOther || locations[i] != fx.path+"/thanks" {
				t.Errorf("request %d got %d to %q, want 303 to the thank-you page", i, statuses[i], locations[i])
			}
		}
		if n := fx.respondents(t, store); n != len(bodies) {
			t.Errorf("%d responses stored, want %d", n, len(bodies))
		}
	})
}

func TestAnswerCloseDateInSchoolZone(t *testing.T) {
	tests := []struct {
		name   string
		sentAt time.Time // server clock, in UTC
		stored bool
	}{
		// British Summer Time, UTC+1, runs from 28 March 2027.
		{"23:30 on 1 April UK time", time.Date(2027, 4, 1, 22, 30, 0, 0, time.UTC), true},
		{"00:10 on 2 April UK time", time.Date(2027, 4, 1, 23, 10, 0, 0, time.UTC), false},
	}
	store := sqlstoretest.OpenSQLite(t)
	app := newTestApp(t, store)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fx := createQuestionnaire(t, store, imhars.AudienceParents, 5, nil)
			c := app.client()
			app.now = time.Date(2027, 4, 1, 20, 0, 0, 0, time.UTC)
			form := fx.answers(fx.key(t, c))

			app.now = tt.sentAt
			r := c.post(fx.action, form)
			if n := fx.respondents(t, store); (n == 1) != tt.stored {
				t.Fatalf("%d responses stored; want stored = %v", n, tt.stored)
			}
			if tt.stored {
				wantStatus(t, r, http.StatusSeeOther)
				return
			}
			wantStatus(t, r, http.StatusConflict)
			if got := r.text("h1"); got != "Your answers were not saved" {
				t.Errorf("heading = %q", got)
			}
			mustContain(t, r.body, "This questionnaire closed at the end of 1 April 2027 (UK time).")
			later := c.get(fx.path)
			mustContain(t, later.body, "This questionnaire closed at the end of 1 April 2027 (UK time).")
		})
	}
}

func TestAnswerAfterLongPause(t *testing.T) {
	store := sqlstoretest.OpenSQLite(t)
	app := newTestApp(t, store)
	fx := createQuestionnaire(t, store, imhars.AudienceStaff, 25, func(q *imhars.Questionnaire) { q.Comments = true })
	c := app.client()
	full := fx.answers(fx.key(t, c))
	partial := url.Values{"key": {full.Get("key")}}
	for _, it := range fx.items[:18] {
		partial.Set("item-"+it.ID, full.Get("item-"+it.ID))
	}
	partial.Set("comment-"+fx.items[0].ComponentKey, "Written before the break.")

	app.now = app.now.Add(45 * time.Minute)
	r := c.post(fx.action, partial)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	if got := r.text("#q-progress"); got != "You have answered 18 of 25." {
		t.Errorf("progress = %q", got)
	}
	if n := r.doc.Find(".govuk-error-summary a").Length(); n != 7 {
		t.Errorf("%d errors listed, want the 7 unanswered statements", n)
	}
	for _, it := range fx.items[:18] {
		if got := r.value(`input[name="item-` + it.ID + `"]:checked`); got != full.Get("item-"+it.ID) {
			t.Errorf("answer to %s = %q after 45 minutes, want %q", it.ID, got, full.Get("item-"+it.ID))
		}
	}
	if got := r.text("textarea"); got != "Written before the break." {
		t.Errorf("comment = %q after 45 minutes", got)
	}

	for k, v := range partial {
		full[k] = v
	}
	wantStatus(t, c.post(fx.action, full), http.StatusSeeOther)
	if n := fx.respondents(t, store); n != 1 {
		t.Errorf("%d responses stored, want 1", n)
	}
}
