package chart

import (
	"bytes"
	"encoding/xml"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/internal/reporttest"
)

// node is a generic XML element, enough to walk the SVG in tests.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []node     `xml:",any"`
	Text    string     `xml:",chardata"`
}

func (n node) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// walk calls fn for n and every element below it, passing the fill that
// applies to each through inheritance.
func (n node) walk(fill string, fn func(n node, fill string)) {
	if f := n.attr("fill"); f != "" {
		fill = f
	}
	fn(n, fill)
	for _, c := range n.Nodes {
		c.walk(fill, fn)
	}
}

// text returns the character data of n and its descendants.
func (n node) text() string {
	s := n.Text
	for _, c := range n.Nodes {
		s += " " + c.text()
	}
	return strings.Join(strings.Fields(s), " ")
}

func (n node) count(name string) int {
	total := 0
	n.walk("", func(m node, _ string) {
		if m.XMLName.Local == name {
			total++
		}
	})
	return total
}

func render(t *testing.T, r imhars.Report) (string, node) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteSVG(&buf, &r); err != nil {
		t.Fatalf("WriteSVG: %v", err)
	}
	var root node
	if err := xml.Unmarshal(buf.Bytes(), &root); err != nil {
		t.Fatalf("parse SVG: %v\n%s", err, buf.String())
	}
	return buf.String(), root
}

// rows returns the row groups, one per component.
func rows(root node) []node {
	var out []node
	for _, n := range root.Nodes {
		if n.XMLName.Local == "g" && strings.HasPrefix(n.attr("transform"), "translate") {
			out = append(out, n)
		}
	}
	return out
}

func TestWriteSVGGolden(t *testing.T) {
	got, _ := render(t, reporttest.Sample())
	reporttest.CompareGolden(t, "sample.svg", []byte(got))
}

func TestWriteSVGAccessible(t *testing.T) {
	_, root := render(t, reporttest.Sample())

	checks := []struct{ attr, want string }{
		{"role", "img"},
		{"aria-labelledby", TitleID + " " + DescriptionID},
		{"width", "100%"},
		{"viewBox", "0 0 640 194"},
	}
	for _, c := range checks {
		if got := root.attr(c.attr); got != c.want {
			t.Errorf("svg %s = %q, want %q", c.attr, got, c.want)
		}
	}

	ids := map[string]string{}
	root.walk("", func(n node, _ string) {
		if id := n.attr("id"); id != "" {
			ids[id] = n.XMLName.Local
		}
	})
	if diff := cmp.Diff(map[string]string{TitleID: "title", DescriptionID: "desc"}, ids); diff != "" {
		t.Errorf("element ids (-want +got):\n%s", diff)
	}
}

func TestWriteSVGNoScriptOrStyle(t *testing.T) {
	_, root := render(t, reporttest.Sample())
	root.walk("", func(n node, _ string) {
		if n.XMLName.Local == "script" || n.XMLName.Local == "style" {
			t.Errorf("found a <%s> element", n.XMLName.Local)
		}
		for _, a := range n.Attrs {
			if a.Name.Local == "style" || strings.HasPrefix(a.Name.Local, "on") {
				t.Errorf("<%s> has attribute %s", n.XMLName.Local, a.Name.Local)
			}
		}
	})
}

func TestWriteSVGTextContrast(t *testing.T) {
	_, root := render(t, reporttest.Sample())
	root.walk("", func(n node, fill string) {
		name := n.XMLName.Local
		if name != "text" && name != "tspan" {
			return
		}
		// Every text element sits beside the bars, on the white page.
		if ratio := contrast(t, fill, "#ffffff"); ratio < 4.5 {
			t.Errorf("text %q in %s has contrast %.2f on white, want at least 4.5", n.text(), fill, ratio)
		}
	})
}

func TestWriteSVGRows(t *testing.T) {
	_, root := render(t, reporttest.Sample())
	got := rows(root)
	tests := []struct {
		name    string
		text    string
		bars    int // rects: the track and the bar
		markers int
	}{
		{"improved", "1. Ethos and environment (3 of 4 assessed) 67% was 33% in 2025/26", 2, 1},
		{"fell back", "2. Relationships (3 of 4 assessed) 33% was 56% in 2025/26", 2, 1},
		{"not assessed", "3. Learning (0 of 4 assessed) Not assessed", 0, 0},
	}
	if len(got) != len(tests) {
		t.Fatalf("got %d rows, want %d", len(got), len(tests))
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			row := got[i]
			if diff := cmp.Diff(tt.text, row.text()); diff != "" {
				t.Errorf("row text (-want +got):\n%s", diff)
			}
			if n := row.count("rect"); n != tt.bars {
				t.Errorf("got %d rects, want %d", n, tt.bars)
			}
			if n := row.count("line"); n != tt.markers {
				t.Errorf("got %d previous-score markers, want %d", n, tt.markers)
			}
		})
	}
}

func TestNewRowGeometry(t *testing.T) {
	r := reporttest.Sample()
	got := newRow(r.Components[0], 32)
	want := row{
		Y:         32,
		Label:     "1. Ethos and environment",
		Count:     "3 of 4 assessed",
		Scored:    true,
		BarWidth:  268, // 67% of the 400-unit track
		Percent:   "67%",
		Previous:  "was 33% in 2025/26",
		MarkerX:   132,
		HasMarker: true,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("newRow (-want +got):\n%s", diff)
	}
}

func TestWriteSVGWithoutPrevious(t *testing.T) {
	r := reporttest.Sample()
	r.Previous = nil
	for i := range r.Components {
		r.Components[i].Change = nil
	}
	_, root := render(t, r)
	if n := root.count("line"); n != 0 {
		t.Errorf("got %d marker lines, want none", n)
	}
	if strings.Contains(root.text(), "2025/26") {
		t.Errorf("chart mentions the previous year without a previous audit: %q", root.text())
	}
	if got := root.attr("viewBox"); got != "0 0 640 162" {
		t.Errorf("viewBox = %q, want the legend's height left out", got)
	}
}

func TestWriteSVGLongTitleEscaped(t *testing.T) {
	r := reporttest.Sample()
	long := *r.Components[0].Component
	long.Title = "Pupils & staff <script>alert(1)</script> share the responsibility for wellbeing across the whole school"
	r.Components[0].Component = &long

	out, root := render(t, r)
	if strings.Contains(out, "<script>") {
		t.Fatalf("title was not escaped:\n%s", out)
	}
	label := rows(root)[0].Nodes[0].Text
	if n := len([]rune(label)); n != maxLabelLen {
		t.Errorf("label has %d runes, want %d: %q", n, maxLabelLen, label)
	}
	if !strings.HasSuffix(label, "…") {
		t.Errorf("cut label %q does not end with an ellipsis", label)
	}
	desc := root.Nodes[1].Text
	if !strings.Contains(desc, long.Title) {
		t.Errorf("description %q does not hold the whole title", desc)
	}
}

func TestComponentScoresMatchesWriteSVG(t *testing.T) {
	r := reporttest.Sample()
	want, _ := render(t, r)
	if diff := cmp.Diff(want, string(ComponentScores(&r))); diff != "" {
		t.Errorf("ComponentScores differs from WriteSVG (-want +got):\n%s", diff)
	}
}

// contrast returns the WCAG 2 contrast ratio of two colours written #rrggbb.
func contrast(t *testing.T, a, b string) float64 {
	la, lb := luminance(t, a), luminance(t, b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(t *testing.T, hex string) float64 {
	t.Helper()
	if len(hex) != 7 || hex[0] != '#' {
		t.Fatalf("colour %q is not #rrggbb", hex)
	}
	var channels [3]float64
	for i := range channels {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			t.Fatalf("colour %q: %v", hex, err)
		}
		c := float64(v) / 255
		if c <= 0.04045 {
			channels[i] = c / 12.92
		} else {
			channels[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*channels[0] + 0.7152*channels[1] + 0.0722*channels[2]
}
