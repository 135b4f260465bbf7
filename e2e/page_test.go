package e2e

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/chromedp/chromedp"
)

// link selects the link whose text, visually hidden parts included and
// spaces collapsed, is text.
func link(text string) chromedp.Search {
	return chromedp.Search("//a[normalize-space()=" + xpathString(text) + "]")
}

// button selects the button whose text, spaces collapsed, is text.
func button(text string) chromedp.Search {
	return chromedp.Search("//button[normalize-space()=" + xpathString(text) + "]")
}

// label selects the label of the form control with the given id. Clicking
// it picks a radio or checkbox as a user's click on the option's text does.
func label(forID string) chromedp.CSS {
	return chromedp.CSS(`label[for="` + forID + `"]`)
}

// xpathString quotes s as an XPath 1.0 string literal, which has no escape
// sequences, so a text with both kinds of quote cannot be written.
func xpathString(s string) string {
	if !strings.Contains(s, `"`) {
		return `"` + s + `"`
	}
	if !strings.Contains(s, "'") {
		return "'" + s + "'"
	}
	panic(fmt.Sprintf("xpathString: %q contains both kinds of quote", s))
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err) // a Go string always encodes
	}
	return string(b)
}

// text returns the rendered text of the first element matching the CSS
// selector, and false when nothing matches. It does not wait, so that a
// missing element fails the check at once.
func (s *session) text(selector string) (string, bool) {
	s.t.Helper()
	expr := fmt.Sprintf(`document.querySelector(%s)?.innerText ?? null`, jsString(selector))
	v := run(s, "read "+selector, chromedp.Evaluate[*string](expr))
	if v == nil {
		return "", false
	}
	return *v, true
}

// texts returns the rendered text of every element matching the CSS
// selector.
func (s *session) texts(selector string) []string {
	s.t.Helper()
	expr := fmt.Sprintf(`Array.from(document.querySelectorAll(%s), e => e.innerText)`, jsString(selector))
	return run(s, "read "+selector, chromedp.Evaluate[[]string](expr))
}

// wantHeading checks the page's h1.
func (s *session) wantHeading(want string) {
	s.t.Helper()
	got, ok := s.text("h1")
	if !ok {
		s.t.Fatalf("page has no h1, want %q", want)
	}
	if got != want {
		s.t.Fatalf("h1 = %q, want %q", got, want)
	}
}

// wantHeadingPrefix checks the start of the page's h1, for headings that
// go on with framework wording.
func (s *session) wantHeadingPrefix(prefix string) {
	s.t.Helper()
	got, ok := s.text("h1")
	if !ok {
		s.t.Fatalf("page has no h1, want one starting %q", prefix)
	}
	if !strings.HasPrefix(got, prefix) {
		s.t.Fatalf("h1 = %q, want one starting %q", got, prefix)
	}
}

// wantText checks the text of the first element matching the CSS selector.
func (s *session) wantText(selector, want string) {
	s.t.Helper()
	got, ok := s.text(selector)
	if !ok {
		s.t.Errorf("no element matches %s, want one with text %q", selector, want)
		return
	}
	if got != want {
		s.t.Errorf("%s text = %q, want %q", selector, got, want)
	}
}

// wantBanner checks the confirmation banner shown after a save.
func (s *session) wantBanner(want string) {
	s.t.Helper()
	got, ok := s.text(".govuk-notification-banner--success .govuk-notification-banner__heading")
	if !ok {
		s.t.Errorf("no confirmation banner, want %q", want)
		return
	}
	if got != want {
		s.t.Errorf("confirmation banner = %q, want %q", got, want)
	}
}
