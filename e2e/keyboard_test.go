package e2e

import (
	"fmt"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/google/go-cmp/cmp"

	"github.com/imhars/imhars"
)

// maxTabs is how many times tabTo presses Tab before it gives up. The
// longest walk in these tests, to the report link of an audit overview,
// takes 17.
const maxTabs = 60

// TestKeyboardOnly signs in, rates a practice and opens the report with the
// keyboard alone, checking at every Tab stop that the focused element is
// on screen and matches :focus-visible.
func TestKeyboardOnly(t *testing.T) {
	s := newSession(t)
	d := s.seedAudit()
	audit := d.auditPath()

	s.open("/sign-in")
	s.wantSkipLinkFirst()
	s.tabTo("#email")
	s.typeKeys(testEmail)
	s.tabTo("#password")
	s.typeKeys(testPassword)
	s.tabTo("main button[type=submit]")
	s.follow("sign in with Enter", chromedp.KeyEvent(kb.Enter))
	s.wantHeading("Your schools")

	s.followWithEnter(fmt.Sprintf(`main a[href="/schools/%d"]`, d.school.ID))
	s.wantHeading("Highbury Fields Primary")
	s.followWithEnter(`main a[href="` + audit + `"]`)
	s.wantHeading("Audit 2026/27")
	s.followWithEnter(`main a[href="` + audit + `/components/ethos"]`)
	s.wantHeadingPrefix("Ethos and environment")
	s.followWithEnter(`main a[href="` + audit + `/practices/ethos.respect"]`)
	s.wantHeadingPrefix("1.1 ")
	s.wantSkipLinkFirst()

	// Tab enters a radio group at its checked radio, "Not yet assessed" on
	// a practice never saved, and the arrow keys move the choice.
	s.tabTo("input[name=rating]:checked")
	s.wantFocus("#rating-none")
	s.press(kb.ArrowUp)
	s.wantFocus("#rating-3:checked")
	s.tabTo("#kinds")
	s.press(" ")
	s.wantFocus("#kinds:checked")
	s.tabTo("#evidence")
	s.typeKeys("Seen in every class.")
	s.tabTo("main form button.govuk-button--secondary")
	s.follow("save with Enter", chromedp.KeyEvent(kb.Enter))
	s.wantHeadingPrefix("Ethos and environment")
	s.wantBanner("Practice 1.1 saved.")
	s.wantSaved(d.audit.ID, "ethos.respect", savedAssessment{
		Rating:   imhars.Embedded,
		Kinds:    []imhars.EvidenceKind{imhars.EvidenceQuestionnaire},
		Evidence: "Seen in every class.",
	})

	s.followWithEnter("a.govuk-back-link")
	s.wantHeading("Audit 2026/27")
	s.followWithEnter(`main a[href="` + audit + `/report"]`)
	s.wantHeading("Audit report 2026/27")
	const overall = "Overall: 100% (3 of 3 points), from 1 of 42 practices assessed."
	if got := s.texts("main p"); !slices.Contains(got, overall) {
		t.Errorf("report has no paragraph %q", overall)
	}
}

// press sends keys to the focused element.
func (s *session) press(keys string) {
	s.t.Helper()
	s.do(fmt.Sprintf("press %q", keys), chromedp.KeyEvent(keys))
}

// typeKeys types text into the focused element, one key at a time.
func (s *session) typeKeys(text string) {
	s.t.Helper()
	s.do("type "+text, chromedp.KeyEvent(text))
}

// focusState describes the focused element after a key press.
type focusState struct {
	Matches      bool   `json:"matches"`      // it matches the selector looked for
	Element      string `json:"element"`      // tag, id and text, for messages
	OnScreen     bool   `json:"onScreen"`     // it is at least 2 × 2 px and overlaps the viewport
	FocusVisible bool   `json:"focusVisible"` // it matches :focus-visible
}

// focusScript reads the focused element. It returns null while the page
// itself has focus.
const focusScript = `((selector) => {
	const e = document.activeElement;
	if (!e || e === document.body) return null;
	const r = e.getBoundingClientRect();
	const text = (e.innerText || e.value || '').trim().slice(0, 40);
	return {
		matches: e.matches(selector),
		element: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (text ? ' "' + text + '"' : ''),
		onScreen: r.width >= 2 && r.height >= 2 && r.bottom > 0 && r.right > 0 &&
			r.top < innerHeight && r.left < innerWidth && getComputedStyle(e).visibility !== 'hidden',
		focusVisible: e.matches(':focus-visible'),
	};
})(%s)`

func (s *session) focus(selector string) *focusState {
	s.t.Helper()
	return run(s, "read the focused element", chromedp.Evaluate[*focusState](fmt.Sprintf(focusScript, jsString(selector))))
}

// tabTo presses Tab until the element matching the CSS selector has focus,
// and reports every stop on the way that is off screen or that the browser
// does not treat as keyboard focus. The size limit catches visually hidden
// text, which is 1 px square, receiving focus.
func (s *session) tabTo(selector string) {
	s.t.Helper()
	for range maxTabs {
		s.press(kb.Tab)
		f := s.focus(selector)
		if f == nil {
			continue
		}
		s.wantVisibleFocus(f)
		if f.Matches {
			return
		}
	}
	s.t.Fatalf("%s not reached after pressing Tab %d times", selector, maxTabs)
}

func (s *session) wantVisibleFocus(f *focusState) {
	s.t.Helper()
	if !f.OnScreen {
		s.t.Errorf("focused element %s is not on screen", f.Element)
	}
	if !f.FocusVisible {
		s.t.Errorf("focused element %s does not match :focus-visible", f.Element)
	}
}

// wantFocus checks that the focused element matches the CSS selector.
func (s *session) wantFocus(selector string) {
	s.t.Helper()
	f := s.focus(selector)
	if f == nil {
		s.t.Fatalf("nothing has focus, want %s", selector)
	}
	if !f.Matches {
		s.t.Fatalf("focus is on %s, want %s", f.Element, selector)
	}
	s.wantVisibleFocus(f)
}

// followWithEnter tabs to a link and follows it with Enter.
func (s *session) followWithEnter(selector string) {
	s.t.Helper()
	s.tabTo(selector)
	s.follow("follow "+selector+" with Enter", chromedp.KeyEvent(kb.Enter))
}

// wantSkipLinkFirst checks that the first Tab stop on a freshly loaded page
// is the link that skips to the main content.
func (s *session) wantSkipLinkFirst() {
	s.t.Helper()
	s.press(kb.Tab)
	s.wantFocus(`a.govuk-skip-link[href="#main-content"]`)
	if text, _ := s.text(":focus"); text != "Skip to main content" {
		s.t.Errorf("first Tab stop reads %q, want Skip to main content", text)
	}
}

// savedAssessment is the part of a stored assessment a test sets.
type savedAssessment struct {
	Rating   imhars.Rating
	Kinds    []imhars.EvidenceKind
	Evidence string
}

func (s *session) wantSaved(auditID int64, practiceKey string, want savedAssessment) {
	s.t.Helper()
	a, err := s.store.Assessment(s.t.Context(), auditID, practiceKey)
	if err != nil {
		s.t.Fatalf("load assessment %s: %v", practiceKey, err)
	}
	got := savedAssessment{Rating: a.Rating, Kinds: a.Kinds, Evidence: a.Evidence}
	if diff := cmp.Diff(want, got); diff != "" {
		s.t.Errorf("stored assessment %s (-want +got):\n%s", practiceKey, diff)
	}
}
