package pdf

import (
	"strings"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"
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

// document wraps the fpdf document. Every string from outside the package
// must pass through text before fpdf draws it.
type document struct {
	pdf    *fpdf.Fpdf
	glyphs sfnt.Buffer // for looking up glyphs in text, never concurrently
}

// text prepares s for the embedded font. It composes characters to
// Unicode's NFC form, so that a letter typed with a separate accent mark
// prints as one glyph, turns line endings into "\n" and tabs into spaces,
// and replaces characters that the font cannot draw.
func (d *document) text(s string) string {
	s = norm.NFC.String(s)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.ReplaceAll(s, "\t", " ")
	return strings.Map(d.drawable, s)
}

// drawable returns r, or missingGlyph when r is a control character other
// than "\n" or the font has no glyph for r.
//
// NOTE: the Go fonts cover Latin, Greek and Cyrillic, about 700 characters
// of the Basic Multilingual Plane, but no emoji, CJK, Arabic or Hebrew. A
// character without a glyph prints as missingGlyph, so that fpdf measures
// and wraps the line with a real width. fpdf v0.12.0 also handles only
// characters up to U+FFFF, so characters beyond it are always replaced.
func (d *document) drawable(r rune) rune {
	if r == '\n' || (r >= ' ' && r <= '~') {
		return r
	}
	if r > 0xFFFF || unicode.IsControl(r) {
		return missingGlyph
	}
	if i, err := regularFont.GlyphIndex(&d.glyphs, r); err != nil || i == 0 {
		return missingGlyph
	}
	return r
}

// setFont selects the Go font in style "" (regular), "B" or "I".
func (d *document) setFont(style string, size float64) {
	d.pdf.SetFont(fontFamily, style, size)
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
