package xlsx

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/internal/resulttable"
)

// Sheet names of the questionnaire results, written after the audit's
// sheets when the report has any.
const (
	ViewsSheet        = "Views"
	ViewCommentsSheet = "View comments"
)

// views writes the questionnaire results and the comments that may be
// shown, with the columns of csvexport.WriteViews.
func (b *book) views(r *imhars.Report) error {
	if len(r.Views) == 0 {
		return nil
	}
	if err := b.table(resulttable.Views(r)); err != nil {
		return err
	}
	return b.table(resulttable.Comments(r))
}

// table writes t as a sheet named t.Name.
func (b *book) table(t resulttable.Table) error {
	columns := make([]column, len(t.Header))
	for i, h := range t.Header {
		columns[i] = column{header: h, width: 12}
		if i < len(t.Widths) {
			columns[i].width = t.Widths[i]
		}
	}
	s := b.newSheet(t.Name, columns)
	for _, row := range t.Rows {
		s.addRow(row...)
	}
	return s.finish(len(columns))
}

// WriteResponses writes a questionnaire's responses as a workbook with the
// sheets Responses, one row per response with a column per item id, and
// Items, which gives each item id's statement. The columns are those of
// csvexport.WriteResponses. Text stays text, never a formula.
func WriteResponses(w io.Writer, title string, items []imhars.Item, responses []imhars.Response,
	withComments bool) error {
	f := excelize.NewFile()
	defer f.Close()

	b, err := newBook(f)
	if err != nil {
		return fmt.Errorf("write responses xlsx: %w", err)
	}
	if err := f.SetSheetName("Sheet1", "Responses"); err != nil {
		return fmt.Errorf("write responses xlsx: rename first sheet: %w", err)
	}
	tables := []resulttable.Table{resulttable.Responses(items, responses, withComments), resulttable.Items(items)}
	for _, t := range tables {
		if err := b.table(t); err != nil {
			return fmt.Errorf("write responses xlsx: %w", err)
		}
	}
	props := &excelize.DocProperties{Creator: "imhars", LastModifiedBy: "imhars", Title: title, Language: "en-GB"}
	if err := f.SetDocProps(props); err != nil {
		return fmt.Errorf("write responses xlsx: set document properties: %w", err)
	}
	f.SetActiveSheet(0)
	if err := f.Write(w); err != nil {
		return fmt.Errorf("write responses xlsx: %w", err)
	}
	return nil
}
