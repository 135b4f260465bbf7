package pdf

import (
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// fontFamily is the name under which the Go fonts are added to a document.
const fontFamily = "Go"

// missingGlyph is printed in place of a character that the font cannot
// draw. It is U+FFFD REPLACEMENT CHARACTER, which the Go fonts include.
const missingGlyph = '\uFFFD'

// fontStyles maps fpdf's style names to the TrueType data of the Go fonts.
// The regular, bold and italic fonts map the same characters to glyphs, so
// regularFont decides for all three which characters can be drawn.
var fontStyles = []struct {
	style string
	ttf   []byte
}{
	{"", goregular.TTF},
	{"B", gobold.TTF},
	{"I", goitalic.TTF},
}

// regularFont is parsed once to look up which characters have a glyph.
// Its methods are safe for concurrent use with a separate sfnt.Buffer each.
var regularFont = mustParseFont(goregular.TTF)

func mustParseFont(ttf []byte) *sfnt.Font {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		panic("pdf: parse embedded font: " + err.Error())
	}
	return f
}

// addFonts embeds the Go fonts in p. fpdf writes only the glyphs a
// document uses, so each style of about 150 KB added 6 to 13 KB to the
// compressed 30-page report that BenchmarkPDF writes.
func addFonts(p *fpdf.Fpdf) {
	for _, f := range fontStyles {
		p.AddUTF8FontFromBytes(fontFamily, f.style, f.ttf)
	}
}

// textString encodes s as a PDF text string: UTF-16BE with a byte order
// mark. fpdf v0.12.0's own conversion, used when a setter such as SetTitle
// is passed isUTF8 true, writes no surrogate pairs and so garbles characters
// beyond U+FFFF such as emoji. Setters given isUTF8 false store the string
// unchanged, so they take this encoding as it is.
func textString(s string) string {
	units := utf16.Encode([]rune(s))
	b := make([]byte, 2, 2+2*len(units))
	b[0], b[1] = 0xFE, 0xFF
	for _, u := range units {
		b = append(b, byte(u>>8), byte(u))
	}
	return string(b)
}
