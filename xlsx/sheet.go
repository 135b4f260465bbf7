package xlsx

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// book is the workbook with the ids of the cell styles its sheets share.
type book struct {
	file   *excelize.File
	header int // bold, wrapped
	text   int // wrapped, aligned to the top
	number int // aligned to the top
	date   int // yyyy-mm-dd hh:mm, aligned to the top
}

func newBook(f *excelize.File) (*book, error) {
	b := &book{file: f}
	wrapTop := &excelize.Alignment{Vertical: "top", WrapText: true}
	top := &excelize.Alignment{Vertical: "top"}
	dateFormat := "yyyy-mm-dd hh:mm"
	styles := []struct {
		id    *int
		style *excelize.Style
	}{
		{&b.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: wrapTop}},
		{&b.text, &excelize.Style{Alignment: wrapTop}},
		{&b.number, &excelize.Style{Alignment: top}},
		{&b.date, &excelize.Style{Alignment: top, CustomNumFmt: &dateFormat}},
	}
	for _, s := range styles {
		id, err := f.NewStyle(s.style)
		if err != nil {
			return nil, fmt.Errorf("create cell style: %w", err)
		}
		*s.id = id
	}
	return b, nil
}

// column is one column of a sheet: its header and its width in characters.
type column struct {
	header string
	width  float64
}

// sheet writes rows to one worksheet and keeps the first error, so that a
// sequence of cells needs one check at the end.
type sheet struct {
	book *book
	name string
	row  int
	err  error
}

// newSheet creates the named worksheet, or takes the existing one, and
// writes its header row in bold and frozen above the data.
func (b *book) newSheet(name string, columns []column) *sheet {
	s := &sheet{book: b, name: name}
	if _, err := b.file.NewSheet(name); err != nil {
		s.err = fmt.Errorf("create sheet %s: %w", name, err)
		return s
	}
	headers := make([]any, len(columns))
	for i, c := range columns {
		headers[i] = c.header
		s.check(b.file.SetColWidth(name, colName(i+1), colName(i+1), c.width))
	}
	s.addRow(headers...)
	last, _ := excelize.CoordinatesToCellName(len(columns), 1)
	s.check(b.file.SetCellStyle(name, "A1", last, b.header))
	s.check(b.file.SetPanes(name, &excelize.Panes{
		Freeze:      true,
		YSplit:      1,
		TopLeftCell: "A2",
		ActivePane:  "bottomLeft",
		Selection:   []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}))
	return s
}

// addRow writes the next row. A string becomes a text cell, an int or a
// finite float64 a number cell, a time.Time a date cell in UTC, and nil or
// "" an empty cell. Line breaks in text become "\n", which Excel stores for
// a break typed in a cell.
func (s *sheet) addRow(values ...any) {
	if s.err != nil {
		return
	}
	s.row++
	f := s.book.file
	for i, v := range values {
		cell, err := excelize.CoordinatesToCellName(i+1, s.row)
		if err != nil {
			s.err = err
			return
		}
		switch v := v.(type) {
		case nil:
		case string:
			if v == "" {
				continue
			}
			s.check(f.SetCellStr(s.name, cell, normaliseLineEndings(v)))
			s.check(f.SetCellStyle(s.name, cell, cell, s.book.text))
		case int:
			s.check(f.SetCellInt(s.name, cell, int64(v)))
			s.check(f.SetCellStyle(s.name, cell, cell, s.book.number))
		case float64:
			if math.IsNaN(v) || math.IsInf(v, 0) {
				s.check(fmt.Errorf("cell %s: number %v is not finite", cell, v))
				continue
			}
			s.check(f.SetCellFloat(s.name, cell, v, -1, 64))
			s.check(f.SetCellStyle(s.name, cell, cell, s.book.number))
		case time.Time:
			s.check(f.SetCellValue(s.name, cell, v.UTC()))
			s.check(f.SetCellStyle(s.name, cell, cell, s.book.date))
		default:
			s.check(fmt.Errorf("cell %s: unsupported value type %T", cell, v))
		}
	}
}

// finish adds a filter over the header and the rows written, and returns
// the first error met on this sheet.
func (s *sheet) finish(columns int) error {
	if s.err == nil {
		last, _ := excelize.CoordinatesToCellName(columns, max(s.row, 2))
		s.check(s.book.file.AutoFilter(s.name, "A1:"+last, nil))
	}
	if s.err != nil {
		return fmt.Errorf("sheet %s: %w", s.name, s.err)
	}
	return nil
}

func (s *sheet) check(err error) {
	if s.err == nil {
		s.err = err
	}
}

func normaliseLineEndings(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

func colName(n int) string {
	name, _ := excelize.ColumnNumberToName(n)
	return name
}
