package xlsx

import (
	"strings"

	"github.com/imhars/imhars"
)

// summary writes one row per component and a last row for all components.
// Scores are whole percentages, and a component with nothing assessed has
// an empty score.
func (b *book) summary(r *imhars.Report) error {
	change := "Change (percentage points)"
	if r.Previous != nil {
		change = "Change since " + r.Previous.AcademicYear + " (percentage points)"
	}
	columns := []column{
		{"Component", 36}, {"Score (%)", 10}, {"Points", 9}, {"Possible", 9},
		{"Assessed", 10}, {"Total", 8}, {change, 18},
	}
	s := b.newSheet(SummarySheet, columns)
	for _, c := range r.Components {
		var delta any
		if c.Change != nil {
			delta = c.Change.Delta
		}
		cells := append([]any{componentName(c.Component)}, scoreCells(c.Score)...)
		s.addRow(append(cells, delta)...)
	}
	s.addRow(append([]any{"All components"}, scoreCells(r.Overall)...)...)
	return s.finish(len(columns))
}

func scoreCells(score imhars.Score) []any {
	var percent any
	if score.HasScore() {
		percent = score.Percent()
	}
	return []any{percent, score.Points, score.Possible, score.Assessed, score.Total}
}

// practices writes one row per practice, in framework order.
func (b *book) practices(r *imhars.Report) error {
	columns := []column{
		{"Component", 28}, {"Practice number", 9}, {"Practice key", 22}, {"Practice text", 48},
		{"Rating", 16}, {"Rating points", 9}, {"Priority", 10}, {"Evidence kinds", 26},
		{"Evidence", 70}, {"Updated by", 18}, {"Updated at (UTC)", 17},
	}
	s := b.newSheet(PracticesSheet, columns)
	for _, c := range r.Components {
		for _, row := range c.Practices {
			s.addRow(practiceCells(c.Component, row)...)
		}
	}
	return s.finish(len(columns))
}

func practiceCells(c *imhars.Component, row imhars.PracticeRow) []any {
	a := row.Assessment
	var points, updated any
	if a.Rating.Assessed() {
		points = int(a.Rating)
	}
	if !a.UpdatedAt.IsZero() {
		updated = a.UpdatedAt
	}
	kinds := make([]string, len(a.Kinds))
	for i, k := range a.Kinds {
		kinds[i] = k.Label()
	}
	return []any{
		componentName(c), row.Practice.Number, row.Practice.Key, row.Practice.Text,
		a.Rating.Label(), points, a.Priority.Label(), strings.Join(kinds, "; "),
		a.Evidence, a.UpdatedBy, updated,
	}
}

// findings writes one row per component with what it offers at each tier,
// the coverage of each tier, and the written findings.
func (b *book) findings(r *imhars.Report) error {
	columns := []column{{"Component", 28}}
	for _, t := range imhars.Tiers {
		columns = append(columns,
			column{t.Label() + ": what is in place", 40},
			column{t.Label() + ": coverage", 16})
	}
	columns = append(columns,
		column{"What works well", 48}, column{"Areas for improvement", 48}, column{"Next steps", 48})

	s := b.newSheet(FindingsSheet, columns)
	for _, c := range r.Components {
		f := c.Findings
		cells := []any{componentName(c.Component)}
		for _, t := range imhars.Tiers {
			note := f.Tier(t)
			cells = append(cells, note.Text, note.Coverage.Label())
		}
		cells = append(cells, f.WorksWell, f.Improve, f.NextSteps)
		s.addRow(cells...)
	}
	return s.finish(len(columns))
}
