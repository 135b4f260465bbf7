package pdf

import (
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"

	"github.com/imhars/imhars/internal/reporttest"
)

// unicodeSample mixes letters beyond Windows-1252 (Polish, Turkish, Greek)
// with letters and signs that it contains.
const unicodeSample = "Łódź, Şule, Ελλάδα, café, £5, “quotes”"

func TestWriteUnicodeText(t *testing.T) {
	r := reporttest.Sample()
	r.School.Name = unicodeSample + " School"
	component := *r.Components[0].Component
	component.Title = unicodeSample
	r.Components[0].Component = &component
	a := r.Components[0].Practices[0].Assessment
	a.Evidence = "Evidence from " + unicodeSample + " 😊"
	r.Components[0].Practices[0].Assessment = a

	pages := pageTexts(t, renderPlain(t, r))
	// Lines wrap at spaces, so joining them with spaces restores a phrase
	// that was wrapped.
	all := strings.Join(flatten(pages), " ")
	tests := []struct{ name, want string }{
		{"title block and footer", unicodeSample + " School"},
		{"summary table", "1. " + unicodeSample},
		{"component heading", unicodeSample},
		{"evidence with emoji replaced", "Evidence from " + unicodeSample + " \uFFFD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(all, tt.want) {
				t.Errorf("no %q in the document text", tt.want)
			}
		})
	}
	if strings.Contains(all, "😊") {
		t.Error("the document text contains an emoji, which the font has no glyph for")
	}
}

func TestWriteUnicodeMetadata(t *testing.T) {
	r := reporttest.Sample()
	r.School.Name = unicodeSample + " 😊"
	doc := renderPlain(t, r)
	tests := []struct{ key, want string }{
		{"/Title", unicodeSample + " 😊: audit report 2026/27"},
		{"/Author", unicodeSample + " 😊"},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			if got := infoValue(t, doc, tt.key); got != tt.want {
				t.Errorf("%s = %q, want %q", tt.key, got, tt.want)
			}
		})
	}
}

// TestWriteToUnicodeMaps checks that every embedded font maps its character
// codes back to Unicode, which text extraction and copying from a PDF
// viewer need.
func TestWriteToUnicodeMaps(t *testing.T) {
	doc := string(renderPlain(t, reporttest.Sample()))
	fonts := strings.Count(doc, "/Subtype /Type0")
	if fonts != len(fontStyles) {
		t.Errorf("document embeds %d Type0 fonts, want %d", fonts, len(fontStyles))
	}
	if maps := strings.Count(doc, "/ToUnicode "); maps != fonts {
		t.Errorf("document has %d /ToUnicode maps for %d fonts", maps, fonts)
	}
}

func TestText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"Latin, Greek and Cyrillic kept", "Łódź Ελλάδα Привет", "Łódź Ελλάδα Привет"},
		{"accent mark composed", "cafe\u0301", "café"},
		{"line endings", "a\r\nb\rc", "a\nb\nc"},
		{"tab", "a\tb", "a b"},
		{"emoji replaced", "ok 😊", "ok \uFFFD"},
		{"Hebrew replaced", "שלום", "\uFFFD\uFFFD\uFFFD\uFFFD"},
		{"control character replaced", "a\x00b", "a\uFFFDb"},
	}
	d := &document{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := d.text(tt.in); got != tt.want {
				t.Errorf("text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestFontStylesCoverSameCharacters checks the assumption that lets
// regularFont decide for the bold and italic fonts too, and that printable
// ASCII, which drawable passes without a lookup, has glyphs in each.
func TestFontStylesCoverSameCharacters(t *testing.T) {
	var buf sfnt.Buffer
	for _, f := range fontStyles {
		font, err := sfnt.Parse(f.ttf)
		if err != nil {
			t.Fatalf("parse font style %q: %v", f.style, err)
		}
		for r := rune(0); r <= 0xFFFF; r++ {
			want, err := regularFont.GlyphIndex(&buf, r)
			if err != nil {
				t.Fatalf("regular font: glyph for %U: %v", r, err)
			}
			got, err := font.GlyphIndex(&buf, r)
			if err != nil {
				t.Fatalf("style %q: glyph for %U: %v", f.style, r, err)
			}
			if (got == 0) != (want == 0) {
				t.Errorf("style %q has a glyph for %U: %t, regular font: %t", f.style, r, got != 0, want != 0)
			}
			if r >= ' ' && r <= '~' && got == 0 {
				t.Errorf("style %q has no glyph for printable ASCII %q", f.style, r)
			}
		}
	}
}
