package web

import (
	"bytes"
	"compress/zlib"
	"encoding/csv"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/framework"
)

// auditIDOf returns the audit id in a path such as "/schools/1/audits/2".
func auditIDOf(t *testing.T, path string) int64 {
	t.Helper()
	m := idPattern.FindStringSubmatch(path)
	if m == nil || m[2] == "" {
		t.Fatalf("%q has no audit id", path)
	}
	id, _ := strconv.ParseInt(m[2], 10, 64)
	return id
}

// openQuestionnaire stores an open questionnaire in the audit with one
// item per practice key, worded for the audience when the default
// framework has a statement for it.
func (app *testApp) openQuestionnaire(audit string, audience imhars.Audience, comments bool, practices ...string) *imhars.Questionnaire {
	t := app.t
	t.Helper()
	fw := framework.Default()
	var items []imhars.Item
	for _, key := range practices {
		p, c, ok := fw.Practice(key)
		if !ok {
			t.Fatalf("no practice %q in the default framework", key)
		}
		text := p.Text
		if st, ok := p.Statement(string(audience)); ok {
			text = st.Text
		}
		items = append(items, imhars.Item{PracticeKey: key, ComponentKey: c.Key, Text: text})
	}
	q := &imhars.Questionnaire{
		AuditID: auditIDOf(t, audit), Audience: audience, Title: audience.Label() + " questionnaire",
		Status: imhars.QuestionnaireOpen, OpensOn: imhars.DateOf(app.now), ClosesOn: imhars.DateOf(app.now.AddDate(0, 1, 0)),
		Comments: comments,
	}
	if err := app.store.CreateQuestionnaire(t.Context(), q, items); err != nil {
		t.Fatal(err)
	}
	return q
}

// respond stores one response to q, submitted on the test clock's day,
// with the answers given by item id: a scale value, or 0 for "don't know".
func (app *testApp) respond(q *imhars.Questionnaire, answers map[string]int, comments ...imhars.Comment) {
	t := app.t
	t.Helper()
	r := &imhars.Response{QuestionnaireID: q.ID, SubmittedOn: imhars.DateOf(app.now.In(imhars.London)), Comments: comments}
	for id, v := range answers {
		r.Answers = append(r.Answers, imhars.Answer{ItemID: id, Value: v, DontKnow: v == 0})
	}
	if _, err := app.store.SubmitResponse(t.Context(), r, newToken(), ""); err != nil {
		t.Fatal(err)
	}
}

// respondMany stores n identical responses.
func (app *testApp) respondMany(q *imhars.Questionnaire, n int, answers map[string]int) {
	app.t.Helper()
	for range n {
		app.respond(q, answers)
	}
}

func resultsPath(audit string, q *imhars.Questionnaire) string {
	return fmt.Sprintf("%s/questionnaires/%d/results", audit, q.ID)
}

func responsesPath(audit string, q *imhars.Questionnaire, ext string) string {
	return fmt.Sprintf("%s/questionnaires/%d/responses.%s", audit, q.ID, ext)
}

// readCSV parses a downloaded CSV file, after its byte order mark if any.
func readCSV(t *testing.T, body string) [][]string {
	t.Helper()
	records, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatalf("read csv: %v", err)
	}
	return records
}

// openXLSX opens a downloaded workbook.
func openXLSX(t *testing.T, body string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(strings.NewReader(body))
	if err != nil {
		t.Fatalf("open xlsx: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// sheetRows returns every row of a sheet as text.
func sheetRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("read sheet %s: %v", sheet, err)
	}
	return rows
}

var (
	pdfStream = regexp.MustCompile(`(?s)stream\r?\n(.*?)\r?\nendstream`)
	pdfShow   = regexp.MustCompile(`\(((?:\\.|[^\\)])*)\)\s*Tj`)
)

// pdfStrings returns every string a downloaded PDF draws, in order. The
// content streams are zlib-compressed, and the embedded fonts' text is
// UTF-16BE.
func pdfStrings(t *testing.T, body string) []string {
	t.Helper()
	var out []string
	for _, m := range pdfStream.FindAllStringSubmatch(body, -1) {
		zr, err := zlib.NewReader(strings.NewReader(m[1]))
		if err != nil {
			continue // not a compressed content stream
		}
		raw, err := io.ReadAll(zr)
		if err != nil {
			continue
		}
		for _, show := range pdfShow.FindAllSubmatch(raw, -1) {
			out = append(out, decodeUTF16BE(unescapePDF(show[1])))
		}
	}
	return out
}

func unescapePDF(s []byte) []byte {
	var out bytes.Buffer
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			if s[i] == 'r' {
				out.WriteByte('\r')
				continue
			}
		}
		out.WriteByte(s[i])
	}
	return out.Bytes()
}

// decodeUTF16BE decodes b and drops an odd last byte, which only a chance
// match inside an embedded font's data can have.
func decodeUTF16BE(b []byte) string {
	units := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		units = append(units, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(units))
}

// cellKind returns "string", "number", "formula" or "empty" for a cell of
// a downloaded workbook. A cell with no type attribute is a number unless
// it has no value.
func cellKind(t *testing.T, f *excelize.File, sheet, name string) string {
	t.Helper()
	formula, err := f.GetCellFormula(sheet, name)
	if err != nil {
		t.Fatal(err)
	}
	if formula != "" {
		return "formula"
	}
	kind, err := f.GetCellType(sheet, name)
	if err != nil {
		t.Fatal(err)
	}
	switch kind {
	case excelize.CellTypeSharedString, excelize.CellTypeInlineString:
		return "string"
	case excelize.CellTypeNumber:
		return "number"
	case excelize.CellTypeUnset:
		raw, err := f.GetCellValue(sheet, name, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if raw == "" {
			return "empty"
		}
		return "number"
	}
	return fmt.Sprintf("type %d", kind)
}

// findCell returns the name of the first cell of a sheet whose text is
// value, or "".
func findCell(t *testing.T, f *excelize.File, sheet, value string) string {
	t.Helper()
	for r, row := range sheetRows(t, f, sheet) {
		for c, v := range row {
			if v == value {
				name, _ := excelize.CoordinatesToCellName(c+1, r+1)
				return name
			}
		}
	}
	return ""
}
