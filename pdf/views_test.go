package pdf

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/imhars/imhars"
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

// groupHeaderLines returns the lines drawn for the group columns' headers
// of the first table of team ratings and group views: those after the
// header "Team rating", on one line or two, and before the first
// practice's number.
func groupHeaderLines(t *testing.T, r imhars.Report) []string {
	t.Helper()
	lines := flatten(pageTexts(t, renderPlain(t, r)))
	start := slices.Index(lines, "Team rating")
	if start < 0 {
		start = slices.Index(lines, "Team") + 1
		if start == 0 || start >= len(lines) || lines[start] != "rating" {
			t.Fatal("no table of team ratings and group views")
		}
	}
	var out []string
	for _, line := range lines[start+1:] {
		if strings.HasPrefix(line, "1.1 ") {
			break
		}
		out = append(out, line)
	}
	return out
}

func TestWriteViewsGroupHeaders(t *testing.T) {
	r := reporttest.Views()
	items := []imhars.Item{{ID: "i1", PracticeKey: "ethos.respect", ComponentKey: "ethos", Position: 1}}
	r.Views = nil
	var labels []string
	for i, a := range imhars.Audiences {
		q := imhars.Questionnaire{ID: int64(i + 1), Audience: a, Title: a.Label() + " questionnaire, autumn term"}
		r.Views = append(r.Views, imhars.NewGroupView(q, items, 0, nil, nil, r.Privacy))
		labels = append(labels, a.Label())
	}
	words := map[string]bool{}
	for _, l := range labels {
		for _, w := range strings.Fields(l) {
			words[w] = true
		}
	}

	lines := groupHeaderLines(t, r)
	for _, line := range lines {
		for _, w := range strings.Fields(line) {
			if !words[w] {
				t.Errorf("header line %q has %q, which is not a whole word of an audience's label", line, w)
			}
		}
	}
	if got, want := strings.Join(lines, " "), strings.Join(labels, " "); got != want {
		t.Errorf("headers = %q, want the audiences' labels %q", got, want)
	}
}

func TestGroupHeaders(t *testing.T) {
	view := func(a imhars.Audience, title string) imhars.GroupView {
		return imhars.GroupView{GroupResult: imhars.GroupResult{
			Questionnaire: imhars.Questionnaire{Audience: a, Title: title}}}
	}
	tests := []struct {
		name  string
		views []imhars.GroupView
		want  []string
	}{
		{"one each", []imhars.GroupView{
			view(imhars.AudienceGovernors, "Governors questionnaire"),
			view(imhars.AudienceParents, "Parents, spring"),
		}, []string{"Governors", "Parents and carers"}},
		{"staff twice", []imhars.GroupView{
			view(imhars.AudienceStaff, "Autumn"),
			view(imhars.AudienceStaff, "Spring"),
			view(imhars.AudienceParents, "Parents, spring"),
		}, []string{"Staff (Autumn)", "Staff (Spring)", "Parents and carers"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, groupHeaders(tt.views)); diff != "" {
				t.Errorf("headers (-want +got):\n%s", diff)
			}
		})
	}
}
