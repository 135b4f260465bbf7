package e2e

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"
)

// TestMainFlow walks through a school's first audit as a new administrator
// does: setup, a school, an audit, two practices rated, findings written,
// the report read and its PDF downloaded.
func TestMainFlow(t *testing.T) {
	s := newSession(t)

	s.open("/")
	s.wantHeading("Create the first administrator")
	s.do("fill in the administrator",
		chromedp.SendKeys(chromedp.ID("name"), "Ada Lovelace"),
		chromedp.SendKeys(chromedp.ID("email"), "ada@example.org"),
		chromedp.SendKeys(chromedp.ID("password"), testPassword),
	)
	s.follow("create the administrator", chromedp.Click(button("Create account")))
	s.wantHeading("Add a school")
	s.wantBanner("Your administrator account is ready. Next, add your school.")

	s.do("fill in the school",
		chromedp.SendKeys(chromedp.ID("name"), "Highbury Fields Primary"),
		chromedp.Click(label("phase")),
	)
	s.follow("add the school", chromedp.Click(button("Add school")))
	s.wantHeading("Highbury Fields Primary")
	s.wantBanner("Highbury Fields Primary has been added. You are its audit lead: invite your team, then start an audit.")

	s.follow("open the audit form", chromedp.Click(link("Start an audit")))
	s.wantHeading("Start an audit")
	if year := run(s, "read the academic year", chromedp.Value(chromedp.ID("academic_year"))); year != "2026/27" {
		t.Errorf("academic year prefilled as %q, want 2026/27", year)
	}
	s.do("choose the framework", chromedp.Click(label("framework")))
	s.follow("start the audit", chromedp.Click(button("Start audit")))
	s.wantHeading("Audit 2026/27")
	s.wantBanner("Audit for 2026/27 started. Work through each component below, in any order.")
	s.wantText("#progress-text", "0 of 42 practices assessed (0%). Findings written for 0 of 7 components.")

	s.follow("open component 1", chromedp.Click(link("1. Ethos and environment")))
	s.wantHeadingPrefix("Ethos and environment")
	s.follow("open practice 1.1", chromedp.Click(link("Assess practice 1.1")))
	s.wantHeadingPrefix("1.1 ")
	s.assessPractice(assessment{
		rating:   "rating-3",
		kinds:    []string{"kinds-observation", "kinds-learning-walk"},
		evidence: "Seen in every class on the learning walk.",
		priority: "priority-low",
	})
	s.follow("save practice 1.1 and continue", chromedp.Click(button("Save and go to practice 1.2")))
	s.wantHeadingPrefix("1.2 ")
	s.wantBanner("Practice 1.1 saved.")

	s.assessPractice(assessment{
		rating:   "rating-1",
		kinds:    []string{"kinds-documents"},
		evidence: "Only in the development plan so far.",
		priority: "priority",
	})
	s.follow("save practice 1.2", chromedp.Click(button("Save")))
	s.wantHeadingPrefix("Ethos and environment")
	s.wantBanner("Practice 1.2 saved.")
	ratings := s.texts(".govuk-summary-card .govuk-tag")
	if diff := cmp.Diff([]string{"Embedded", "Emerging"}, ratings[:min(2, len(ratings))]); diff != "" {
		t.Errorf("ratings of practices 1.1 and 1.2 on the component page (-want +got):\n%s", diff)
	}

	s.follow("open the findings form", chromedp.Click(link("Write findings")))
	s.wantHeading("Findings")
	s.do("write the findings",
		chromedp.SendKeys(chromedp.ID("tier_universal"), "Circle time in every class."),
		chromedp.Click(label("coverage_universal-good")),
		chromedp.SendKeys(chromedp.ID("tier_targeted"), "Nurture group twice a week."),
		chromedp.Click(label("coverage_targeted-partial")),
		chromedp.SendKeys(chromedp.ID("tier_specialist"), "Nothing beyond referrals yet."),
		chromedp.Click(label("coverage_specialist")),
		chromedp.SendKeys(chromedp.ID("works_well"), "Staff know pupils well."),
		chromedp.SendKeys(chromedp.ID("improve"), "Lunchtimes are less consistent."),
		chromedp.SendKeys(chromedp.ID("next_steps"), "Train lunchtime staff this term."),
	)
	s.follow("save the findings", chromedp.Click(button("Save findings")))
	s.wantHeading("Audit 2026/27")
	s.wantBanner("Findings for Ethos and environment saved.")
	s.wantText("#progress-text", "2 of 42 practices assessed (4%). Findings written for 1 of 7 components.")

	s.follow("open the report", chromedp.Click(link("View report")))
	s.wantHeading("Audit report 2026/27")
	s.checkReport()
	s.checkPDFDownload()
}

// assessment is what a user enters on a practice page, each choice named by
// the id of its radio or checkbox.
type assessment struct {
	rating   string
	kinds    []string
	evidence string
	priority string
}

func (s *session) assessPractice(a assessment) {
	s.t.Helper()
	actions := []chromedp.Action[chromedp.Void]{chromedp.Click(label(a.rating))}
	for _, kind := range a.kinds {
		actions = append(actions, chromedp.Click(label(kind)))
	}
	actions = append(actions,
		chromedp.SendKeys(chromedp.ID("evidence"), a.evidence),
		chromedp.Click(label(a.priority)),
	)
	s.do("assess the practice", actions...)
}

// checkReport checks the report's overall score, chart and tier grid after
// practice 1.1 was rated Embedded (3 points) and 1.2 Emerging (1 point).
func (s *session) checkReport() {
	t := s.t
	t.Helper()
	// 3 + 1 points of the 6 possible for the two practices assessed.
	const overall = "Overall: 67% (4 of 6 points), from 2 of 42 practices assessed."
	if got := s.texts("main p"); !slices.Contains(got, overall) {
		t.Errorf("report has no paragraph %q; paragraphs:\n%s", overall, strings.Join(got, "\n"))
	}

	chart := run(s, "read the chart", chromedp.Evaluate[*struct {
		Label string `json:"label"`
		Bars  int    `json:"bars"`
	}](`(() => {
		const svg = document.querySelector('figure.app-chart svg[role=img]');
		if (!svg) return null;
		const title = svg.querySelector('title');
		return {label: svg.getAttribute('aria-label') || (title ? title.textContent : ''), bars: svg.querySelectorAll('rect').length};
	})()`))
	switch {
	case chart == nil:
		t.Error("report has no chart drawn as svg[role=img]")
	case chart.Label == "":
		t.Error("chart has neither aria-label nor title")
	case chart.Bars == 0:
		t.Error("chart has no bars")
	}

	grid := s.texts(".app-tier-grid tbody tr:first-child > *")
	want := []string{"1. Ethos and environment", "Well in place", "Partly in place", "Gap"}
	if diff := cmp.Diff(want, grid); diff != "" {
		t.Errorf("tier grid row for component 1 (-want +got):\n%s", diff)
	}
}

// checkPDFDownload clicks "Download PDF" and checks the file the browser
// saves.
func (s *session) checkPDFDownload() {
	t := s.t
	t.Helper()
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(s.ctx, stepTimeout)
	defer cancel()
	progress := chromedp.Events(ctx, browser.DownloadProgress)
	s.do("download the PDF",
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior:      browser.SetDownloadBehaviorBehaviorAllowAndName,
				DownloadPath:  dir,
				EventsEnabled: new(true),
			})
			return err
		}),
		chromedp.Click(link("Download PDF")),
	)

	var guid string
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("wait for the PDF download: %v", err)
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			t.Fatal("the browser cancelled the PDF download")
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			guid = ev.GUID
			break
		}
	}
	pdf, err := os.ReadFile(filepath.Join(dir, guid))
	if err != nil {
		t.Fatalf("read the downloaded PDF: %v", err)
	}
	if !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Errorf("downloaded report starts %q, want %%PDF-", pdf[:min(len(pdf), 16)])
	}
}
