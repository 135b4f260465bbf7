package imhars

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestMeanText(t *testing.T) {
	tests := []struct {
		name string
		r    ItemResult
		want string
	}{
		{"4, 5, don't know twice, 3", ItemResult{N: 3, DontKnow: 2, Mean: 4}, "4.00"},
		{"no answers", ItemResult{}, ""},
		{"only don't know", ItemResult{DontKnow: 4}, ""},
		{"two thirds", ItemResult{N: 3, Mean: 11.0 / 3}, "3.67"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.MeanText(); got != tt.want {
				t.Errorf("MeanText() = %q, want %q", got, tt.want)
			}
			rounded, ok := tt.r.RoundedMean()
			if ok != (tt.want != "") {
				t.Errorf("RoundedMean() ok = %v", ok)
			}
			if !ok && rounded != 0 {
				t.Errorf("RoundedMean() = %v with no answers", rounded)
			}
		})
	}
}

// viewsReport returns a report of one component with two practices, rated
// Embedded and Emerging, and the views of staff (24 respondents), parents
// (2 respondents) and pupils (none yet).
func viewsReport() Report {
	fw := &Framework{Slug: "f", Components: []Component{{Key: "ethos", Number: 1, Title: "Ethos", Practices: []Practice{
		{Key: "ethos.respect", Number: "1.1", Text: "Respect"},
		{Key: "ethos.voice", Number: "1.2", Text: "Voice"},
	}}}}
	data := AuditData{Framework: fw, Assessments: map[string]PracticeAssessment{
		"ethos.respect": {PracticeKey: "ethos.respect", Rating: Embedded},
		"ethos.voice":   {PracticeKey: "ethos.voice", Rating: Emerging},
	}}
	r := BuildReport(School{}, data, nil, time.Time{})
	items := []Item{
		{ID: "i1", PracticeKey: "ethos.respect", ComponentKey: "ethos", Position: 1},
		{ID: "i2", PracticeKey: "ethos.voice", ComponentKey: "ethos", Position: 2, Retired: true},
		{ID: "i3", PracticeKey: "ethos.voice", ComponentKey: "ethos", Position: 3},
	}
	staffCounts := map[string]ItemCounts{
		"i1": {ByValue: map[int]int{1: 20, 2: 4}},
		"i2": {ByValue: map[int]int{4: 10}},
		"i3": {ByValue: map[int]int{3: 12}},
	}
	comments := []Comment{
		{ComponentKey: "ethos", Text: "Kind staff"},
		{ComponentKey: "ethos", Text: "risk", Flagged: true},
	}
	p := DefaultPrivacy()
	r.Views = []GroupView{
		NewGroupView(Questionnaire{Audience: AudienceStaff, Title: "Staff"}, items, 24, staffCounts, comments, p),
		NewGroupView(Questionnaire{Audience: AudienceParents, Title: "Parents"}, items[:1], 2, nil, nil, p),
		NewGroupView(Questionnaire{Audience: AudiencePupils8to11, Title: "Pupils"}, items[2:], 0, nil, nil, p),
	}
	r.Privacy = p.Effective()
	return r
}

func TestPracticeViews(t *testing.T) {
	r := viewsReport()
	type view struct {
		Group      Audience
		Item       string
		Compared   bool
		Gap        int
		Large      bool
		Suppressed bool
	}
	summarise := func(vs []PracticeView) []view {
		var out []view
		for _, v := range vs {
			out = append(out, view{v.Group.Questionnaire.Audience, v.Item.Item.ID, v.Compared,
				v.Comparison.Gap, v.Comparison.Large(), v.Group.Suppressed})
		}
		return out
	}
	tests := []struct {
		practice string
		want     []view
	}{
		// Staff mostly strongly disagree (mean 1.17, 4 on 0 to 100) with an
		// Embedded rating (100): a gap of 96 points.
		{"ethos.respect", []view{
			{Group: AudienceStaff, Item: "i1", Compared: true, Gap: -96, Large: true},
			{Group: AudienceParents, Suppressed: true},
		}},
		// The retired item i2 is left out; i3's neutral mean (50) is 17
		// points above Emerging (33). Pupils have no responses, so no
		// comparison.
		{"ethos.voice", []view{
			{Group: AudienceStaff, Item: "i3", Compared: true, Gap: 17},
			{Group: AudiencePupils8to11, Suppressed: true},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.practice, func(t *testing.T) {
			got := summarise(r.PracticeViews(tt.practice))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("views (-want +got):\n%s", diff)
			}
		})
	}
}

func TestViewTable(t *testing.T) {
	r := viewsReport()
	rows := r.ViewTable(r.Components[0])
	if len(rows) != 2 {
		t.Fatalf("rows = %d, want 2", len(rows))
	}
	type cell struct {
		Asked bool
		Views int
	}
	var got [][]cell
	for _, row := range rows {
		var cells []cell
		for _, c := range row.Cells {
			cells = append(cells, cell{c.Asked, len(c.Views)})
		}
		got = append(got, cells)
	}
	want := [][]cell{
		{{true, 1}, {true, 1}, {false, 0}},
		{{true, 1}, {false, 0}, {true, 1}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("cells (-want +got):\n%s", diff)
	}
}

func TestViewsTotalHidesSmallGroup(t *testing.T) {
	r := viewsReport()
	if _, ok := r.ViewsTotal(); ok {
		t.Error("total shown beside a suppressed group of 2")
	}
	r.Views = append(r.Views[:1], r.Views[2])
	if n, ok := r.ViewsTotal(); !ok || n != 24 {
		t.Errorf("total = %d, %v, want 24, true", n, ok)
	}
}

func TestGroupViewItemsAndComments(t *testing.T) {
	staff := viewsReport().Views[0]
	if got := len(staff.ActiveItems()); got != 2 {
		t.Errorf("active items = %d, want 2", got)
	}
	retired := staff.RetiredItems()
	if len(retired) != 1 || retired[0].Item.ID != "i2" || retired[0].N != 10 {
		t.Errorf("retired items = %+v, want i2 with n = 10", retired)
	}
	comments := staff.CommentsFor("ethos")
	if len(comments) != 1 || comments[0].Text != "Kind staff" {
		t.Errorf("comments = %+v, want only the unflagged one", comments)
	}
	if staff.Label() != "Staff" {
		t.Errorf("label = %q, want %q", staff.Label(), "Staff")
	}
}

func TestHeldGroupShowsNothing(t *testing.T) {
	r := viewsReport()
	r.Views[0].HoldUntilClosed()
	staff := r.Views[0]
	if len(staff.Items) != 0 || len(staff.Comments) != 0 || staff.CommentsSuppressed {
		t.Errorf("held group has %d items, %d comments and comments suppressed %v, want none",
			len(staff.Items), len(staff.Comments), staff.CommentsSuppressed)
	}
	if staff.Respondents != 24 {
		t.Errorf("respondents = %d, want 24", staff.Respondents)
	}
	if !staff.Withheld() {
		t.Error("a held group is not withheld")
	}
	views := r.PracticeViews("ethos.respect")
	if len(views) == 0 || views[0].Group.Questionnaire.Audience != AudienceStaff {
		t.Fatalf("views = %+v, want staff first", views)
	}
	if views[0].Item.Item.ID != "" || views[0].Compared {
		t.Errorf("staff's view has item %q and compared %v, want neither", views[0].Item.Item.ID, views[0].Compared)
	}
	if _, ok := Compare(Embedded, staff.GroupResult, ItemResult{N: 24, Mean: 2}); ok {
		t.Error("a held group is compared with the team's rating")
	}
}
