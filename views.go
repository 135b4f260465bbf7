package imhars

import (
	"fmt"
	"math"
	"slices"
)

// GroupView is one questionnaire's results in an audit, with the practices
// it asks about. The practices are known even when the results are
// suppressed, so that a report can say "fewer than 5 responses" for exactly
// the practices the group was asked about.
type GroupView struct {
	GroupResult
	Practices  []string // keys of practices with an active item, in item order
	Components []string // keys of those practices' components, in item order
}

// NewGroupView summarises a questionnaire's stored counts with Summarise,
// so the same privacy thresholds apply.
func NewGroupView(q Questionnaire, items []Item, respondents int, counts map[string]ItemCounts,
	comments []Comment, p Privacy) GroupView {
	v := GroupView{GroupResult: Summarise(q, items, respondents, counts, comments, p)}
	for _, it := range items {
		if it.Retired {
			continue
		}
		if !slices.Contains(v.Practices, it.PracticeKey) {
			v.Practices = append(v.Practices, it.PracticeKey)
		}
		if !slices.Contains(v.Components, it.ComponentKey) {
			v.Components = append(v.Components, it.ComponentKey)
		}
	}
	return v
}

// Label returns the audience, with the title when they differ, such as
// "Staff (Autumn staff survey)".
func (v GroupView) Label() string {
	audience := v.Questionnaire.Audience.Label()
	if v.Questionnaire.Title == "" || v.Questionnaire.Title == audience {
		return audience
	}
	return fmt.Sprintf("%s (%s)", audience, v.Questionnaire.Title)
}

// HasResponses reports whether anyone has responded. A group with no
// responses may say so: n = 0 reveals nothing about anyone.
func (v GroupView) HasResponses() bool { return v.Respondents > 0 }

// Asks reports whether the questionnaire has an active item for the practice.
func (v GroupView) Asks(practiceKey string) bool {
	return slices.Contains(v.Practices, practiceKey)
}

// AsksAboutComponent reports whether the questionnaire has an active item
// about a practice of the component.
func (v GroupView) AsksAboutComponent(componentKey string) bool {
	return slices.Contains(v.Components, componentKey)
}

// ActiveItems returns the results of items still asked, in item order.
func (v GroupView) ActiveItems() []ItemResult { return v.itemsWhere(false) }

// RetiredItems returns the results of retired items, whose answers are kept.
func (v GroupView) RetiredItems() []ItemResult { return v.itemsWhere(true) }

func (v GroupView) itemsWhere(retired bool) []ItemResult {
	var out []ItemResult
	for _, r := range v.Items {
		if r.Item.Retired == retired {
			out = append(out, r)
		}
	}
	return out
}

// CommentsFor returns the shown comments about a component.
func (v GroupView) CommentsFor(componentKey string) []Comment {
	var out []Comment
	for _, c := range v.Comments {
		if c.ComponentKey == componentKey && !c.Flagged {
			out = append(out, c)
		}
	}
	return out
}

// MeanText returns the mean to two decimals, such as "4.00", or "" when no
// answer is on the scale, so that no NaN or made-up 0.00 is ever shown.
func (r ItemResult) MeanText() string {
	if !r.HasAnswers() || math.IsNaN(r.Mean) || math.IsInf(r.Mean, 0) {
		return ""
	}
	return fmt.Sprintf("%.2f", r.Mean)
}

// RoundedMean returns the mean rounded to two decimals, for spreadsheets,
// and false when MeanText would be empty.
func (r ItemResult) RoundedMean() (float64, bool) {
	if r.MeanText() == "" {
		return 0, false
	}
	return math.Round(r.Mean*100) / 100, true
}

// PracticeView sets one group's view of a practice beside the team's
// rating. Item is the zero value when the group's results are withheld.
type PracticeView struct {
	Group      GroupView
	Item       ItemResult
	Comparison Comparison
	Compared   bool // false when either side has nothing to compare
}

// ViewCell is one group's column in a practice's row of the table of team
// ratings and group views.
type ViewCell struct {
	Group GroupView
	Asked bool
	Views []PracticeView // one per active item about the practice; none when suppressed
}

// ViewRow is one practice in the table of team ratings and group views.
type ViewRow struct {
	Practice PracticeRow
	Cells    []ViewCell // one per Report.Views, in the same order
}

// Rating returns the team's rating of a practice, or NotAssessed.
func (r Report) Rating(practiceKey string) Rating {
	for _, c := range r.Components {
		for _, row := range c.Practices {
			if row.Practice.Key == practiceKey {
				return row.Assessment.Rating
			}
		}
	}
	return NotAssessed
}

// PracticeViews returns the view of every group asked about the practice,
// in the order of Views. A withheld group gives one view with no item.
func (r Report) PracticeViews(practiceKey string) []PracticeView {
	rating := r.Rating(practiceKey)
	var out []PracticeView
	for _, g := range r.Views {
		if !g.Asks(practiceKey) {
			continue
		}
		out = append(out, practiceViews(rating, g, practiceKey)...)
	}
	return out
}

func practiceViews(rating Rating, g GroupView, practiceKey string) []PracticeView {
	if g.Withheld() {
		return []PracticeView{{Group: g}}
	}
	var out []PracticeView
	for _, it := range g.ActiveItems() {
		if it.Item.PracticeKey != practiceKey {
			continue
		}
		cmp, ok := Compare(rating, g.GroupResult, it)
		out = append(out, PracticeView{Group: g, Item: it, Comparison: cmp, Compared: ok})
	}
	return out
}

// ViewTable returns one row per practice of the component, with a cell per
// group, for the report's table of team ratings and group views.
func (r Report) ViewTable(c ComponentReport) []ViewRow {
	rows := make([]ViewRow, 0, len(c.Practices))
	for _, p := range c.Practices {
		row := ViewRow{Practice: p}
		for _, g := range r.Views {
			cell := ViewCell{Group: g, Asked: g.Asks(p.Practice.Key)}
			if cell.Asked {
				cell.Views = practiceViews(p.Assessment.Rating, g, p.Practice.Key)
			}
			row.Cells = append(row.Cells, cell)
		}
		rows = append(rows, row)
	}
	return rows
}

// AsksAbout reports whether any group was asked about a practice of the
// component, so that a report can leave out components nobody was asked
// about.
func (r Report) AsksAbout(c ComponentReport) bool {
	for _, p := range c.Practices {
		for _, g := range r.Views {
			if g.Asks(p.Practice.Key) {
				return true
			}
		}
	}
	return false
}

// ViewsTotal returns the respondents of all groups, or false when a total
// would reveal a suppressed group by subtraction.
func (r Report) ViewsTotal() (int, bool) {
	groups := make([]GroupResult, len(r.Views))
	for i, v := range r.Views {
		groups[i] = v.GroupResult
	}
	return TotalRespondents(groups)
}
