package pdf

import (
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// Page geometry in millimetres on A4 (210 × 297 mm).
const (
	margin    = 20.0
	bodyWidth = 210 - 2*margin
	lineH     = 5.0 // height of one line of body text
)

// Font sizes in points.
const (
	titleSize    = 22
	heading1Size = 16
	heading2Size = 12
	bodySize     = 10
	smallSize    = 8
)

type rgb struct{ r, g, b int }

// Colours. Text colours keep a contrast of at least 4.5:1 on white.
var (
	bodyText      = rgb{11, 12, 12}
	secondaryText = rgb{80, 90, 95}
	barFill       = rgb{29, 112, 184}
	trackFill     = rgb{243, 242, 241}
	ruleColor     = rgb{177, 180, 182}
)

// document wraps the fpdf document with the translator from UTF-8 to
// Windows-1252, which every string must pass through before fpdf draws it.
type document struct {
	pdf       *fpdf.Fpdf
	translate func(string) string
}

// text converts s for the core fonts. Line endings become "\n" and tabs
// become spaces, because the core fonts have no tab glyph.
func (d *document) text(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.ReplaceAll(s, "\t", " ")
	return d.translate(s)
}

// setFont selects Helvetica in style "" (regular), "B" or "I".
func (d *document) setFont(style string, size float64) {
	d.pdf.SetFont("Helvetica", style, size)
}

func (d *document) setColor(c rgb) { d.pdf.SetTextColor(c.r, c.g, c.b) }

func (d *document) setFill(c rgb) { d.pdf.SetFillColor(c.r, c.g, c.b) }

// ensureSpace starts a new page unless height millimetres fit above the
// bottom margin, so that a heading is not left alone at the foot of a page.
func (d *document) ensureSpace(height float64) {
	_, pageHeight := d.pdf.GetPageSize()
	if d.pdf.GetY()+height > pageHeight-margin {
		d.pdf.AddPage()
	}
}

// heading prints a bold heading with room for two lines of text below it.
func (d *document) heading(s string, size float64) {
	d.ensureSpace(size*0.6 + 2*lineH)
	d.pdf.Ln(size * 0.25)
	d.setFont("B", size)
	d.pdf.MultiCell(0, size*0.45, d.text(s), "", "L", false)
	d.pdf.Ln(1)
}

// paragraph prints s in body text, wrapped at the right margin and across
// pages.
func (d *document) paragraph(s string) {
	d.setFont("", bodySize)
	d.pdf.MultiCell(0, lineH, d.text(s), "", "L", false)
}

// note prints s in grey italics, for placeholders such as "Nothing recorded."
func (d *document) note(s string) {
	d.setFont("I", bodySize)
	d.setColor(secondaryText)
	d.pdf.MultiCell(0, lineH, d.text(s), "", "L", false)
	d.setColor(bodyText)
}

// field prints a bold label with its text below, or a note when the text is
// empty.
func (d *document) field(label, value string) {
	d.ensureSpace(3 * lineH)
	d.setFont("B", bodySize)
	d.pdf.MultiCell(0, lineH, d.text(label), "", "L", false)
	if strings.TrimSpace(value) == "" {
		d.note("Nothing recorded.")
	} else {
		d.paragraph(value)
	}
	d.pdf.Ln(2)
}

// bullet prints s as an item of a bulleted list, with wrapped lines
// indented under the first.
func (d *document) bullet(s string) {
	const indent = 5.0
	d.ensureSpace(lineH)
	d.setFont("", bodySize)
	x := d.pdf.GetX()
	d.pdf.CellFormat(indent, lineH, d.text("•"), "", 0, "L", false, 0, "")
	d.pdf.MultiCell(bodyWidth-indent, lineH, d.text(s), "", "L", false)
	d.pdf.SetX(x)
}
