package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/imhars/imhars/internal/reporttest"
)

// viewsText returns the text of the pages from the questionnaire section
// up to the first component's page.
func viewsText(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	in := false
	for i, lines := range pageTexts(t, renderPlain(t, reporttest.Views())) {
		if len(lines) > 0 && lines[0] == "What staff, pupils, parents and governors said" {
			in = true
		}
		if in && len(lines) > 0 && strings.HasPrefix(lines[0], "1. Ethos and environment") {
			break
		}
		if in {
			fmt.Fprintf(&b, "--- page %d ---\n", i+1)
			for _, line := range lines {
				b.WriteString(line + "\n")
			}
		}
	}
	return b.String()
}

func TestWriteViewsGoldenText(t *testing.T) {
	reporttest.CompareGolden(t, "views.txt", []byte(viewsText(t)))
}

func TestWriteViews(t *testing.T) {
	text := viewsText(t)
	joined := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"Fewer than 5 responses",
		"No responses yet (n = 0)",
		"Total not shown because a group is too small to report",
		"Mean 3.65 of 5, n = 17",
		"Fewer than 5 answers to this statement",
		"No answers on the scale (n = 0); 6 don't know",
		"Large difference",
		"Team rating and stakeholder views: 2. Relationships",
		`=HYPERLINK("https://example.org","Click")`,
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("views section does not contain %q", want)
		}
	}
	for _, leak := range []string{"hurt myself", "NaN", "Inf", "0.00", "19 responses", "2 responses"} {
		if strings.Contains(joined, leak) {
			t.Errorf("views section contains %q", leak)
		}
	}
}

func TestWriteWithoutViewsUnchanged(t *testing.T) {
	for _, lines := range pageTexts(t, renderPlain(t, reporttest.Sample())) {
		for _, line := range lines {
			if strings.Contains(line, "What staff, pupils, parents and governors said") {
				t.Fatal("a report without questionnaires has a views section")
			}
		}
	}
}
