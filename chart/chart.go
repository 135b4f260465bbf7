// Package chart draws the audit report's scores as SVG for the web page.
// The markup has no script, no event handlers and no style attributes, so it
// works under a Content-Security-Policy of style-src 'self', and every
// colour is set with SVG presentation attributes.
package chart

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/imhars/imhars"
)

// Ids of the chart's title and description. Because they are fixed, a page
// may contain the chart only once.
const (
	TitleID       = "component-scores-title"
	DescriptionID = "component-scores-desc"
)

// Geometry in viewBox units. The bar track runs from x=0 to trackWidth, and
// the figures sit in a column to its right.
const (
	width       = 640
	trackWidth  = 400
	figuresX    = trackWidth + 12
	legendSize  = 32
	rowHeight   = 54
	maxLabelLen = 60 // runes of the component title before it is cut with "…"
)

//go:embed chart.svg.tmpl
var chartTemplateText string

var chartTemplate = template.Must(template.New("chart").Parse(chartTemplateText))

// WriteSVG writes the horizontal bar chart of every component's score in r
// as one <svg> element, which is also a valid standalone SVG file.
func WriteSVG(w io.Writer, r *imhars.Report) error {
	if err := chartTemplate.Execute(w, newView(r)); err != nil {
		return fmt.Errorf("write score chart: %w", err)
	}
	return nil
}

// ComponentScores returns the chart that WriteSVG writes, for use inside an
// html/template page.
func ComponentScores(r *imhars.Report) template.HTML {
	var buf bytes.Buffer
	if err := WriteSVG(&buf, r); err != nil {
		// Writes to a bytes.Buffer do not fail, so an error here means the
		// template does not fit the view type.
		panic(err)
	}
	return template.HTML(buf.String())
}

// view is the template's data. Every coordinate is computed here, so the
// template only places values.
type view struct {
	Width, Height int
	TitleID       string
	DescriptionID string
	Title         string
	Description   string
	Legend        *legend
	Rows          []row
	TrackWidth    int
	FiguresX      int
}

type legend struct {
	CurrentYear  string
	PreviousYear string
}

type row struct {
	Y         int // top of the row
	Label     string
	Count     string // such as "3 of 4 assessed"
	Scored    bool
	BarWidth  int
	Percent   string
	Previous  string // such as "was 33% in 2025/26", empty without a Change
	MarkerX   int
	HasMarker bool
}

func newView(r *imhars.Report) view {
	v := view{
		Width:         width,
		TitleID:       TitleID,
		DescriptionID: DescriptionID,
		Title:         "Score by component, " + r.Audit.AcademicYear,
		Description:   describe(r),
		TrackWidth:    trackWidth,
		FiguresX:      figuresX,
	}
	top := 0
	if r.Previous != nil && anyChange(r) {
		v.Legend = &legend{CurrentYear: r.Audit.AcademicYear, PreviousYear: r.Previous.AcademicYear}
		top = legendSize
	}
	for i, c := range r.Components {
		v.Rows = append(v.Rows, newRow(c, top+i*rowHeight))
	}
	v.Height = top + len(r.Components)*rowHeight
	return v
}

func newRow(c imhars.ComponentReport, y int) row {
	rw := row{
		Y:      y,
		Label:  truncate(fmt.Sprintf("%d. %s", c.Component.Number, c.Component.Title), maxLabelLen),
		Count:  fmt.Sprintf("%d of %d assessed", c.Score.Assessed, c.Score.Total),
		Scored: c.Score.HasScore(),
	}
	if !rw.Scored {
		return rw
	}
	rw.BarWidth = scale(c.Score.Percent())
	rw.Percent = fmt.Sprintf("%d%%", c.Score.Percent())
	if c.Change != nil {
		rw.HasMarker = true
		rw.MarkerX = scale(c.Change.PreviousPercent)
		rw.Previous = fmt.Sprintf("was %d%% in %s", c.Change.PreviousPercent, c.Change.PreviousYear)
	}
	return rw
}

// scale converts a percentage to a length along the track.
func scale(percent int) int {
	return percent * trackWidth / 100
}

func anyChange(r *imhars.Report) bool {
	for _, c := range r.Components {
		if c.Change != nil {
			return true
		}
	}
	return false
}

// describe returns the chart's text equivalent: one sentence per component
// with every figure the bars show.
func describe(r *imhars.Report) string {
	var b strings.Builder
	b.WriteString("Each score is points earned as a share of points possible, " +
		"counting only practices assessed so far.")
	for _, c := range r.Components {
		fmt.Fprintf(&b, " %d. %s: ", c.Component.Number, c.Component.Title)
		if c.Score.HasScore() {
			fmt.Fprintf(&b, "%d%%", c.Score.Percent())
		} else {
			b.WriteString("not assessed")
		}
		fmt.Fprintf(&b, ", %d of %d practices assessed", c.Score.Assessed, c.Score.Total)
		if c.Change != nil {
			fmt.Fprintf(&b, ", %d%% in %s", c.Change.PreviousPercent, c.Change.PreviousYear)
		}
		b.WriteString(".")
	}
	return b.String()
}

func truncate(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	runes := []rune(s)
	return strings.TrimSpace(string(runes[:max-1])) + "…"
}
