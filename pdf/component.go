package pdf

import (
	"fmt"
	"strings"

	"github.com/imhars/imhars"
)

// component prints one component's section: its score, strengths, priority
// areas, every practice with its evidence, and the team's findings.
func (d *document) component(c *imhars.ComponentReport) {
	title := componentName(c.Component)
	if c.Component.Provisional {
		title += " (provisional wording)"
	}
	d.heading(title, heading1Size)
	d.paragraph("Score: " + scoreText(c.Score) + ".")
	if c.Change != nil {
		d.paragraph(fmt.Sprintf("Change since %s: %s.", c.Change.PreviousYear, changeText(c.Change)))
	}

	d.heading("Strengths", heading2Size)
	d.practiceList(c.Strengths, "No practice is rated Established or Embedded yet.", strengthText)
	d.heading("Priority areas", heading2Size)
	d.practiceList(c.Priorities, "No practice is rated Not in place or Emerging.", priorityText)

	d.heading("Practices", heading2Size)
	for _, row := range c.Practices {
		d.practice(row)
	}

	d.heading("Findings", heading2Size)
	d.findings(c.Findings)
}

func (d *document) practiceList(rows []imhars.PracticeRow, empty string, format func(imhars.PracticeRow) string) {
	if len(rows) == 0 {
		d.note(empty)
		return
	}
	for _, row := range rows {
		d.bullet(format(row))
	}
}

func strengthText(row imhars.PracticeRow) string {
	return fmt.Sprintf("%s %s (%s)", row.Practice.Number, row.Practice.Text, row.Assessment.Rating.Label())
}

func priorityText(row imhars.PracticeRow) string {
	a := row.Assessment
	priority := "priority not set"
	if a.Priority != imhars.PriorityNone {
		priority = strings.ToLower(a.Priority.Label()) + " priority"
	}
	return fmt.Sprintf("%s %s (%s, %s)", row.Practice.Number, row.Practice.Text, a.Rating.Label(), priority)
}

// practice prints a practice with its rating, the kinds of evidence and the
// evidence itself, which may run across pages.
func (d *document) practice(row imhars.PracticeRow) {
	p, a := row.Practice, row.Assessment
	text := p.Number + " " + p.Text
	if p.Provisional {
		text += " (provisional wording)"
	}
	d.ensureSpace(4 * lineH)
	d.pdf.Ln(1)
	d.setFont("B", bodySize)
	d.pdf.MultiCell(0, lineH, d.text(text), "", "L", false)

	d.paragraph("Rating: " + a.Rating.Label())
	if len(a.Kinds) > 0 {
		d.paragraph("Evidence from: " + kindsText(a.Kinds))
	}
	if strings.TrimSpace(a.Evidence) == "" {
		d.note("No evidence recorded.")
	} else {
		d.paragraph(a.Evidence)
	}
	d.pdf.Ln(2)
}

func kindsText(kinds []imhars.EvidenceKind) string {
	labels := make([]string, len(kinds))
	for i, k := range kinds {
		labels[i] = k.Label()
	}
	return strings.Join(labels, ", ")
}

// findings prints the team's written findings, then what the component
// offers at each tier of need with the team's view of its coverage.
func (d *document) findings(f imhars.ComponentFindings) {
	d.field("What works well", f.WorksWell)
	d.field("Areas for improvement", f.Improve)
	d.field("Next steps", f.NextSteps)
	for _, t := range imhars.Tiers {
		note := f.Tier(t)
		label := fmt.Sprintf("%s, for %s: %s", t.Label(), t.Who(), note.Coverage.Label())
		d.field(label, note.Text)
	}
}
