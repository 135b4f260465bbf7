package csvexport

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/internal/resulttable"
)

// WriteViews writes the questionnaire results of r, one row per item of
// each group, with the columns of the Views sheet of the XLSX export. A
// group too small to show is one row with no figures.
func WriteViews(w io.Writer, r *imhars.Report, excel bool) error {
	if err := WriteTable(w, resulttable.Views(r), excel); err != nil {
		return fmt.Errorf("write views csv: %w", err)
	}
	return nil
}

// WriteResponses writes a questionnaire's responses, one row each, with a
// column per item id, retired items included, and a column per component's
// comments when withComments is set.
func WriteResponses(w io.Writer, items []imhars.Item, responses []imhars.Response,
	withComments, excel bool) error {
	if err := WriteTable(w, resulttable.Responses(items, responses, withComments), excel); err != nil {
		return fmt.Errorf("write responses csv: %w", err)
	}
	return nil
}

// WriteTable writes t's header and rows, each row padded with empty cells
// to the header's width. Text is escaped as in WritePractices, numbers are
// written as numbers, and with excel set the file starts with a UTF-8 byte
// order mark.
func WriteTable(w io.Writer, t resulttable.Table, excel bool) error {
	if excel {
		if _, err := io.WriteString(w, byteOrderMark); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	header := make([]string, len(t.Header))
	for i, h := range t.Header {
		header[i] = text(h)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for i, row := range t.Rows {
		if len(row) > len(t.Header) {
			return fmt.Errorf("row %d has %d cells for %d columns", i+1, len(row), len(t.Header))
		}
		record := make([]string, len(t.Header))
		for j, cell := range row {
			s, err := cellText(cell)
			if err != nil {
				return fmt.Errorf("row %d, column %d: %w", i+1, j+1, err)
			}
			record[j] = s
		}
		if err := cw.Write(record); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func cellText(cell any) (string, error) {
	switch v := cell.(type) {
	case nil:
		return "", nil
	case string:
		return text(v), nil
	case int:
		return strconv.Itoa(v), nil
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return "", fmt.Errorf("number %v is not finite", v)
		}
		return strconv.FormatFloat(v, 'f', 2, 64), nil
	}
	return "", fmt.Errorf("unsupported value type %T", cell)
}
