package pdf

import (
	"fmt"

	"github.com/imhars/imhars"
)

// Bar chart geometry in millimetres. The track is 100 mm long, so one
// percentage point is one millimetre.
const (
	trackWidth  = 100.0
	barHeight   = 5.0
	chartRowH   = 13.0
	markerWidth = 0.8
)

// scoreChart draws one horizontal bar per component, with a vertical marker
// at the previous audit's score. Every bar carries its figures as text, so
// the chart reads the same in greyscale.
func (d *document) scoreChart(r *imhars.Report) {
	d.heading("Score by component", heading2Size)
	if r.Previous != nil && hasChange(r) {
		d.chartLegend(r.Audit.AcademicYear, r.Previous.AcademicYear)
	}
	for _, c := range r.Components {
		d.ensureSpace(chartRowH)
		d.chartRow(c)
	}
	d.pdf.Ln(lineH)
}

func (d *document) chartLegend(current, previous string) {
	x, y := d.pdf.GetX(), d.pdf.GetY()
	d.setFill(barFill)
	d.pdf.Rect(x, y+1, 5, 3.5, "F")
	d.setFont("", smallSize+1)
	d.pdf.SetXY(x+6, y)
	d.pdf.CellFormat(40, lineH, d.text("Score in "+current), "", 0, "L", false, 0, "")
	d.marker(x+48, y, y+lineH)
	d.pdf.SetXY(x+50, y)
	d.pdf.CellFormat(40, lineH, d.text("Score in "+previous), "", 1, "L", false, 0, "")
	d.pdf.Ln(2)
}

func (d *document) chartRow(c imhars.ComponentReport) {
	d.setFont("", bodySize)
	label := fmt.Sprintf("%s (%d of %d assessed)", componentName(c.Component), c.Score.Assessed, c.Score.Total)
	d.pdf.CellFormat(0, lineH, d.text(label), "", 1, "L", false, 0, "")

	x, y := d.pdf.GetX(), d.pdf.GetY()
	if !c.Score.HasScore() {
		d.setColor(secondaryText)
		d.pdf.CellFormat(trackWidth, barHeight+1, "Not assessed", "", 1, "L", false, 0, "")
		d.setColor(bodyText)
		d.pdf.SetY(y + chartRowH - lineH)
		return
	}

	top := y + 0.5
	d.setFill(trackFill)
	d.pdf.Rect(x, top, trackWidth, barHeight, "F")
	d.setFill(barFill)
	d.pdf.Rect(x, top, trackWidth*float64(c.Score.Percent())/100, barHeight, "F")
	if c.Change != nil {
		d.marker(x+trackWidth*float64(c.Change.PreviousPercent)/100, top-1, top+barHeight+1)
	}

	d.pdf.SetXY(x+trackWidth+4, y)
	d.setFont("B", bodySize)
	percent := fmt.Sprintf("%d%%", c.Score.Percent())
	d.pdf.CellFormat(d.pdf.GetStringWidth(percent)+2, barHeight+1, percent, "", 0, "L", false, 0, "")
	if c.Change != nil {
		d.setFont("", smallSize+1)
		d.setColor(secondaryText)
		previous := fmt.Sprintf("was %d%% in %s", c.Change.PreviousPercent, c.Change.PreviousYear)
		d.pdf.CellFormat(0, barHeight+1, d.text(previous), "", 0, "L", false, 0, "")
		d.setColor(bodyText)
	}
	d.pdf.SetXY(x, y+chartRowH-lineH)
}

// marker draws the previous score's vertical line from top to bottom at x.
func (d *document) marker(x, top, bottom float64) {
	d.pdf.SetDrawColor(bodyText.r, bodyText.g, bodyText.b)
	d.pdf.SetLineWidth(markerWidth)
	d.pdf.Line(x, top, x, bottom)
	d.pdf.SetLineWidth(0.2)
}

func hasChange(r *imhars.Report) bool {
	for _, c := range r.Components {
		if c.Change != nil {
			return true
		}
	}
	return false
}
