package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/csvexport"
	"github.com/imhars/imhars/internal/reporttest"
)

// open writes r and reads the workbook back.
func open(t *testing.T, r imhars.Report) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, &r); err != nil {
		t.Fatalf("Write: %v", err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("read workbook back: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

var cellTypeNames = map[excelize.CellType]string{
	excelize.CellTypeBool:         "bool",
	excelize.CellTypeDate:         "date",
	excelize.CellTypeError:        "error",
	excelize.CellTypeFormula:      "formula",
	excelize.CellTypeInlineString: "inline-string",
	excelize.CellTypeNumber:       "number",
	excelize.CellTypeSharedString: "string",
}

// kindOf names the type of a cell. A cell without a type attribute is a
// number in the file format unless it has no value, so it reads "number"
// or "empty".
func kindOf(t *testing.T, f *excelize.File, sheet, name string) string {
	t.Helper()
	kind, err := f.GetCellType(sheet, name)
	if err != nil {
		t.Fatalf("type of %s!%s: %v", sheet, name, err)
	}
	if kind != excelize.CellTypeUnset {
		return cellTypeNames[kind]
	}
	raw, err := f.GetCellValue(sheet, name, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("value of %s!%s: %v", sheet, name, err)
	}
	if raw == "" {
		return "empty"
	}
	return "number"
}

// cell is one non-empty cell as read back from a workbook.
type cell struct {
	name, kind, value, formula string
}

// cells returns every non-empty cell of a sheet, row by row, with its type
// and the value Excel would display.
func cells(t *testing.T, f *excelize.File, sheet string) []cell {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("read rows of %s: %v", sheet, err)
	}
	var out []cell
	for r, row := range rows {
		for c, value := range row {
			if value == "" {
				continue
			}
			name, _ := excelize.CoordinatesToCellName(c+1, r+1)
			formula, err := f.GetCellFormula(sheet, name)
			if err != nil {
				t.Fatalf("formula of %s!%s: %v", sheet, name, err)
			}
			out = append(out, cell{name, kindOf(t, f, sheet, name), value, formula})
		}
	}
	return out
}

func TestWriteGoldenCells(t *testing.T) {
	f := open(t, reporttest.Sample())
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "== %s ==\n", sheet)
		for _, c := range cells(t, f, sheet) {
			fmt.Fprintf(&b, "%s %s %q\n", c.name, c.kind, c.value)
		}
	}
	reporttest.CompareGolden(t, "sample.txt", []byte(b.String()))
}

func TestWriteSheetOrder(t *testing.T) {
	f := open(t, reporttest.Sample())
	want := []string{SummarySheet, PracticesSheet, FindingsSheet}
	if diff := cmp.Diff(want, f.GetSheetList()); diff != "" {
		t.Errorf("sheets (-want +got):\n%s", diff)
	}
}

func TestWriteHeaderBoldAndFrozen(t *testing.T) {
	f := open(t, reporttest.Sample())
	for _, sheet := range f.GetSheetList() {
		t.Run(sheet, func(t *testing.T) {
			panes, err := f.GetPanes(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 {
				t.Errorf("panes = %+v, want the first row frozen", panes)
			}

			id, err := f.GetCellStyle(sheet, "A1")
			if err != nil {
				t.Fatal(err)
			}
			style, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			if style.Font == nil || !style.Font.Bold {
				t.Errorf("header cell A1 is not bold")
			}
		})
	}
}

func TestWriteFormulaTextStaysText(t *testing.T) {
	f := open(t, reporttest.Sample())
	tests := []struct {
		name, sheet, want string
	}{
		{"equals sign", PracticesSheet, `=HYPERLINK("https://example.org/policy","Behaviour policy")`},
		{"plus sign", PracticesSheet, "+1+1 lessons a week on listening, planned but not yet taught."},
		{"at sign", PracticesSheet, "@SUM(A1:A2) is how the peer mentor log totals sessions."},
		{"minus sign", PracticesSheet, "-10% fewer playground incidents after mixed-age clubs began."},
		{"tab", PracticesSheet, "\tNotes still to be written up.\nBy half term."},
		{"minus sign in findings", FindingsSheet, "-Review the peer mentor rota each half term."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var found *cell
			for _, c := range cells(t, f, tt.sheet) {
				if c.value == tt.want {
					found = &c
				}
			}
			if found == nil {
				t.Fatalf("no cell in %s has the value %q", tt.sheet, tt.want)
			}
			if found.kind != "string" {
				t.Errorf("%s is a %s cell, want string", found.name, found.kind)
			}
			if found.formula != "" {
				t.Errorf("%s has formula %q, want none", found.name, found.formula)
			}
		})
	}
}

func TestWriteNumberCells(t *testing.T) {
	f := open(t, reporttest.Sample())
	tests := []struct {
		name, sheet, cell, kind, value string
	}{
		{"component score", SummarySheet, "B2", "number", "67"},
		{"change up", SummarySheet, "G2", "number", "34"},
		{"change down", SummarySheet, "G3", "number", "-23"},
		{"not assessed score", SummarySheet, "B4", "empty", ""},
		{"no change", SummarySheet, "G4", "empty", ""},
		{"overall score", SummarySheet, "B5", "number", "50"},
		{"rating points", PracticesSheet, "F2", "number", "3"},
		{"not in place is zero", PracticesSheet, "F6", "number", "0"},
		{"unassessed has no points", PracticesSheet, "F5", "empty", ""},
		{"updated at", PracticesSheet, "K2", "number", "2026-10-14 15:45"},
		{"never saved", PracticesSheet, "K5", "empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := kindOf(t, f, tt.sheet, tt.cell); got != tt.kind {
				t.Errorf("%s!%s is %s, want %s", tt.sheet, tt.cell, got, tt.kind)
			}
			value, err := f.GetCellValue(tt.sheet, tt.cell)
			if err != nil {
				t.Fatal(err)
			}
			if value != tt.value {
				t.Errorf("%s!%s = %q, want %q", tt.sheet, tt.cell, value, tt.value)
			}
		})
	}
}

func TestWriteDocProps(t *testing.T) {
	f := open(t, reporttest.Sample())
	got, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	want := &excelize.DocProperties{
		Created:        "2026-11-02T10:30:00Z",
		Modified:       "2026-11-02T10:30:00Z",
		Creator:        "imhars",
		LastModifiedBy: "imhars",
		Title:          "St Mary’s C of E Primary School: audit report 2026/27",
		Subject:        "iMHARS (2026.1)",
		Language:       "en-GB",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("document properties (-want +got):\n%s", diff)
	}
}

func TestPracticesHeaderMatchesCSV(t *testing.T) {
	f := open(t, reporttest.Sample())
	rows, err := f.GetRows(PracticesSheet)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(csvexport.PracticeHeader(), rows[0]); diff != "" {
		t.Errorf("Practices header differs from the CSV export's (-csv +xlsx):\n%s", diff)
	}
}

func BenchmarkXLSX(b *testing.B) {
	r := reporttest.Full()
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, &r); err != nil {
			b.Fatal(err)
		}
	}
}
