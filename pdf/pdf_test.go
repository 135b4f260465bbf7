package pdf

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/internal/reporttest"
)

// renderPlain returns the report as a PDF with uncompressed content
// streams, so that the tests can read the text drawn on each page.
func renderPlain(t *testing.T, r imhars.Report) []byte {
	t.Helper()
	d := render(&r)
	d.pdf.SetCompression(false)
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		t.Fatalf("output pdf: %v", err)
	}
	return buf.Bytes()
}

var (
	contentsPattern = regexp.MustCompile(`/Contents (\d+) 0 R`)
	showPattern     = regexp.MustCompile(`\(((?:\\.|[^\\)])*)\)\s*Tj`)
	countPattern    = regexp.MustCompile(`/Type /Pages\n/Kids \[[^\]]*\]\n/Count (\d+)`)
)

// pageTexts returns the strings drawn on each page, in drawing order. The
// embedded fonts use Unicode code points as character codes, so each string
// is decoded from UTF-16BE.
func pageTexts(t *testing.T, doc []byte) [][]string {
	t.Helper()
	var pages [][]string
	for _, stream := range contentStreams(t, doc) {
		var lines []string
		for _, show := range showPattern.FindAllSubmatch(stream, -1) {
			lines = append(lines, decodeUTF16(t, unescape(show[1])))
		}
		pages = append(pages, lines)
	}
	return pages
}

// contentStreams returns each page's content stream, in page order. The
// document's other streams contain fonts and character maps.
func contentStreams(t *testing.T, doc []byte) [][]byte {
	t.Helper()
	var streams [][]byte
	for _, ref := range contentsPattern.FindAllSubmatch(doc, -1) {
		object := regexp.MustCompile(`(?s)\n` + string(ref[1]) + ` 0 obj\n<<[^>]*>>\nstream\n(.*?)\nendstream`)
		m := object.FindSubmatch(doc)
		if m == nil {
			t.Fatalf("no stream for content object %s", ref[1])
		}
		streams = append(streams, m[1])
	}
	return streams
}

// unescape undoes the escapes of a PDF literal string that fpdf writes.
func unescape(s []byte) []byte {
	var out []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			if s[i] == 'r' {
				out = append(out, '\r')
				continue
			}
		}
		out = append(out, s[i])
	}
	return out
}

func decodeUTF16(t *testing.T, b []byte) string {
	t.Helper()
	if len(b)%2 != 0 {
		t.Fatalf("string of %d bytes is not UTF-16: %q", len(b), b)
	}
	units := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		units = append(units, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(units))
}

// infoValue returns a text value of the document information dictionary,
// such as /Title, decoding the UTF-16BE form that starts with a byte order
// mark.
func infoValue(t *testing.T, doc []byte, key string) string {
	t.Helper()
	m := regexp.MustCompile(regexp.QuoteMeta(key) + ` \(((?:\\.|[^\\)])*)\)`).FindSubmatch(doc)
	if m == nil {
		t.Fatalf("no %s in the document information", key)
	}
	raw := unescape(m[1])
	if !bytes.HasPrefix(raw, []byte{0xfe, 0xff}) {
		return string(raw)
	}
	return decodeUTF16(t, raw[2:])
}

func TestWriteGoldenText(t *testing.T) {
	pages := pageTexts(t, renderPlain(t, reporttest.Sample()))
	var b strings.Builder
	fmt.Fprintf(&b, "pages: %d\n", len(pages))
	for i, lines := range pages {
		fmt.Fprintf(&b, "--- page %d ---\n", i+1)
		for _, line := range lines {
			b.WriteString(line + "\n")
		}
	}
	reporttest.CompareGolden(t, "sample.txt", []byte(b.String()))
}

func TestWritePageCount(t *testing.T) {
	doc := renderPlain(t, reporttest.Sample())
	m := countPattern.FindSubmatch(doc)
	if m == nil {
		t.Fatal("no page tree with /Count in the document")
	}
	pages := pageTexts(t, doc)
	if got := string(m[1]); got != fmt.Sprint(len(pages)) {
		t.Errorf("page tree counts %s pages, found %d content streams", got, len(pages))
	}
	// The summary takes at least one page and each component starts a page.
	if minPages := 1 + len(reporttest.Sample().Components); len(pages) < minPages {
		t.Errorf("got %d pages, want at least %d", len(pages), minPages)
	}
}

func TestWriteFooterPageNumbers(t *testing.T) {
	pages := pageTexts(t, renderPlain(t, reporttest.Sample()))
	for i, lines := range pages {
		want := fmt.Sprintf("Page %d of %d", i+1, len(pages))
		if !contains(lines, want) {
			t.Errorf("page %d has no footer %q", i+1, want)
		}
	}
}

func TestWriteMetadata(t *testing.T) {
	doc := renderPlain(t, reporttest.Sample())
	want := map[string]string{
		"/Title":        "St Mary’s C of E Primary School: audit report 2026/27",
		"/Subject":      "iMHARS (2026.1)",
		"/Author":       "St Mary’s C of E Primary School",
		"/Creator":      "imhars",
		"/CreationDate": "D:20261102103000",
		"/ModDate":      "D:20261102103000",
	}
	got := map[string]string{}
	for key := range want {
		got[key] = infoValue(t, doc, key)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("document information (-want +got):\n%s", diff)
	}
}

func TestWriteFileFraming(t *testing.T) {
	r := reporttest.Sample()
	var first, second bytes.Buffer
	if err := Write(&first, &r); err != nil {
		t.Fatalf("Write: %v", err)
	}
	if err := Write(&second, &r); err != nil {
		t.Fatalf("second Write: %v", err)
	}

	if !bytes.HasPrefix(first.Bytes(), []byte("%PDF-")) {
		t.Errorf("output starts with %q, want %%PDF-", first.Bytes()[:8])
	}
	if !bytes.HasSuffix(bytes.TrimSpace(first.Bytes()), []byte("%%EOF")) {
		t.Errorf("output does not end with %%%%EOF")
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Error("two writes of the same report differ")
	}
}

func TestWriteCharacters(t *testing.T) {
	pages := pageTexts(t, renderPlain(t, reporttest.Sample()))
	all := strings.Join(flatten(pages), "\n")
	tests := []struct{ name, want string }{
		{"diaeresis", "Zoë said \"it's better\""},
		{"acute accent", "café"},
		{"right single quotation mark", "St Mary’s"},
		{"pound sign", "£250"},
		{"curly double quotes", "“thank you”"},
		{"emoji without a glyph replaced", "café, \uFFFD"},
		{"bullet", "•"},
		{"formula text printed as is", `=HYPERLINK("https://example.org/policy","Behaviour policy")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(all, tt.want) {
				t.Errorf("no %q in the document text", tt.want)
			}
		})
	}
}

func TestWriteLongEvidenceAcrossPages(t *testing.T) {
	r := reporttest.Sample()
	evidence := strings.Repeat("Staff described the check-in routine in detail. ", 250)[:imhars.MaxEvidenceLen]
	a := r.Components[0].Practices[0].Assessment
	a.Evidence = evidence
	r.Components[0].Practices[0].Assessment = a

	pages := pageTexts(t, renderPlain(t, r))
	first, last := -1, -1
	for i, lines := range pages {
		if strings.Contains(strings.Join(lines, " "), "check-in routine") {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 || last == first {
		t.Fatalf("evidence of %d characters was drawn on pages %d to %d, want more than one page",
			len(evidence), first+1, last+1)
	}
	var drawn []string
	for _, lines := range pages[first : last+1] {
		drawn = append(drawn, lines[:len(lines)-footerLines]...)
	}
	if got := strings.Join(drawn, " "); !strings.Contains(got, strings.TrimSpace(evidence)) {
		t.Error("the wrapped evidence, joined again, does not contain the whole text")
	}
}

func TestWriteWithoutPreviousOrFindings(t *testing.T) {
	r := reporttest.Sample()
	r.Previous = nil
	for i := range r.Components {
		r.Components[i].Change = nil
		r.Components[i].Findings = imhars.ComponentFindings{}
	}
	lines := flatten(pageTexts(t, renderPlain(t, r)))
	for _, want := range []string{"Change", "No earlier score", "Not reviewed", "Nothing recorded."} {
		if !contains(lines, want) {
			t.Errorf("no line %q in the document", want)
		}
	}
}

// footerLines is the number of strings the footer draws at the end of each
// page: the school's name and the page number.
const footerLines = 2

func contains(lines []string, want string) bool {
	for _, line := range lines {
		if line == want {
			return true
		}
	}
	return false
}

func flatten(pages [][]string) []string {
	var out []string
	for _, lines := range pages {
		out = append(out, lines...)
	}
	return out
}

func BenchmarkPDF(b *testing.B) {
	r := reporttest.Full()
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, &r); err != nil {
			b.Fatal(err)
		}
	}
}
