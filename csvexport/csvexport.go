// Package csvexport writes the audit's practices as CSV, one row per
// practice, with the same columns as the Practices sheet of the XLSX
// export. Text that begins with a character a spreadsheet reads as the
// start of a formula gets a leading apostrophe, the escape that OWASP ASVS
// 5.0 requirement 1.2.10 asks for, so that it opens as text.
package csvexport

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/imhars/imhars"
)

// byteOrderMark is UTF-8's byte order mark. Excel on Windows opens a CSV
// file that starts with it as UTF-8, and may use the system code page
// otherwise.
const byteOrderMark = "\uFEFF"

// PracticeHeader returns the column names of the practices export.
func PracticeHeader() []string {
	return []string{
		"Component", "Practice number", "Practice key", "Practice text", "Rating",
		"Rating points", "Priority", "Evidence kinds", "Evidence", "Updated by", "Updated at (UTC)",
	}
}

// WritePractices writes a header and one row per practice of r, in
// framework order. With excel set it starts with a UTF-8 byte order mark.
// Lines end in LF rather than the CRLF of RFC 4180, because encoding/csv
// writes a line break inside a quoted value with the same ending, and only
// LF reads back byte for byte in every CSV reader. Excel and LibreOffice
// read either.
func WritePractices(w io.Writer, r *imhars.Report, excel bool) error {
	if excel {
		if _, err := io.WriteString(w, byteOrderMark); err != nil {
			return fmt.Errorf("write practices csv: %w", err)
		}
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(PracticeHeader()); err != nil {
		return fmt.Errorf("write practices csv: %w", err)
	}
	for _, c := range r.Components {
		for _, row := range c.Practices {
			if err := cw.Write(practiceRecord(c.Component, row)); err != nil {
				return fmt.Errorf("write practices csv: practice %s: %w", row.Practice.Key, err)
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write practices csv: %w", err)
	}
	return nil
}

func practiceRecord(c *imhars.Component, row imhars.PracticeRow) []string {
	a := row.Assessment
	points, updated := "", ""
	if a.Rating.Assessed() {
		points = strconv.Itoa(int(a.Rating))
	}
	if !a.UpdatedAt.IsZero() {
		updated = a.UpdatedAt.UTC().Format(time.RFC3339)
	}
	kinds := make([]string, len(a.Kinds))
	for i, k := range a.Kinds {
		kinds[i] = k.Label()
	}
	return []string{
		text(fmt.Sprintf("%d. %s", c.Number, c.Title)),
		text(row.Practice.Number),
		text(row.Practice.Key),
		text(row.Practice.Text),
		text(a.Rating.Label()),
		points,
		text(a.Priority.Label()),
		text(strings.Join(kinds, "; ")),
		text(a.Evidence),
		text(a.UpdatedBy),
		updated,
	}
}

// text prepares a text value for a CSV cell. A value that begins with a
// character a spreadsheet treats as the start of a formula (= + - @, tab,
// carriage return or NUL) gets a leading apostrophe, so that it opens as text.
// Line endings inside the value become "\n", the file's own line ending.
func text(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r\x00", rune(s[0])) {
		s = "'" + s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
