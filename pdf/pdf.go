// Package pdf writes the audit report as an A4 PDF with codeberg.org/go-pdf/fpdf.
// Text is set in the Go fonts from golang.org/x/image/font/gofont, embedded
// as TrueType subsets, which cover Latin, Greek and Cyrillic.
package pdf

import (
	"fmt"
	"io"

	"codeberg.org/go-pdf/fpdf"

	"github.com/imhars/imhars"
)

// Write renders r as a PDF to w. The document's creation and modification
// dates are r.GeneratedAt, so the same report always gives the same bytes.
func Write(w io.Writer, r *imhars.Report) error {
	d := render(r)
	if err := d.pdf.Output(w); err != nil {
		return fmt.Errorf("write pdf report: %w", err)
	}
	return nil
}

// render lays out the whole report. The caller outputs the document, which
// lets tests switch off compression first.
func render(r *imhars.Report) *document {
	d := newDocument(r)
	d.pdf.AddPage()
	d.titleBlock(r)
	d.scoreDefinition(r)
	d.scoreChart(r)
	d.summaryTable(r)
	d.tierGrid(r)
	d.views(r)
	for i := range r.Components {
		d.pdf.AddPage()
		d.component(&r.Components[i])
	}
	return d
}

func newDocument(r *imhars.Report) *document {
	p := fpdf.New("P", "mm", "A4", "")
	d := &document{pdf: p}
	addFonts(p)

	p.SetMargins(margin, margin, margin)
	p.SetAutoPageBreak(true, margin)
	p.AliasNbPages("")
	p.SetCatalogSort(true)
	p.SetCreationDate(r.GeneratedAt)
	p.SetModificationDate(r.GeneratedAt)
	p.SetTitle(textString(fmt.Sprintf("%s: audit report %s", r.School.Name, r.Audit.AcademicYear)), false)
	p.SetSubject(textString(r.Framework.Label()), false)
	p.SetAuthor(textString(r.School.Name), false)
	p.SetCreator(textString("imhars"), false)
	p.SetLang("en-GB")
	p.SetFooterFunc(func() { d.footer(r) })
	return d
}

// footer prints the school's name and the page number at the foot of every
// page. fpdf replaces the alias {nb} with the page count on output.
func (d *document) footer(r *imhars.Report) {
	d.pdf.SetY(-margin + 5)
	d.setFont("", smallSize)
	d.setColor(secondaryText)
	d.pdf.CellFormat(bodyWidth/2, 5, d.text(r.School.Name), "", 0, "L", false, 0, "")
	d.pdf.CellFormat(bodyWidth/2, 5, fmt.Sprintf("Page %d of {nb}", d.pdf.PageNo()), "", 0, "R", false, 0, "")
	d.setColor(bodyText)
}
