// Package resulttable lays out questionnaire results and responses as rows
// of cells, so that the CSV and XLSX exports share one set of columns. It
// adds nothing the privacy thresholds hid: a suppressed group is one row
// with its status and no figures.
package resulttable

import (
	"fmt"
	"strings"

	"github.com/imhars/imhars"
)

// Table is a header and rows of cells. A cell is a string, an int, a
// float64 that is never NaN or infinite, or nil for an empty cell.
type Table struct {
	Name   string
	Header []string
	Widths []float64 // column widths in characters, for spreadsheets
	Rows   [][]any
}

// maxScalePoints is the number of points of the longest scale, which sets
// the number of count and percentage columns.
const maxScalePoints = 5

// viewColumns are the columns of Views, before the counts and percentages.
var viewColumns = []struct {
	header string
	width  float64
}{
	{"Group", 24}, {"Questionnaire", 24}, {"Respondents", 14}, {"Item id", 8}, {"Item status", 10},
	{"Component", 24}, {"Practice number", 9}, {"Practice key", 22}, {"Statement", 48}, {"Scale", 26},
	{"n", 6}, {"Don't know", 8}, {"Mean", 7},
}

// comparisonColumns follow the counts and percentages.
var comparisonColumns = []string{
	"Team rating", "Team rating (0 to 100)", "Group mean (0 to 100)", "Difference (points)", "Large difference",
}

// Views returns one row per item of each group that may be shown, and one
// row with no figures for a group that may not, whose Respondents column
// says why. An item answered by fewer
// people than the minimum group size has that fact in its n column and no
// figures. Percentages are whole and add up to 100 for an item with answers.
func Views(r *imhars.Report) Table {
	t := Table{Name: "Views"}
	for _, c := range viewColumns {
		t.Header, t.Widths = append(t.Header, c.header), append(t.Widths, c.width)
	}
	for v := 1; v <= maxScalePoints; v++ {
		t.Header, t.Widths = append(t.Header, fmt.Sprintf("Count %d", v)), append(t.Widths, 8)
	}
	for v := 1; v <= maxScalePoints; v++ {
		t.Header, t.Widths = append(t.Header, fmt.Sprintf("Percent %d", v)), append(t.Widths, 8)
	}
	for _, h := range comparisonColumns {
		t.Header, t.Widths = append(t.Header, h), append(t.Widths, 12)
	}
	for _, g := range r.Views {
		t.Rows = append(t.Rows, groupRows(r, g)...)
	}
	return t
}

func groupRows(r *imhars.Report, g imhars.GroupView) [][]any {
	lead := []any{g.Questionnaire.Audience.Label(), g.Questionnaire.Title}
	switch {
	case g.HeldUntilClosed:
		return [][]any{append(lead, imhars.HeldReason)}
	case !g.HasResponses():
		return [][]any{append(lead, 0)}
	case g.Suppressed:
		return [][]any{append(lead, fmt.Sprintf("Fewer than %d responses", r.Privacy.MinGroup))}
	}
	var rows [][]any
	for _, it := range append(g.ActiveItems(), g.RetiredItems()...) {
		row := append(append([]any{}, lead...), g.Respondents)
		row = append(row, itemCells(r, g, it)...)
		rows = append(rows, row)
	}
	return rows
}

func itemCells(r *imhars.Report, g imhars.GroupView, it imhars.ItemResult) []any {
	status := "Active"
	if it.Item.Retired {
		status = "Retired"
	}
	var component, number any
	practice, comp, ok := r.Framework.Practice(it.Item.PracticeKey)
	if ok {
		component, number = fmt.Sprintf("%d. %s", comp.Number, comp.Title), practice.Number
	}
	cells := []any{it.Item.ID, status, component, number, it.Item.PracticeKey, it.Item.Text, scaleText(g.Scale)}
	if it.Suppressed {
		cells = append(cells, fmt.Sprintf("Fewer than %d answers to this statement", r.Privacy.MinGroup))
		cells = append(cells, make([]any, 2+2*maxScalePoints)...)
		return append(cells, comparisonCells(r, g, it)...)
	}
	var mean any
	if m, ok := it.RoundedMean(); ok {
		mean = m
	}
	cells = append(cells, it.N, it.DontKnow, mean)
	cells = append(cells, distribution(it)...)
	return append(cells, comparisonCells(r, g, it)...)
}

// distribution returns the counts, then the percentages, of each scale
// value, with empty cells past the end of a shorter scale. An item with no
// answers on the scale has no percentages.
func distribution(it imhars.ItemResult) []any {
	counts := make([]any, maxScalePoints)
	percents := make([]any, maxScalePoints)
	for i := range it.Counts {
		counts[i] = it.Counts[i]
		if it.HasAnswers() {
			percents[i] = it.Percents[i]
		}
	}
	return append(counts, percents...)
}

// comparisonCells returns the team's rating and, for an active item with
// answers on the scale, the comparison with the group's mean.
func comparisonCells(r *imhars.Report, g imhars.GroupView, it imhars.ItemResult) []any {
	rating := r.Rating(it.Item.PracticeKey)
	cells := []any{rating.Label(), nil, nil, nil, nil}
	if rating.Assessed() {
		cells[1] = imhars.RatingPercent(rating)
	}
	c, ok := imhars.Compare(rating, g.GroupResult, it)
	if it.Item.Retired || !ok {
		return cells
	}
	cells[2], cells[3] = c.GroupPercent, c.Gap
	if c.Large() {
		cells[4] = "Large difference"
	}
	return cells
}

// scaleText returns a scale's ends, such as "1 Strongly disagree to 5
// Strongly agree".
func scaleText(s imhars.Scale) string {
	low, high := s.Points[0], s.Points[len(s.Points)-1]
	return fmt.Sprintf("%d %s to %d %s", low.Value, low.Label, high.Value, high.Label)
}

// Comments returns the comments that may be shown, one row each, by group
// and component.
func Comments(r *imhars.Report) Table {
	t := Table{Name: "View comments", Header: []string{"Group", "Questionnaire", "Component", "Comment"},
		Widths: []float64{24, 24, 28, 80}}
	for _, g := range r.Views {
		for _, c := range r.Framework.Components {
			for _, cm := range g.CommentsFor(c.Key) {
				t.Rows = append(t.Rows, []any{g.Questionnaire.Audience.Label(), g.Questionnaire.Title,
					fmt.Sprintf("%d. %s", c.Number, c.Title), cm.Text})
			}
		}
	}
	return t
}

// DontKnow is the value of a "don't know" answer in a response export.
const DontKnow = "don't know"

// Responses returns one row per response: its random id, the day it was
// submitted, one column per item id including retired items, and, when
// withComments is set, one column per component asked about. Columns keep
// their item id for ever, so that answers never move to another column
// when items are reworded, retired or added. Flagged comments are left out.
func Responses(items []imhars.Item, responses []imhars.Response, withComments bool) Table {
	t := Table{Name: "Responses", Header: []string{"response_id", "submitted_on"}, Widths: []float64{26, 12}}
	column := map[string]int{}
	for _, it := range items {
		column["item:"+it.ID] = len(t.Header)
		t.Header, t.Widths = append(t.Header, it.ID), append(t.Widths, 8)
	}
	if withComments {
		for _, it := range items {
			key := "comment:" + it.ComponentKey
			if _, ok := column[key]; !ok {
				column[key] = len(t.Header)
				t.Header, t.Widths = append(t.Header, "comment_"+it.ComponentKey), append(t.Widths, 48)
			}
		}
	}
	for _, resp := range responses {
		row := make([]any, len(t.Header))
		row[0], row[1] = resp.ID, resp.SubmittedOn.String()
		for _, a := range resp.Answers {
			if i, ok := column["item:"+a.ItemID]; ok {
				row[i] = answerCell(a)
			}
		}
		for _, c := range resp.Comments {
			if i, ok := column["comment:"+c.ComponentKey]; ok && !c.Flagged && withComments {
				row[i] = joinComment(row[i], c.Text)
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func answerCell(a imhars.Answer) any {
	if a.DontKnow {
		return DontKnow
	}
	return a.Value
}

// joinComment adds text to a cell that may already hold a comment about the
// same component, separated by a blank line.
func joinComment(cell any, text string) any {
	if s, ok := cell.(string); ok && s != "" {
		return strings.Join([]string{s, text}, "\n\n")
	}
	return text
}

// Items returns what each item id in Responses stands for.
func Items(items []imhars.Item) Table {
	t := Table{Name: "Items", Header: []string{"item_id", "status", "component_key", "practice_key", "statement"},
		Widths: []float64{8, 10, 22, 26, 80}}
	for _, it := range items {
		status := "active"
		if it.Retired {
			status = "retired"
		}
		t.Rows = append(t.Rows, []any{it.ID, status, it.ComponentKey, it.PracticeKey, it.Text})
	}
	return t
}
