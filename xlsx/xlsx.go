// Package xlsx writes the audit report as an Excel workbook with
// github.com/xuri/excelize/v2. Text is always written as a string cell,
// never as a formula, so a value such as "=HYPERLINK(...)" typed into the
// evidence stays text when the workbook is opened.
package xlsx

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/imhars/imhars"
)

// Sheet names, in workbook order.
const (
	SummarySheet   = "Summary"
	PracticesSheet = "Practices"
	FindingsSheet  = "Findings"
)

// Write renders r as a workbook with the sheets Summary, Practices and
// Findings, then Views and View comments when r has questionnaire results.
// The document properties take their dates from r.GeneratedAt.
func Write(w io.Writer, r *imhars.Report) error {
	f := excelize.NewFile()
	defer f.Close()

	b, err := newBook(f)
	if err != nil {
		return fmt.Errorf("write xlsx report: %w", err)
	}
	if err := f.SetSheetName("Sheet1", SummarySheet); err != nil {
		return fmt.Errorf("write xlsx report: rename first sheet: %w", err)
	}
	steps := []func(*imhars.Report) error{b.summary, b.practices, b.findings, b.views}
	for _, step := range steps {
		if err := step(r); err != nil {
			return fmt.Errorf("write xlsx report: %w", err)
		}
	}
	if err := f.SetDocProps(docProps(r)); err != nil {
		return fmt.Errorf("write xlsx report: set document properties: %w", err)
	}
	f.SetActiveSheet(0)
	if err := f.Write(w); err != nil {
		return fmt.Errorf("write xlsx report: %w", err)
	}
	return nil
}

func docProps(r *imhars.Report) *excelize.DocProperties {
	at := r.GeneratedAt.UTC().Format(time.RFC3339)
	return &excelize.DocProperties{
		Created:        at,
		Modified:       at,
		Creator:        "imhars",
		LastModifiedBy: "imhars",
		Title:          fmt.Sprintf("%s: audit report %s", r.School.Name, r.Audit.AcademicYear),
		Subject:        r.Framework.Label(),
		Language:       "en-GB",
	}
}

func componentName(c *imhars.Component) string {
	return fmt.Sprintf("%d. %s", c.Number, c.Title)
}
