package pdf

import (
	"fmt"
	"strings"

	"github.com/imhars/imhars"
)

// views prints what each group said in questionnaires: how many responded,
// each group's view of each practice beside the team's rating, and the
// comments that may be shown. It prints nothing when r has no views.
func (d *document) views(r *imhars.Report) {
	if len(r.Views) == 0 {
		return
	}
	d.pdf.AddPage()
	d.heading("What staff, pupils, parents and governors said", heading1Size)
	d.paragraph(fmt.Sprintf("To compare a group's view with the team's rating, both are placed on one "+
		"range from 0 to 100: the ratings %s, %s, %s and %s become 0, 33, 67 and 100, and a group's mean "+
		"answer becomes 0 at the lowest point of its scale and 100 at the highest. A difference of %d "+
		"points or more, about one step of the team's rating scale, is marked \"Large difference\".",
		imhars.NotInPlace.Label(), imhars.Emerging.Label(), imhars.Established.Label(),
		imhars.Embedded.Label(), imhars.LargeGap))
	d.pdf.Ln(2)
	d.paragraph(fmt.Sprintf("Results of a group with fewer than %d responses are not shown, and comments "+
		"only once at least %d people in a group have responded, so that no one's answers can be picked "+
		"out. \"Don't know\" answers are counted apart and left out of means.",
		r.Privacy.MinGroup, r.Privacy.MinComments))
	for _, g := range r.Views {
		if g.HeldUntilClosed {
			d.pdf.Ln(2)
			d.paragraph(g.Label() + ": " + imhars.HeldReason)
		}
	}
	d.groupTable(r)
	for i := range r.Components {
		c := r.Components[i]
		if r.AsksAbout(c) {
			d.componentViews(r, c)
		}
	}
}

// groupTable lists how many responded in each group and, unless it would
// reveal a hidden group by subtraction, in all of them.
func (d *document) groupTable(r *imhars.Report) {
	d.heading("Responses by group", heading2Size)
	var rows [][]string
	for _, g := range r.Views {
		rows = append(rows, []string{g.Label(), groupStatus(g, r.Privacy)})
	}
	total := "Total not shown because a group is too small to report"
	if n, ok := r.ViewsTotal(); ok {
		total = fmt.Sprintf("%d responses", n)
	}
	rows = append(rows, []string{"All groups", total})
	d.table([]float64{100, 70}, []string{"Group", "Responses"}, rows)
}

func groupStatus(g imhars.GroupView, p imhars.Privacy) string {
	switch {
	case !g.HasResponses():
		return "No responses yet (n = 0)"
	case g.Suppressed:
		return fmt.Sprintf("Fewer than %d responses", p.MinGroup)
	}
	return fmt.Sprintf("%d responses", g.Respondents)
}

// componentViews prints the table of team ratings and group views for one
// component, then the group's comments about it.
func (d *document) componentViews(r *imhars.Report, c imhars.ComponentReport) {
	d.heading("Team rating and stakeholder views: "+componentName(c.Component), heading2Size)
	groups := groupHeaders(r.Views)
	widths := d.viewTableWidths(groups)
	header := append([]string{"Practice", "Team rating"}, groups...)
	var rows [][]string
	for _, row := range r.ViewTable(c) {
		p := row.Practice
		cells := []string{p.Practice.Number + " " + p.Practice.Text, teamRatingText(p.Assessment.Rating)}
		for _, cell := range row.Cells {
			cells = append(cells, viewCellText(cell, r.Privacy.MinGroup))
		}
		rows = append(rows, cells)
	}
	d.table(widths, header, rows)
	d.viewComments(r, c)
}

// groupHeaders returns the heading of each group's column: its audience
// alone, because a questionnaire's title, such as "Governors questionnaire",
// is too wide for a column. The table of responses by group gives each
// title. An audience asked in more than one questionnaire keeps the titles,
// so that its columns can be distinguished.
func groupHeaders(views []imhars.GroupView) []string {
	count := map[imhars.Audience]int{}
	for _, g := range views {
		count[g.Questionnaire.Audience]++
	}
	headers := make([]string, len(views))
	for i, g := range views {
		headers[i] = g.Questionnaire.Audience.Label()
		if count[g.Questionnaire.Audience] > 1 {
			headers[i] = g.Label()
		}
	}
	return headers
}

// Widths of the first two columns of the table of team ratings and group
// views, in millimetres, and the minimums they shrink to when the group
// columns need the room.
const (
	viewPracticeWidth    = 50.0
	viewMinPracticeWidth = 30.0
	viewTeamWidth        = 25.0
	viewMinTeamWidth     = 20.0
)

// viewTableWidths returns the column widths of the table of team ratings
// and group views. The group columns share what the first two leave. When
// the longest word of their headers does not fit, the practice column and
// then the team rating column give up width, down to their minimums, so
// that no header word is broken across lines.
//
// NOTE: with more than six groups, or the titles of an audience asked
// twice, the minimums leave too little room and a header word can still
// break.
func (d *document) viewTableWidths(groups []string) []float64 {
	d.setFont("B", bodySize)
	need := 0.0
	for _, h := range groups {
		for _, word := range strings.Fields(d.text(h)) {
			need = max(need, d.pdf.GetStringWidth(word)+2*d.pdf.GetCellMargin())
		}
	}
	n := float64(len(groups))
	practice, team := viewPracticeWidth, viewTeamWidth
	shortfall := need*n - (bodyWidth - practice - team)
	if shortfall > 0 {
		cut := min(shortfall, practice-viewMinPracticeWidth)
		practice -= cut
		team -= min(shortfall-cut, team-viewMinTeamWidth)
	}
	widths := []float64{practice, team}
	for range groups {
		widths = append(widths, (bodyWidth-practice-team)/n)
	}
	return widths
}

func teamRatingText(rating imhars.Rating) string {
	if !rating.Assessed() {
		return rating.Label()
	}
	return fmt.Sprintf("%s (%d on 0 to 100)", rating.Label(), imhars.RatingPercent(rating))
}

// viewCellText returns one group's view of a practice in words, such as
// "Mean 4.00 of 5, n = 3; 2 don't know; 75 on 0 to 100. Large difference".
func viewCellText(cell imhars.ViewCell, minGroup int) string {
	switch {
	case !cell.Asked:
		return "Not asked"
	case cell.Group.HeldUntilClosed:
		return imhars.HeldShort
	case !cell.Group.HasResponses():
		return "No responses yet (n = 0)"
	case cell.Group.Suppressed:
		return fmt.Sprintf("Fewer than %d responses", minGroup)
	}
	var parts []string
	for _, v := range cell.Views {
		parts = append(parts, practiceViewText(v, minGroup))
	}
	return strings.Join(parts, "\n")
}

func practiceViewText(v imhars.PracticeView, minGroup int) string {
	if v.Item.Suppressed {
		return fmt.Sprintf("Fewer than %d answers to this statement", minGroup)
	}
	s := "No answers on the scale (n = 0)"
	if v.Item.HasAnswers() {
		s = fmt.Sprintf("Mean %s of %d, n = %d", v.Item.MeanText(), v.Group.Scale.Max(), v.Item.N)
	}
	if v.Item.DontKnow > 0 {
		s += fmt.Sprintf("; %d don't know", v.Item.DontKnow)
	}
	if v.Compared {
		s += fmt.Sprintf("; %d on 0 to 100", v.Comparison.GroupPercent)
		if v.Comparison.Large() {
			s += ". Large difference"
		}
	}
	return s
}

// viewComments prints each group's shown comments about the component, or
// a note that they are hidden until enough people have responded.
func (d *document) viewComments(r *imhars.Report, c imhars.ComponentReport) {
	for _, g := range r.Views {
		if g.Withheld() || !g.AsksAboutComponent(c.Component.Key) {
			continue
		}
		if g.CommentsSuppressed {
			d.note(fmt.Sprintf("Comments from %s are hidden until at least %d people have responded.",
				g.Label(), r.Privacy.MinComments))
			d.pdf.Ln(2)
			continue
		}
		comments := g.CommentsFor(c.Component.Key)
		if len(comments) == 0 {
			continue
		}
		d.heading("Comments from "+g.Label(), bodySize+1)
		for _, cm := range comments {
			d.bullet(cm.Text)
		}
		d.pdf.Ln(2)
	}
}
