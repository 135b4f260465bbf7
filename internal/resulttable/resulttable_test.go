package resulttable

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/imhars/imhars"
)

func TestResponsesColumnsStayWithTheirItem(t *testing.T) {
	// Q1 to Q5 as i1 to i5; i2 retired and i6 added for its practice.
	items := []imhars.Item{
		{ID: "i1", ComponentKey: "ethos"}, {ID: "i2", ComponentKey: "ethos", Retired: true},
		{ID: "i3", ComponentKey: "ethos"}, {ID: "i4", ComponentKey: "learning"},
		{ID: "i5", ComponentKey: "learning"}, {ID: "i6", ComponentKey: "ethos"},
	}
	day := imhars.Date{Year: 2026, Month: 11, Day: 2}
	responses := []imhars.Response{
		{ID: "before", SubmittedOn: day, Answers: []imhars.Answer{
			{ItemID: "i1", Value: 1}, {ItemID: "i2", Value: 2}, {ItemID: "i3", Value: 3},
			{ItemID: "i4", Value: 4}, {ItemID: "i5", DontKnow: true}}},
		{ID: "after", SubmittedOn: day, Answers: []imhars.Answer{
			{ItemID: "i6", Value: 5}, {ItemID: "i3", Value: 3}},
			Comments: []imhars.Comment{
				{ComponentKey: "learning", Text: "Good"},
				{ComponentKey: "learning", Text: "Also good"},
				{ComponentKey: "ethos", Text: "Risky", Flagged: true}}},
	}
	tests := []struct {
		name         string
		withComments bool
		header       []string
		rows         [][]any
	}{
		{"with comments", true,
			[]string{"response_id", "submitted_on", "i1", "i2", "i3", "i4", "i5", "i6", "comment_ethos", "comment_learning"},
			[][]any{
				{"before", "2026-11-02", 1, 2, 3, 4, DontKnow, nil, nil, nil},
				{"after", "2026-11-02", nil, nil, 3, nil, nil, 5, nil, "Good\n\nAlso good"},
			}},
		{"without comments", false,
			[]string{"response_id", "submitted_on", "i1", "i2", "i3", "i4", "i5", "i6"},
			[][]any{
				{"before", "2026-11-02", 1, 2, 3, 4, DontKnow, nil},
				{"after", "2026-11-02", nil, nil, 3, nil, nil, 5},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			table := Responses(items, responses, tt.withComments)
			if diff := cmp.Diff(tt.header, table.Header); diff != "" {
				t.Errorf("header (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.rows, table.Rows); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
			if len(table.Widths) != len(table.Header) {
				t.Errorf("%d widths for %d columns", len(table.Widths), len(table.Header))
			}
		})
	}
}

func TestItemsTable(t *testing.T) {
	items := []imhars.Item{
		{ID: "i1", ComponentKey: "ethos", PracticeKey: "ethos.respect", Text: "Respect"},
		{ID: "i2", ComponentKey: "ethos", PracticeKey: "ethos.voice", Text: "Voice", Retired: true},
	}
	want := [][]any{
		{"i1", "active", "ethos", "ethos.respect", "Respect"},
		{"i2", "retired", "ethos", "ethos.voice", "Voice"},
	}
	if diff := cmp.Diff(want, Items(items).Rows); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}
