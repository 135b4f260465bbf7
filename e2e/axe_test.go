package e2e

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"
)

// axeTags selects the axe-core rules tagged for WCAG 2.0 and 2.1 at levels
// A and AA, and for WCAG 2.2 at level AA.
const axeTags = `['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']`

// maxTargets is how many elements a reported violation lists.
const maxTargets = 5

// axeViolation is one failed axe-core rule on one page.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"` // minor, moderate, serious or critical
	Help    string   `json:"help"`
	Nodes   int      `json:"nodes"`   // how many elements fail the rule
	Targets []string `json:"targets"` // CSS selectors of the first few of them
}

func (v axeViolation) String() string {
	s := fmt.Sprintf("%s (%s): %s; %d element", v.ID, v.Impact, v.Help, v.Nodes)
	if v.Nodes != 1 {
		s += "s"
	}
	if len(v.Targets) > 0 {
		s += ": " + strings.Join(v.Targets, ", ")
		if v.Nodes > len(v.Targets) {
			s += ", …"
		}
	}
	return s
}

// seriousViolations returns the violations with impact serious or critical.
func seriousViolations(all []axeViolation) []axeViolation {
	var out []axeViolation
	for _, v := range all {
		if v.Impact == "serious" || v.Impact == "critical" {
			out = append(out, v)
		}
	}
	return out
}

// readAxeSource returns axe.min.js from node_modules at the repository root.
func readAxeSource(t *testing.T) string {
	t.Helper()
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(root, "node_modules", "axe-core", "axe.min.js")
	src, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("%s is missing: run make assets to install the npm packages", path)
	} else if err != nil {
		t.Fatalf("read axe-core: %v", err)
	}
	return string(src)
}

// repoRoot returns the working directory, or the nearest folder above it,
// that contains go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("find the repository root: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("find the repository root: no go.mod above the working directory")
		}
		dir = parent
	}
}

// runAxe injects axe-core into the page, unless an earlier check on the
// same document did, and returns every violation it finds. The injection
// goes through the DevTools protocol, which the page's
// Content-Security-Policy does not restrict, so the application never
// serves axe-core itself.
func (s *session) runAxe() []axeViolation {
	s.t.Helper()
	if !run(s, "look for axe-core", chromedp.Evaluate[bool](`typeof window.axe === 'object'`)) {
		run(s, "inject axe-core", chromedp.Evaluate[chromedp.Void](s.axeSource))
	}
	expr := fmt.Sprintf(`axe.run(document, {runOnly: {type: 'tag', values: %s}}).then(r =>
		r.violations.map(v => ({
			id: v.id,
			impact: v.impact ?? '',
			help: v.help,
			nodes: v.nodes.length,
			targets: v.nodes.slice(0, %d).map(n => n.target.flat().join(' ')),
		})))`, axeTags, maxTargets)
	return run(s, "run axe-core", chromedp.Evaluate[[]axeViolation](expr, chromedp.EvalAwaitPromise))
}

func TestSeriousViolations(t *testing.T) {
	contrast := axeViolation{ID: "color-contrast", Impact: "serious", Help: "Elements must meet minimum color contrast ratio thresholds",
		Nodes: 7, Targets: []string{"a.one", "a.two", "a.three", "a.four", "a.five"}}
	label := axeViolation{ID: "label", Impact: "critical", Help: "Form elements must have labels", Nodes: 1, Targets: []string{"#evidence"}}
	region := axeViolation{ID: "region", Impact: "moderate", Help: "All page content should be contained by landmarks", Nodes: 2}

	tests := []struct {
		name string
		in   []axeViolation
		want []string
	}{
		{"none", nil, nil},
		{"moderate only", []axeViolation{region}, nil},
		{
			"serious and critical kept in order",
			[]axeViolation{contrast, region, label},
			[]string{
				"color-contrast (serious): Elements must meet minimum color contrast ratio thresholds; 7 elements: a.one, a.two, a.three, a.four, a.five, …",
				"label (critical): Form elements must have labels; 1 element: #evidence",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, v := range seriousViolations(tt.in) {
				got = append(got, v.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("seriousViolations (-want +got):\n%s", diff)
			}
		})
	}
}
