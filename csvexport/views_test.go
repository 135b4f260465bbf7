package csvexport

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/internal/reporttest"
	"github.com/imhars/imhars/internal/resulttable"
)

func writeViews(t *testing.T, excel bool) []byte {
	t.Helper()
	r := reporttest.Views()
	var buf bytes.Buffer
	if err := WriteViews(&buf, &r, excel); err != nil {
		t.Fatalf("WriteViews: %v", err)
	}
	return buf.Bytes()
}

func TestWriteViewsGolden(t *testing.T) {
	reporttest.CompareGolden(t, "views.csv", writeViews(t, false))
}

func TestWriteViewsFigures(t *testing.T) {
	records := readBack(t, writeViews(t, true))
	column := map[string]int{}
	for i, h := range records[0] {
		column[h] = i
	}
	staff := records[1]
	got := []string{staff[column["Percent 2"]], staff[column["Percent 3"]], staff[column["Percent 4"]],
		staff[column["Mean"]], staff[column["Difference (points)"]]}
	if diff := cmp.Diff([]string{"6", "23", "71", "3.65", "-34"}, got); diff != "" {
		t.Errorf("percentages, mean and difference (-want +got):\n%s", diff)
	}
	for _, rec := range records[1:] {
		if rec[0] == imhars.AudienceParents.Label() && strings.Join(rec[3:], "") != "" {
			t.Errorf("the small group's row has figures: %q", rec)
		}
	}
	if len(records) != 7 {
		t.Errorf("records = %d, want a header, 4 staff items, parents and pupils", len(records))
	}
}

func TestWriteResponsesReadsBack(t *testing.T) {
	comments := []string{
		"Zoë said \"it's better\", café, 😊\nand a second line",
		`=HYPERLINK("https://example.org","Click")`,
		"+1+1",
		"@SUM(A1:A2)",
	}
	items := []imhars.Item{{ID: "i1", ComponentKey: "ethos"}}
	var responses []imhars.Response
	for i, c := range comments {
		responses = append(responses, imhars.Response{ID: string(rune('a' + i)),
			Answers:  []imhars.Answer{{ItemID: "i1", Value: 5 - i}},
			Comments: []imhars.Comment{{ComponentKey: "ethos", Text: c}}})
	}
	responses = append(responses, imhars.Response{ID: "flagged",
		Comments: []imhars.Comment{{ComponentKey: "ethos", Text: "hurt myself", Flagged: true}}})

	for _, excel := range []bool{false, true} {
		var buf bytes.Buffer
		if err := WriteResponses(&buf, items, responses, true, excel); err != nil {
			t.Fatal(err)
		}
		if got := bytes.HasPrefix(buf.Bytes(), []byte{0xEF, 0xBB, 0xBF}); got != excel {
			t.Errorf("excel %v: byte order mark %v", excel, got)
		}
		records := readBack(t, buf.Bytes())
		if len(records) != 1+len(responses) {
			t.Fatalf("records = %d, want %d", len(records), 1+len(responses))
		}
		want := []string{comments[0], "'" + comments[1], "'" + comments[2], "'" + comments[3], ""}
		var got []string
		for i, rec := range records[1:] {
			got = append(got, rec[3])
			if i < len(comments) && rec[2] != string(rune('5'-i)) {
				t.Errorf("answer %q is not the plain number %d", rec[2], 5-i)
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("excel %v: comments (-want +got):\n%s", excel, diff)
		}
	}
}

func TestWriteTableRejectsBadCells(t *testing.T) {
	tests := []struct {
		name string
		row  []any
	}{
		{"not a number", []any{math.NaN()}},
		{"infinite", []any{math.Inf(1)}},
		{"unknown type", []any{struct{}{}}},
		{"too many cells", []any{1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			table := resulttable.Table{Header: []string{"a"}, Rows: [][]any{tt.row}}
			if err := WriteTable(&bytes.Buffer{}, table, false); err == nil {
				t.Error("no error")
			}
		})
	}
}
