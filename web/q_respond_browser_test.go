package web

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// browserTab is a headless Chromium tab for the questionnaire's browser
// tests, which check what needs JavaScript or a real browser: drafts kept
// on the device, the progress count, Back after sending, and axe-core's
// accessibility rules.
type browserTab struct {
	t         *testing.T
	ctx       context.Context
	axeSource string
}

// newBrowserTab starts Chromium from IMHARS_CHROMIUM with a phone-sized
// window and the back-forward cache turned off. It skips the test when the
// variable is unset, unless IMHARS_REQUIRE_FULL is 1.
func newBrowserTab(t *testing.T) *browserTab {
	t.Helper()
	return startBrowserTab(t, false)
}

// startBrowserTab is newBrowserTab with the choice of keeping Chromium's
// back-forward cache, which restores a page on Back without running its
// scripts again.
func startBrowserTab(t *testing.T, backForwardCache bool) *browserTab {
	t.Helper()
	chromium := os.Getenv("IMHARS_CHROMIUM")
	if chromium == "" {
		const msg = "browser tests skipped: set IMHARS_CHROMIUM to a Chromium binary to run them"
		if os.Getenv(sqlstoretest.EnvRequireFull) == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	axe, err := os.ReadFile(filepath.Join("..", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("read axe-core: %v; run make assets to install the npm packages", err)
	}

	timeout, cancelTimeout := context.WithTimeout(context.Background(), 2*time.Minute)
	flags := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium),
		chromedp.UserDataDir(t.TempDir()), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.WindowSize(375, 800))
	if !backForwardCache {
		flags = append(flags, chromedp.Flag("disable-features", "BackForwardCache"))
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(timeout, flags...)
	tab, cancelTab := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
		cancelTimeout()
	})
	if _, err := chromedp.Run(tab, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("start Chromium from %s: %v", chromium, err)
	}
	return &browserTab{t: t, ctx: tab, axeSource: string(axe)}
}

// eval runs a JavaScript expression and returns its value as a string.
func (b *browserTab) eval(expr string) string {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`String(`+expr+`)`))
	if err != nil {
		b.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitFor evaluates cond every 100 ms until it is true, for up to 30
// seconds.
func (b *browserTab) waitFor(cond string) {
	b.t.Helper()
	for range 300 {
		if b.eval(cond) == "true" {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	b.t.Fatalf("still not true after 30 seconds: %s", cond)
}

// load runs actions that load a page and returns the page's status.
func (b *browserTab) load(step string, actions ...chromedp.Action[chromedp.Void]) int64 {
	b.t.Helper()
	res, err := chromedp.RunResponse(b.ctx, actions...)
	if err != nil {
		b.t.Fatalf("%s: %v", step, err)
	}
	return res.Status
}

// checkAxe fails the test for each serious or critical violation of the
// WCAG 2.2 A and AA rules that axe-core finds on the page.
func (b *browserTab) checkAxe(page string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[chromedp.Void](b.axeSource)); err != nil {
		b.t.Fatalf("inject axe-core into the %s: %v", page, err)
	}
	type violation struct {
		ID     string `json:"id"`
		Impact string `json:"impact"`
		Help   string `json:"help"`
	}
	vs, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]violation](`axe.run(document, {runOnly: {type: 'tag',
		values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}}).then(r =>
		r.violations.map(v => ({id: v.id, impact: v.impact ?? '', help: v.help})))`, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("run axe-core on the %s: %v", page, err)
	}
	for _, v := range vs {
		if v.Impact == "serious" || v.Impact == "critical" {
			b.t.Errorf("%s: %s (%s): %s", page, v.ID, v.Impact, v.Help)
		}
	}
}

func TestAnswerDraftInBrowser(t *testing.T) {
	tab := newBrowserTab(t)
	store := sqlstoretest.OpenSQLite(t)
	app := newTestApp(t, store)
	fx := createQuestionnaire(t, store, imhars.AudienceStaff, 6, func(q *imhars.Questionnaire) { q.Comments = true })
	url := app.http.URL + fx.path
	comment := "#comment-" + fx.items[0].ComponentKey
	draft := fmt.Sprintf("localStorage.getItem('imhars-q-%s')", fx.q.LinkID)

	tab.load("open the questionnaire", chromedp.Navigate(url))
	tab.checkAxe("questionnaire")
	tab.eval(`document.getElementById('item-i1').click()`)
	tab.eval(`document.getElementById('item-i2-dk').click()`)
	tab.eval(`(() => { const c = document.querySelector('` + comment + `'); c.value = 'Typed before a reload';
		c.dispatchEvent(new Event('input', {bubbles: true})) })()`)
	if got := tab.eval(`document.getElementById('q-progress').textContent`); got != "2 of 6 answered" {
		t.Errorf("progress = %q, want 2 of 6 answered", got)
	}

	tab.load("reload the questionnaire", chromedp.Navigate(url))
	if tab.eval(`document.getElementById('q-restored').hidden`) != "false" {
		t.Error("the notice about restored answers is hidden")
	}
	if tab.eval(`document.getElementById('item-i1').checked`) != "true" {
		t.Error("the first answer was not restored")
	}
	if got := tab.eval(`document.querySelector('` + comment + `').value`); got != "Typed before a reload" {
		t.Errorf("restored comment = %q", got)
	}
	tab.checkAxe("questionnaire with restored answers")

	if status := tab.load("send an incomplete form", chromedp.Click(chromedp.CSS(`button[type="submit"]`))); status != 422 {
		t.Fatalf("status = %d, want 422", status)
	}
	tab.checkAxe("questionnaire with errors")
	if got := tab.eval(`document.activeElement.classList.contains('govuk-error-summary')`); got != "true" {
		t.Error("focus is not on the error summary")
	}
	for _, it := range fx.items {
		tab.eval(`document.getElementById('item-` + it.ID + `-dk').click()`)
	}
	if status := tab.load("send the answers", chromedp.Click(chromedp.CSS(`button[type="submit"]`))); status != 200 {
		t.Fatalf("thank-you page status = %d", status)
	}
	tab.checkAxe("thank-you page")
	if got := tab.eval(draft); got != "null" {
		t.Errorf("draft after sending = %s, want it deleted", got)
	}
}

func TestAnswerClearDraftInBrowser(t *testing.T) {
	tab := newBrowserTab(t)
	store := sqlstoretest.OpenSQLite(t)
	app := newTestApp(t, store)
	fx := createQuestionnaire(t, store, imhars.AudiencePupils8to11, 4, nil)
	url := app.http.URL + fx.path

	tab.load("open the questionnaire", chromedp.Navigate(url))
	tab.eval(`document.getElementById('item-i1-4').click()`)
	tab.load("reload the questionnaire", chromedp.Navigate(url))
	tab.eval(`document.getElementById('q-clear').click()`)
	if got := tab.eval(`document.querySelectorAll('input:checked').length`); got != "0" {
		t.Errorf("%s answers still selected after clearing", got)
	}
	if tab.eval(`document.getElementById('q-restored').hidden`) != "true" {
		t.Error("the notice stays after clearing")
	}
	if got := tab.eval(fmt.Sprintf("localStorage.getItem('imhars-q-%s')", fx.q.LinkID)); got != "null" {
		t.Errorf("draft after clearing = %s", got)
	}
	tab.load("reload once more", chromedp.Navigate(url))
	if tab.eval(`document.getElementById('q-restored').hidden`) != "true" {
		t.Error("cleared answers came back")
	}
}

func TestAnswerBackAfterSendingInBrowser(t *testing.T) {
	tab := newBrowserTab(t)
	store := sqlstoretest.OpenSQLite(t)
	app := newTestApp(t, store)
	fx := createQuestionnaire(t, store, imhars.AudiencePupils5to7, 4, nil)

	tab.load("open the questionnaire", chromedp.Navigate(app.http.URL+fx.path))
	tab.checkAxe("faces questionnaire")
	key := tab.eval(`document.querySelector('input[name="key"]').value`)
	for _, it := range fx.items {
		tab.eval(`document.getElementById('item-` + it.ID + `-3').click()`)
	}
	tab.load("send the answers", chromedp.Click(chromedp.CSS(`button[type="submit"]`)))
	tab.checkAxe("faces thank-you page")

	// With the back-forward cache off, Back loads the form from the HTTP
	// cache, the harder case for keeping the same submission key.
	tab.load("go back", chromedp.Evaluate[chromedp.Void](`setTimeout(() => history.back(), 0)`))
	if got := tab.eval(`document.querySelector('input[name="key"]').value`); got != key {
		t.Errorf("submission key after Back = %q, want the first form's %q", got, key)
	}
	tab.load("send again", chromedp.Click(chromedp.CSS(`button[type="submit"]`)))
	if got := tab.eval(`document.querySelector('h1').textContent.trim()`); got != "We already have your answers" {
		t.Errorf("heading after sending again = %q", got)
	}
	if n := fx.respondents(t, store); n != 1 {
		t.Errorf("%d responses stored, want 1", n)
	}
}

// TestAnswerSharedDeviceInBrowser follows one person who sends their
// answers, goes Back and changes one, then a second person who opens the
// questionnaire in the same browser. The second person must get a blank
// form with a new submission key, so that their answers are stored too.
func TestAnswerSharedDeviceInBrowser(t *testing.T) {
	for _, tc := range []struct {
		name             string
		backForwardCache bool
	}{
		{"page loaded again on back", false},
		{"page restored from back-forward cache", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tab := startBrowserTab(t, tc.backForwardCache)
			store := sqlstoretest.OpenSQLite(t)
			app := newTestApp(t, store)
			fx := createQuestionnaire(t, store, imhars.AudienceStaff, 3, nil)
			url := app.http.URL + fx.path
			draft := fmt.Sprintf("localStorage.getItem('imhars-q-%s')", fx.q.LinkID)

			tab.load("open the questionnaire", chromedp.Navigate(url))
			firstKey := tab.eval(`document.querySelector('input[name="key"]').value`)
			for _, it := range fx.items {
				tab.eval(`document.getElementById('item-` + it.ID + `').click()`)
			}
			tab.eval(`window.beforeSending = true`)
			tab.load("send the first answers", chromedp.Click(chromedp.CSS(`button[type="submit"]`)))

			// A page restored from the back-forward cache makes no
			// request, so the test waits for the address instead.
			tab.eval(`setTimeout(() => history.back(), 0)`)
			tab.waitFor(`location.pathname === '` + fx.path + `' && document.readyState === 'complete'`)
			restored := tab.eval(`window.beforeSending === true`) == "true"
			if restored != tc.backForwardCache {
				t.Fatalf("page restored from the back-forward cache = %t, want %t", restored, tc.backForwardCache)
			}
			tab.waitFor(`document.getElementById('q-already-sent').hidden === false`)
			tab.eval(`document.getElementById('item-` + fx.items[0].ID + `-2').click()`)
			if got := tab.eval(draft); got != "null" {
				t.Errorf("draft after changing a sent answer = %s, want none", got)
			}

			tab.load("open the questionnaire for someone else", chromedp.Navigate(url))
			if got := tab.eval(`document.querySelector('input[name="key"]').value`); got == firstKey {
				t.Error("the second person's form has the first person's submission key")
			}
			if got := tab.eval(`document.querySelectorAll('input:checked').length`); got != "0" {
				t.Errorf("%s answers selected on the second person's form, want 0", got)
			}
			if tab.eval(`document.getElementById('q-restored').hidden`) != "true" {
				t.Error("the second person is told their answers were restored")
			}
			if tab.eval(`document.getElementById('q-already-sent').hidden`) != "true" {
				t.Error("the second person is told their answers were sent")
			}
			for _, it := range fx.items {
				tab.eval(`document.getElementById('item-` + it.ID + `-dk').click()`)
			}
			tab.load("send the second answers", chromedp.Click(chromedp.CSS(`button[type="submit"]`)))
			if got := tab.eval(`document.querySelector('h1').textContent.trim()`); got != "Thank you" {
				t.Errorf("heading after the second person sends = %q, want Thank you", got)
			}
			if n := fx.respondents(t, store); n != 2 {
				t.Errorf("%d responses stored, want 2", n)
			}
		})
	}
}

func TestAnswerCodePageInBrowser(t *testing.T) {
	tab := newBrowserTab(t)
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	tab.load("open the code page", chromedp.Navigate(app.http.URL+"/q"))
	tab.checkAxe("code page")
}

// TestAnswerFocusVisibleInBrowser moves through every answer with the
// keyboard on a small phone's screen and checks that the answers-count bar,
// which stays at the bottom of the screen, never covers the focused radio
// button or its label (WCAG 2.2 success criterion 2.4.11, Focus Not
// Obscured).
func TestAnswerFocusVisibleInBrowser(t *testing.T) {
	tab := newBrowserTab(t)
	store := sqlstoretest.OpenSQLite(t)
	app := newTestApp(t, store)
	fx := createQuestionnaire(t, store, imhars.AudienceStaff, 6, nil)

	if err := chromedp.Do(tab.ctx, chromedp.EmulateViewport(375, 740)); err != nil {
		t.Fatal(err)
	}
	tab.load("open the questionnaire", chromedp.Navigate(app.http.URL+fx.path))
	tab.eval(`document.querySelector('.govuk-radios__input').focus()`)
	tab.eval(`window.scrollTo(0, 0)`)

	// overlap is how far the bottom edge of the focused radio button or of
	// its label, whichever is lower, is below the top edge of the bar, in
	// CSS pixels.
	const overlap = `(() => {
		const radio = document.activeElement
		const label = radio.closest('.govuk-radios__item').querySelector('label')
		const bottom = Math.max(radio.getBoundingClientRect().bottom, label.getBoundingClientRect().bottom)
		return Math.ceil(bottom - document.querySelector('.app-q-progress').getBoundingClientRect().top)
	})()`
	// From the first radio, the down arrow moves to the next radio of the
	// same statement and Tab to the next statement. Each key scrolls the
	// radio it focuses into view.
	keys := ""
	for _, it := range fx.items {
		options := fx.q.Audience.Scale().Max() + 1 // with "don't know"
		for range options - 1 {
			keys += kb.ArrowDown
		}
		if it.ID != fx.items[len(fx.items)-1].ID {
			keys += "\t"
		}
	}
	for _, key := range keys {
		if err := chromedp.Do(tab.ctx, chromedp.KeyEvent(string(key))); err != nil {
			t.Fatal(err)
		}
		id := tab.eval(`document.activeElement.id`)
		got, err := strconv.Atoi(tab.eval(overlap))
		if err != nil {
			t.Fatalf("overlap of %s: %v", id, err)
		}
		if got > 0 {
			t.Errorf("the bar covers %d px of radio %s", got, id)
		}
	}
	last := "item-" + fx.items[len(fx.items)-1].ID + "-dk"
	if got := tab.eval(`document.activeElement.id`); got != last {
		t.Errorf("focus ended on %q, want %q", got, last)
	}
}

// TestAnswerChosenFaceInBrowser checks that the chosen face has a thick
// border, so that the choice shows by more than the radio's dot.
func TestAnswerChosenFaceInBrowser(t *testing.T) {
	tab := newBrowserTab(t)
	store := sqlstoretest.OpenSQLite(t)
	app := newTestApp(t, store)
	fx := createQuestionnaire(t, store, imhars.AudiencePupils5to7, 2, nil)

	tab.load("open the questionnaire", chromedp.Navigate(app.http.URL+fx.path))
	chosen := "item-" + fx.items[0].ID + "-3"
	tab.eval(`document.getElementById('` + chosen + `').click()`)
	// outline returns the outline's style and width around a radio's option.
	outline := func(id string) string {
		return tab.eval(`(() => { const item = document.getElementById('` + id + `').closest('.govuk-radios__item')
			const s = getComputedStyle(item)
			return s.outlineStyle + ' ' + s.outlineWidth })()`)
	}
	if got := outline(chosen); got != "solid 4px" {
		t.Errorf("outline of the chosen face = %q, want solid 4px", got)
	}
	if got := outline("item-" + fx.items[0].ID + "-2"); !strings.HasPrefix(got, "none") {
		t.Errorf("outline of a face not chosen = %q, want none", got)
	}
}
