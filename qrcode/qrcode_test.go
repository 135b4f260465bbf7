package qrcode

import (
	"encoding/xml"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	goqrcode "github.com/skip2/go-qrcode"
)

// svgDoc is the part of the output the tests read back.
type svgDoc struct {
	ViewBox string `xml:"viewBox,attr"`
	Width   string `xml:"width,attr"`
	Label   string `xml:"aria-label,attr"`
	Role    string `xml:"role,attr"`
	Path    struct {
		D string `xml:"d,attr"`
	} `xml:"path"`
}

var run = regexp.MustCompile(`^M(\d+) (\d+)h(\d+)v1h-(\d+)z`)

// modulesOf redraws the path into a grid of n by n modules.
func modulesOf(t *testing.T, d string, n int) [][]bool {
	t.Helper()
	grid := make([][]bool, n)
	for i := range grid {
		grid[i] = make([]bool, n)
	}
	for d != "" {
		m := run.FindStringSubmatch(d)
		if m == nil {
			t.Fatalf("path has an unexpected command at %.20q", d)
		}
		x, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[2])
		w, _ := strconv.Atoi(m[3])
		for i := x; i < x+w; i++ {
			grid[y][i] = true
		}
		d = d[len(m[0]):]
	}
	return grid
}

func TestSVGDrawsEveryModule(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{"open link", "https://imhars.example.org/q/Zx3vQ9kLmN2pR7tY"},
		{"short text", "ABC234"},
		{"long personal link", "https://imhars.example.org/q/Zx3vQ9kLmN2pR7tY?t=" + strings.Repeat("k", 43)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := SVG(tt.text, "QR code", 320)
			if err != nil {
				t.Fatal(err)
			}
			var doc svgDoc
			if err := xml.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("output is not XML: %v", err)
			}
			code, err := goqrcode.New(tt.text, goqrcode.Medium)
			if err != nil {
				t.Fatal(err)
			}
			want := code.Bitmap()
			n := len(want)
			if got, wantBox := doc.ViewBox, fmt.Sprintf("0 0 %d %d", n, n); got != wantBox {
				t.Errorf("viewBox = %q, want %q", got, wantBox)
			}
			if diff := cmp.Diff(want, modulesOf(t, doc.Path.D, n)); diff != "" {
				t.Errorf("drawn modules differ from the code (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSVGQuietZoneAndFinder(t *testing.T) {
	out, err := SVG("https://imhars.example.org/q/abc", "QR code", 320)
	if err != nil {
		t.Fatal(err)
	}
	var doc svgDoc
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	n, _ := strconv.Atoi(strings.Fields(doc.ViewBox)[2])
	grid := modulesOf(t, doc.Path.D, n)
	for y := 0; y < 4; y++ {
		for x := 0; x < n; x++ {
			if grid[y][x] || grid[n-1-y][x] || grid[x][y] || grid[x][n-1-y] {
				t.Fatalf("quiet zone has a dark module near (%d, %d)", x, y)
			}
		}
	}
	// The top-left finder pattern is a 7 by 7 dark ring, a light ring and
	// a 3 by 3 dark centre, starting after the quiet zone.
	for i := 0; i < 7; i++ {
		for _, p := range [][2]int{{i, 0}, {i, 6}, {0, i}, {6, i}} {
			if !grid[4+p[1]][4+p[0]] {
				t.Errorf("finder ring module (%d, %d) is light", p[0], p[1])
			}
		}
	}
	if !grid[4+3][4+3] {
		t.Error("finder centre is light")
	}
}

func TestSVGAttributes(t *testing.T) {
	out, err := SVG("x", `Poster "code" <A&B>`, 240)
	if err != nil {
		t.Fatal(err)
	}
	var doc svgDoc
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("label was not escaped: %v", err)
	}
	if doc.Label != `Poster "code" <A&B>` {
		t.Errorf("aria-label = %q", doc.Label)
	}
	if doc.Role != "img" {
		t.Errorf("role = %q, want img", doc.Role)
	}
	if doc.Width != "240" {
		t.Errorf("width = %q, want 240", doc.Width)
	}
}

func TestSVGTooLong(t *testing.T) {
	if _, err := SVG(strings.Repeat("x", 5000), "QR code", 320); err == nil {
		t.Error("text longer than a QR code holds: no error")
	}
}
