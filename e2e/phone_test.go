package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/imhars/imhars"
)

// TestPhoneLayout checks a practice page, the report and the pages with
// tables on a 375 × 667 viewport, the size of a small phone: nothing
// scrolls sideways, the navigation folds behind a working "Menu" button,
// and axe-core passes.
func TestPhoneLayout(t *testing.T) {
	s := newSession(t)
	d := s.seedAudit()
	s.seedFindings(d)
	s.do("emulate a phone", chromedp.EmulateViewport(375, 667, chromedp.EmulateMobile))
	s.signIn()

	school := fmt.Sprintf("/schools/%d", d.school.ID)
	pages := []struct {
		name    string
		path    string
		heading string
	}{
		{"practice", d.auditPath() + "/practices/ethos.respect", "1.1 "},
		{"report", d.auditPath() + "/report", "Audit report 2026/27"},
		{"school", school, "Highbury Fields Primary"},
		{"team", school + "/team", "Team"},
		{"frameworks", "/frameworks", "Frameworks"},
	}
	for _, page := range pages {
		t.Run(page.name, func(t *testing.T) {
			s := s.on(t)
			s.open(page.path)
			s.wantHeadingPrefix(page.heading)
			s.wantNoSidewaysScroll()
			s.wantMenuToggle()
			s.checkPage(page.path + " with the menu open")
		})
	}
}

// seedFindings rates practice 1.1 and writes component 1's findings. The
// evidence holds a long link, the kind of unbroken text that can push a
// narrow page wider.
func (s *session) seedFindings(d seeded) {
	t := s.t
	t.Helper()
	ctx := t.Context()
	a := &imhars.PracticeAssessment{
		AuditID: d.audit.ID, PracticeKey: "ethos.respect", Rating: imhars.Established,
		Kinds:    []imhars.EvidenceKind{imhars.EvidenceObservation, imhars.EvidenceStaffInterview},
		Evidence: "Seen on the learning walk; notes at https://intranet.example.org/wellbeing/learning-walk-notes-autumn-term",
		Priority: imhars.PriorityMedium, UpdatedBy: d.admin.Name,
	}
	if err := s.store.SaveAssessment(ctx, a); err != nil {
		t.Fatal(err)
	}
	f := &imhars.ComponentFindings{
		AuditID: d.audit.ID, ComponentKey: "ethos",
		Tiers: map[imhars.Tier]imhars.TierNote{
			imhars.TierUniversal:  {Text: "Circle time in every class.", Coverage: imhars.CoverageGood},
			imhars.TierTargeted:   {Text: "Nurture group twice a week.", Coverage: imhars.CoveragePartial},
			imhars.TierSpecialist: {Text: "Referrals to CAMHS.", Coverage: imhars.CoverageGap},
		},
		WorksWell: "Staff know pupils well.", Improve: "Lunchtimes.", NextSteps: "Train lunchtime staff.",
		UpdatedBy: d.admin.Name,
	}
	if err := s.store.SaveFindings(ctx, f); err != nil {
		t.Fatal(err)
	}
}

// sideways is the page's width against the viewport's, with the elements
// that reach past the right edge.
type sideways struct {
	ScrollWidth int      `json:"scrollWidth"`
	ClientWidth int      `json:"clientWidth"`
	TooWide     []string `json:"tooWide"` // the first few, as tag and class
}

const sidewaysScript = `(() => {
	const root = document.documentElement;
	const tooWide = [];
	for (const e of document.body.querySelectorAll('*')) {
		if (e.getBoundingClientRect().right > root.clientWidth + 1 && tooWide.length < 5) {
			tooWide.push(e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''));
		}
	}
	return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, tooWide};
})()`

// wantNoSidewaysScroll checks that the page fits the viewport's width. One
// pixel is allowed for rounding.
func (s *session) wantNoSidewaysScroll() {
	s.t.Helper()
	w := run(s, "measure the page width", chromedp.Evaluate[sideways](sidewaysScript))
	if w.ScrollWidth > w.ClientWidth+1 {
		s.t.Errorf("page is %d px wide on a %d px viewport, so it scrolls sideways; too wide: %s",
			w.ScrollWidth, w.ClientWidth, strings.Join(w.TooWide, ", "))
	}
}

// menuState is what a user sees of the service navigation.
type menuState struct {
	ToggleShown bool   `json:"toggleShown"`
	Expanded    string `json:"expanded"` // the toggle's aria-expanded
	ListShown   bool   `json:"listShown"`
	HomeShown   bool   `json:"homeShown"` // the "Your schools" link
}

const menuScript = `(() => {
	const displayed = e => !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
	const toggle = document.querySelector('.govuk-service-navigation__toggle');
	return {
		toggleShown: displayed(toggle),
		expanded: toggle ? toggle.getAttribute('aria-expanded') ?? '' : '',
		listShown: displayed(document.querySelector('#navigation')),
		homeShown: displayed(document.querySelector('#navigation a[href="/"]')),
	};
})()`

// wantMenuToggle checks that the navigation starts folded behind the
// "Menu" button, and that the button opens it.
func (s *session) wantMenuToggle() {
	s.t.Helper()
	closed := menuState{ToggleShown: true, Expanded: "false"}
	if got := run(s, "read the menu", chromedp.Evaluate[menuState](menuScript)); got != closed {
		s.t.Fatalf("menu on load = %+v, want %+v", got, closed)
	}
	s.do("open the menu", chromedp.Click(button("Menu")))
	open := menuState{ToggleShown: true, Expanded: "true", ListShown: true, HomeShown: true}
	if got := run(s, "read the menu", chromedp.Evaluate[menuState](menuScript)); got != open {
		s.t.Fatalf("menu after pressing Menu = %+v, want %+v", got, open)
	}
}
