package xlsx

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/csvexport"
	"github.com/imhars/imhars/internal/reporttest"
)

func TestWriteViewsSheets(t *testing.T) {
	f := open(t, reporttest.Views())
	want := []string{SummarySheet, PracticesSheet, FindingsSheet, ViewsSheet, ViewCommentsSheet}
	if diff := cmp.Diff(want, f.GetSheetList()); diff != "" {
		t.Errorf("sheets (-want +got):\n%s", diff)
	}
}

func TestWriteViewsGoldenCells(t *testing.T) {
	f := open(t, reporttest.Views())
	var b strings.Builder
	for _, sheet := range []string{ViewsSheet, ViewCommentsSheet} {
		fmt.Fprintf(&b, "== %s ==\n", sheet)
		for _, c := range cells(t, f, sheet) {
			fmt.Fprintf(&b, "%s %s %q\n", c.name, c.kind, c.value)
		}
	}
	reporttest.CompareGolden(t, "views.txt", []byte(b.String()))
}

func TestWriteViewsCells(t *testing.T) {
	f := open(t, reporttest.Views())
	// Row 2 is staff's item i1: 1 disagree, 4 neither, 12 agree. Row 3 is
	// i3, answered only "don't know", row 4 is i4, not answered and so
	// suppressed, and row 5 is the retired i2. Parents are in row 6 and pupils in row 7.
	tests := []struct {
		name, cell, kind, value string
	}{
		{"disagree per cent", "T2", "number", "6"},
		{"neither per cent", "U2", "number", "23"},
		{"agree per cent", "V2", "number", "71"},
		{"agree count", "Q2", "number", "12"},
		{"mean", "M2", "number", "3.65"},
		{"large difference", "AB2", "string", "Large difference"},
		{"no answers has no mean", "M3", "empty", ""},
		{"no answers has no per cent", "S3", "empty", ""},
		{"only don't know", "L3", "number", "6"},
		{"suppressed item", "K4", "string", "Fewer than 5 answers to this statement"},
		{"suppressed item has no don't know", "L4", "empty", ""},
		{"suppressed item has no count", "N4", "empty", ""},
		{"retired item status", "E5", "string", "Retired"},
		{"retired item mean", "M5", "number", "4"},
		{"retired item n", "K5", "number", "3"},
		{"retired item don't know", "L5", "number", "2"},
		{"small group", "C6", "string", "Fewer than 5 responses"},
		{"small group has no item", "D6", "empty", ""},
		{"no responses", "C7", "number", "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := kindOf(t, f, ViewsSheet, tt.cell); got != tt.kind {
				t.Errorf("%s is %s, want %s", tt.cell, got, tt.kind)
			}
			value, err := f.GetCellValue(ViewsSheet, tt.cell)
			if err != nil {
				t.Fatal(err)
			}
			if value != tt.value {
				t.Errorf("%s = %q, want %q", tt.cell, value, tt.value)
			}
		})
	}
}

func TestWriteViewCommentsAsText(t *testing.T) {
	f := open(t, reporttest.Views())
	var texts []string
	for _, c := range cells(t, f, ViewCommentsSheet) {
		if c.formula != "" {
			t.Errorf("%s has formula %q", c.name, c.formula)
		}
		if strings.HasPrefix(c.name, "D") && c.name != "D1" {
			if c.kind != "string" {
				t.Errorf("%s is %s, want string", c.name, c.kind)
			}
			texts = append(texts, c.value)
		}
	}
	want := []string{
		"Zoë said \"it's better\", café, 😊\nsecond line",
		`=HYPERLINK("https://example.org","Click")`,
		"+1+1",
		"@SUM(A1:A2)",
	}
	if diff := cmp.Diff(want, texts); diff != "" {
		t.Errorf("comments (-want +got):\n%s", diff)
	}
}

func TestViewsHeaderMatchesCSV(t *testing.T) {
	r := reporttest.Views()
	f := open(t, r)
	rows, err := f.GetRows(ViewsSheet)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := csvexport.WriteViews(&buf, &r, false); err != nil {
		t.Fatal(err)
	}
	header, err := csv.NewReader(&buf).Read()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(header, rows[0]); diff != "" {
		t.Errorf("Views header differs from the CSV export's (-csv +xlsx):\n%s", diff)
	}
}

func TestWriteResponsesKeepsTextAndNumbers(t *testing.T) {
	items := []imhars.Item{{ID: "i1", ComponentKey: "ethos"}, {ID: "i2", ComponentKey: "ethos", Retired: true}}
	responses := []imhars.Response{
		{ID: "r1", SubmittedOn: imhars.Date{Year: 2026, Month: 11, Day: 2},
			Answers:  []imhars.Answer{{ItemID: "i1", Value: 4}, {ItemID: "i2", DontKnow: true}},
			Comments: []imhars.Comment{{ComponentKey: "ethos", Text: "=1+1"}}},
	}
	var buf bytes.Buffer
	if err := WriteResponses(&buf, "Responses", items, responses, true); err != nil {
		t.Fatal(err)
	}
	f := openBytes(t, buf.Bytes())
	tests := []struct {
		cell, kind, value string
	}{
		{"A2", "string", "r1"},
		{"B2", "string", "2026-11-02"},
		{"C2", "number", "4"},
		{"D2", "string", "don't know"},
		{"E2", "string", "=1+1"},
	}
	for _, tt := range tests {
		if got := kindOf(t, f, "Responses", tt.cell); got != tt.kind {
			t.Errorf("%s is %s, want %s", tt.cell, got, tt.kind)
		}
		if v, _ := f.GetCellValue("Responses", tt.cell); v != tt.value {
			t.Errorf("%s = %q, want %q", tt.cell, v, tt.value)
		}
	}
}

func openBytes(t *testing.T, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("read workbook back: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
