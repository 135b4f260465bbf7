package imhars

import "math"

// ItemResult summarises one group's answers to one item. Percents are of
// the N answers on the scale; "don't know" is counted apart.
type ItemResult struct {
	Item     Item
	N        int     // answers on the scale, leaving out "don't know"
	DontKnow int     // "don't know" answers
	Mean     float64 // mean scale value; meaningful only when N > 0
	Counts   []int   // answers per scale point, lowest value first
	Percents []int   // whole percentages of N per scale point, summing to 100 when N > 0
	// Suppressed is true when fewer people than the school's minimum group
	// size answered the item, counting "don't know". An item added after
	// responses arrived, or retired soon after the start, can have this few
	// answers in a group large enough to show. N, DontKnow, Mean, Counts and
	// Percents are then all zero.
	Suppressed bool
}

// HasAnswers reports whether any answer on the scale was given, so that a
// mean can be shown.
func (r ItemResult) HasAnswers() bool { return r.N > 0 }

// MeanPercent returns the mean as a share of the scale's range, 0 for the
// lowest point and 100 for the highest, rounded half up, so that groups on
// different scales and the team's rating can be compared.
func (r ItemResult) MeanPercent(s Scale) int {
	low, high := float64(s.Points[0].Value), float64(s.Max())
	return int(math.Floor((r.Mean-low)/(high-low)*100 + 0.5))
}

// ItemCounts are the raw answer counts for one item, as stored.
type ItemCounts struct {
	ItemID   string
	ByValue  map[int]int
	DontKnow int
}

// GroupResult is one questionnaire's results, or only the fact that there
// are too few respondents to show them.
type GroupResult struct {
	Questionnaire Questionnaire
	Scale         Scale
	Respondents   int
	// Suppressed is true when Respondents is below the school's minimum
	// group size. Items and Comments are then empty.
	Suppressed bool
	Items      []ItemResult
	// CommentsSuppressed is true when there are comments but too few
	// respondents to show them.
	CommentsSuppressed bool
	Comments           []Comment // unflagged comments only
	// HeldUntilClosed is true when results are withheld until the
	// questionnaire closes. Items and Comments are then empty, and
	// Respondents is still set. See HoldUntilClosed.
	HeldUntilClosed bool
}

// HoldUntilClosed withholds g's figures and comments and marks it
// HeldUntilClosed. A questionnaire that sent personal links is held while
// it accepts answers: the lead sees who has responded, so a change in the
// results between two looks could be matched to one named person.
func (g *GroupResult) HoldUntilClosed() {
	g.HeldUntilClosed = true
	g.Items, g.Comments, g.CommentsSuppressed = nil, nil, false
}

// HeldReason says why a group's results are held until it closes, in
// words for school staff.
const HeldReason = "Results appear when this questionnaire closes, because some people were sent " +
	"personal links, and showing results while they answer could reveal who said what."

// HeldShort is HeldReason's first clause, for a table cell.
const HeldShort = "Results appear when this questionnaire closes"

// Withheld reports whether no figures or comments of g may be shown,
// because the group is too small or its results are held until it closes.
func (g GroupResult) Withheld() bool { return g.Suppressed || g.HeldUntilClosed }

// Summarise computes a group's results from its stored counts. It applies
// the privacy thresholds itself, to the group and to each item, so no
// caller can show a small group by mistake. Flagged comments are always
// left out.
func Summarise(q Questionnaire, items []Item, respondents int, counts map[string]ItemCounts, comments []Comment, p Privacy) GroupResult {
	p = p.Effective()
	g := GroupResult{Questionnaire: q, Scale: q.Audience.Scale(), Respondents: respondents}
	if respondents < p.MinGroup {
		g.Suppressed = true
		return g
	}
	for _, it := range items {
		r := summariseItem(it, counts[it.ID], g.Scale)
		if r.N+r.DontKnow < p.MinGroup {
			r = ItemResult{Item: it, Counts: make([]int, len(g.Scale.Points)),
				Percents: make([]int, len(g.Scale.Points)), Suppressed: true}
		}
		g.Items = append(g.Items, r)
	}
	var unflagged []Comment
	for _, c := range comments {
		if !c.Flagged {
			unflagged = append(unflagged, c)
		}
	}
	if respondents < p.MinComments {
		g.CommentsSuppressed = len(unflagged) > 0
	} else {
		g.Comments = unflagged
	}
	return g
}

func summariseItem(it Item, c ItemCounts, s Scale) ItemResult {
	r := ItemResult{Item: it, DontKnow: c.DontKnow, Counts: make([]int, len(s.Points))}
	sum := 0
	for i, pt := range s.Points {
		n := c.ByValue[pt.Value]
		r.Counts[i] = n
		r.N += n
		sum += n * pt.Value
	}
	if r.N > 0 {
		r.Mean = float64(sum) / float64(r.N)
	}
	r.Percents = LargestRemainder(r.Counts)
	return r
}

// LargestRemainder returns whole percentages of counts that add up to
// exactly 100, by giving the points lost to rounding down to the largest
// remainders first, earlier counts winning ties. All zeros give all zeros.
func LargestRemainder(counts []int) []int {
	total := 0
	for _, c := range counts {
		total += c
	}
	out := make([]int, len(counts))
	if total == 0 {
		return out
	}
	remainders := make([]int, len(counts))
	given := 0
	for i, c := range counts {
		out[i] = 100 * c / total
		remainders[i] = 100 * c % total
		given += out[i]
	}
	for ; given < 100; given++ {
		best := -1
		for i, r := range remainders {
			if r > 0 && (best < 0 || r > remainders[best]) {
				best = i
			}
		}
		out[best]++
		remainders[best] = 0
	}
	return out
}

// TotalRespondents adds up the respondents of groups, or returns false when
// any group with respondents is suppressed: a total beside the visible
// groups would let the hidden one be worked out by subtraction.
func TotalRespondents(groups []GroupResult) (int, bool) {
	total := 0
	for _, g := range groups {
		if g.Suppressed && g.Respondents > 0 {
			return 0, false
		}
		total += g.Respondents
	}
	return total, true
}

// LargeGap is the difference, in points of the 0 to 100 range, between the
// team's rating and a group's mean that counts as a large disagreement. It
// is about one step of the team's four-level scale.
const LargeGap = 34

// RatingPercent returns an assessed rating on the 0 to 100 range used to
// compare it with questionnaire means: 0, 33, 67 or 100.
func RatingPercent(r Rating) int {
	return (200*int(r) + MaxPoints) / (2 * MaxPoints)
}

// Comparison sets the team's rating of a practice beside one group's view.
type Comparison struct {
	Group        Audience
	Respondents  int
	TeamPercent  int
	GroupPercent int
	Gap          int // group minus team, in points of the 0 to 100 range
}

// Large reports whether the views differ by LargeGap or more.
func (c Comparison) Large() bool { return c.Gap >= LargeGap || -c.Gap >= LargeGap }

// Compare returns the comparison of a rating with a group's item result,
// or false when either side has nothing to compare or may not be shown.
func Compare(rating Rating, g GroupResult, r ItemResult) (Comparison, bool) {
	if !rating.Assessed() || g.Withheld() || r.Suppressed || !r.HasAnswers() {
		return Comparison{}, false
	}
	team, group := RatingPercent(rating), r.MeanPercent(g.Scale)
	return Comparison{Group: g.Questionnaire.Audience, Respondents: g.Respondents,
		TeamPercent: team, GroupPercent: group, Gap: group - team}, true
}
