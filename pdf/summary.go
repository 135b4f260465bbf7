package pdf

import (
	"fmt"

	"github.com/imhars/imhars"
)

// titleBlock prints the school, the audit year, the framework and, when
// the framework is a working draft, a notice saying so.
func (d *document) titleBlock(r *imhars.Report) {
	d.setFont("B", titleSize)
	d.pdf.MultiCell(0, 10, d.text(r.School.Name), "", "L", false)
	d.setFont("", heading2Size)
	d.pdf.MultiCell(0, 7, d.text("Audit report, "+r.Audit.AcademicYear), "", "L", false)
	d.pdf.Ln(2)

	d.setFont("", bodySize)
	d.setColor(secondaryText)
	d.paragraph("Framework: " + r.Framework.Label())
	d.paragraph("Audit status: " + r.Audit.Status.Label())
	d.paragraph("Generated " + r.GeneratedAt.Format("2 January 2006"))
	d.setColor(bodyText)

	if r.Framework.Provisional {
		d.pdf.Ln(3)
		d.setFont("B", bodySize)
		d.setFill(trackFill)
		d.pdf.MultiCell(0, lineH+1, d.text("Provisional wording: parts of this framework are working "+
			"drafts and may change."), "1", "L", true)
	}
	d.pdf.Ln(2)
}

// scoreDefinition explains how every score in the report is computed and
// gives the overall score.
func (d *document) scoreDefinition(r *imhars.Report) {
	d.heading("How scores are calculated", heading2Size)
	d.paragraph(fmt.Sprintf("Each score is points earned as a share of points possible. A practice "+
		"rated %s earns 0 points, %s 1, %s 2 and %s %d. Practices not yet assessed are left "+
		"out of the score, and the number assessed is shown beside each score.",
		imhars.NotInPlace.Label(), imhars.Emerging.Label(), imhars.Established.Label(),
		imhars.Embedded.Label(), imhars.MaxPoints))
	d.pdf.Ln(2)
	d.setFont("B", bodySize)
	d.pdf.MultiCell(0, lineH, d.text("Overall score: "+scoreText(r.Overall)), "", "L", false)
}

// summaryTable lists each component's score, how many practices were
// assessed, and the change since the previous audit.
func (d *document) summaryTable(r *imhars.Report) {
	d.heading("Summary", heading2Size)
	changeHeader := "Change"
	if r.Previous != nil {
		changeHeader = "Change since " + r.Previous.AcademicYear
	}
	header := []string{"Component", "Score", "Assessed", changeHeader}
	var rows [][]string
	for _, c := range r.Components {
		score := "Not assessed"
		if c.Score.HasScore() {
			score = fmt.Sprintf("%d%%", c.Score.Percent())
		}
		rows = append(rows, []string{
			componentName(c.Component),
			score,
			fmt.Sprintf("%d of %d", c.Score.Assessed, c.Score.Total),
			changeText(c.Change),
		})
	}
	d.table([]float64{78, 24, 24, 44}, header, rows)
}

// tierGrid shows how well each component serves each tier of need.
func (d *document) tierGrid(r *imhars.Report) {
	d.heading("Coverage at each tier of need", heading2Size)
	header := []string{"Component"}
	for _, t := range imhars.Tiers {
		header = append(header, fmt.Sprintf("%s (%s)", t.Label(), t.Who()))
	}
	var rows [][]string
	for _, c := range r.Components {
		row := []string{componentName(c.Component)}
		for _, t := range imhars.Tiers {
			row = append(row, c.Findings.Tier(t).Coverage.Label())
		}
		rows = append(rows, row)
	}
	d.table([]float64{62, 36, 36, 36}, header, rows)
}

func componentName(c *imhars.Component) string {
	return fmt.Sprintf("%d. %s", c.Number, c.Title)
}

// scoreText returns a score with its count, such as "67% (3 of 4 practices
// assessed)".
func scoreText(s imhars.Score) string {
	count := fmt.Sprintf("%d of %d practices assessed", s.Assessed, s.Total)
	if !s.HasScore() {
		return "not assessed (" + count + ")"
	}
	return fmt.Sprintf("%d%% (%s)", s.Percent(), count)
}

// changeText returns a change in words, such as "up 34 points from 33%".
func changeText(c *imhars.Change) string {
	switch {
	case c == nil:
		return "No earlier score"
	case c.Delta > 0:
		return fmt.Sprintf("up %d points from %d%%", c.Delta, c.PreviousPercent)
	case c.Delta < 0:
		return fmt.Sprintf("down %d points from %d%%", -c.Delta, c.PreviousPercent)
	}
	return fmt.Sprintf("no change from %d%%", c.PreviousPercent)
}
