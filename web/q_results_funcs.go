package web

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/imhars/imhars"
)

// The results pages' template functions join the shared ones before any
// template is parsed, because package-level variables are initialised
// before init functions run and New parses the templates later.
func init() {
	templateFuncs["resultBar"] = resultBar
	templateFuncs["scaleLabel"] = scaleLabel
	templateFuncs["ratingPercent"] = imhars.RatingPercent
	templateFuncs["viewCell"] = viewCell
	templateFuncs["groupStatus"] = groupStatus
	templateFuncs["viewsTotal"] = viewsTotalText
	templateFuncs["largeGap"] = func() int { return imhars.LargeGap }
	templateFuncs["heldReason"] = func() string { return imhars.HeldReason }
	templateFuncs["heldShort"] = func() string { return imhars.HeldShort }
	templateFuncs["gapText"] = gapText
	templateFuncs["scaleLow"] = func(s imhars.Scale) imhars.ScalePoint { return s.Points[0] }
	templateFuncs["scaleHigh"] = func(s imhars.Scale) imhars.ScalePoint { return s.Points[len(s.Points)-1] }
}

// barColours are fills for the points of a scale, lowest first, from the
// GOV.UK colour palette. The bar is never the only carrier of a figure: its
// label and the table beside it give the same percentages.
var barColours = map[int][]string{
	3: {"#d4351c", "#b1b4b6", "#1d70b8"},
	5: {"#d4351c", "#f47738", "#b1b4b6", "#5694ca", "#1d70b8"},
}

// resultBar draws an item's distribution as a stacked bar in inline SVG.
// Widths are presentation attributes, which the content security policy
// allows where it forbids style attributes. An item with no answers on the
// scale gets an empty bar.
func resultBar(r imhars.ItemResult, scale imhars.Scale) template.HTML {
	var b strings.Builder
	label := "No answers on the scale"
	if r.HasAnswers() {
		label = distributionText(r, scale)
	}
	fmt.Fprintf(&b, `<svg class="app-result-bar" viewBox="0 0 100 6" width="100%%" height="16" `+
		`preserveAspectRatio="none" role="img" aria-label="%s" focusable="false">`, template.HTMLEscapeString(label))
	b.WriteString(`<rect x="0" y="0" width="100" height="6" fill="#f3f2f1" stroke="#b1b4b6" stroke-width="0.2"/>`)
	colours := barColours[len(scale.Points)]
	x := 0
	for i, p := range r.Percents {
		if p == 0 || !r.HasAnswers() {
			continue
		}
		fill := "#505a5f"
		if i < len(colours) {
			fill = colours[i]
		}
		fmt.Fprintf(&b, `<rect x="%d" y="0" width="%d" height="6" fill="%s"/>`, x, p, fill)
		x += p
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// distributionText returns the percentages in words, such as
// "Disagree 6%, Neither agree nor disagree 23%, Agree 71%".
func distributionText(r imhars.ItemResult, scale imhars.Scale) string {
	var parts []string
	for i, p := range r.Percents {
		if p > 0 && i < len(scale.Points) {
			parts = append(parts, fmt.Sprintf("%s %d%%", scale.Points[i].Label, p))
		}
	}
	return strings.Join(parts, ", ")
}

// scaleLabel returns the label of the i-th point of a scale, lowest first.
func scaleLabel(scale imhars.Scale, i int) string {
	if i < 0 || i >= len(scale.Points) {
		return ""
	}
	return scale.Points[i].Label
}

// viewCellData is the data of the q-view-cell template.
type viewCellData struct {
	Cell     imhars.ViewCell
	MinGroup int
}

func viewCell(c imhars.ViewCell, minGroup int) viewCellData {
	return viewCellData{Cell: c, MinGroup: minGroup}
}

// groupStatusData is the data of the q-group-status template.
type groupStatusData struct {
	View    imhars.GroupView
	Privacy imhars.Privacy
}

func groupStatus(v imhars.GroupView, p imhars.Privacy) groupStatusData {
	return groupStatusData{View: v, Privacy: p}
}

// totalHidden is shown in place of a total across groups that would
// reveal a suppressed group by subtraction.
const totalHidden = "Total not shown because a group is too small to report"

// viewsTotalText returns the responses of all groups in words, or
// totalHidden.
func viewsTotalText(r imhars.Report) string {
	n, ok := r.ViewsTotal()
	if !ok {
		return totalHidden
	}
	return fmt.Sprintf("%d responses", n)
}

// gapText returns a comparison's difference in words, such as "18 points
// above the team's rating".
func gapText(c imhars.Comparison) string {
	switch {
	case c.Gap > 0:
		return points(c.Gap) + " above the team's rating"
	case c.Gap < 0:
		return points(-c.Gap) + " below the team's rating"
	}
	return "the same as the team's rating"
}

func points(n int) string {
	if n == 1 {
		return "1 point"
	}
	return fmt.Sprintf("%d points", n)
}
