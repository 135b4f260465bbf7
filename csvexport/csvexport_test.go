package csvexport

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/internal/reporttest"
)

func write(t *testing.T, r imhars.Report, excel bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WritePractices(&buf, &r, excel); err != nil {
		t.Fatalf("WritePractices: %v", err)
	}
	return buf.Bytes()
}

// readBack parses the output with encoding/csv, after the byte order mark.
func readBack(t *testing.T, data []byte) [][]string {
	t.Helper()
	data = bytes.TrimPrefix(data, []byte(byteOrderMark))
	records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("read csv back: %v", err)
	}
	return records
}

// recordFor returns the record of the practice with the given key.
func recordFor(t *testing.T, records [][]string, key string) []string {
	t.Helper()
	for _, rec := range records {
		if rec[2] == key {
			return rec
		}
	}
	t.Fatalf("no record for practice %s", key)
	return nil
}

// Column positions in PracticeHeader.
const (
	pointsColumn   = 5
	evidenceColumn = 8
)

func TestWritePracticesGolden(t *testing.T) {
	reporttest.CompareGolden(t, "practices.csv", write(t, reporttest.Sample(), false))
}

func TestWritePracticesByteOrderMark(t *testing.T) {
	tests := []struct {
		name  string
		excel bool
		want  string
	}{
		{"excel", true, "\xEF\xBB\xBFComponent,"},
		{"plain", false, "Component,"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := write(t, reporttest.Sample(), tt.excel)
			if !bytes.HasPrefix(got, []byte(tt.want)) {
				t.Errorf("output starts with %q, want %q", got[:12], tt.want)
			}
		})
	}
}

func TestWritePracticesRoundTrip(t *testing.T) {
	r := reporttest.Sample()
	records := readBack(t, write(t, r, true))

	if want := 1 + r.Overall.Total; len(records) != want {
		t.Fatalf("read %d records, want a header and one per practice: %d", len(records), want)
	}
	if diff := cmp.Diff(PracticeHeader(), records[0]); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
	for i, rec := range records {
		if len(rec) != len(PracticeHeader()) {
			t.Errorf("record %d has %d fields, want %d", i, len(rec), len(PracticeHeader()))
		}
	}

	want := "Zoë said \"it's better\", café, 😊\n" +
		"Staff hand out “thank you” cards; the £250 budget pays for the calm room."
	if got := recordFor(t, records, "ethos.respect")[evidenceColumn]; got != want {
		t.Errorf("evidence read back as %q, want %q", got, want)
	}
}

func TestWritePracticesFormulaAsText(t *testing.T) {
	records := readBack(t, write(t, reporttest.Sample(), false))
	tests := []struct {
		name, key, want string
	}{
		{"equals sign", "ethos.policies", `'=HYPERLINK("https://example.org/policy","Behaviour policy")`},
		{"plus sign", "relationships.skills", "'+1+1 lessons a week on listening, planned but not yet taught."},
		{"at sign", "relationships.peers", "'@SUM(A1:A2) is how the peer mentor log totals sessions."},
		{"minus sign", "relationships.mixing", "'-10% fewer playground incidents after mixed-age clubs began."},
		{"tab", "relationships.help", "'\tNotes still to be written up.\nBy half term."},
		{"plain text unchanged", "ethos.respect", "Zoë said \"it's better\", café, 😊\n" +
			"Staff hand out “thank you” cards; the £250 budget pays for the calm room."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := recordFor(t, records, tt.key)[evidenceColumn]; got != tt.want {
				t.Errorf("evidence = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWritePracticesNumbersUnquoted(t *testing.T) {
	records := readBack(t, write(t, reporttest.Sample(), false))
	tests := []struct{ key, want string }{
		{"ethos.respect", "3"},
		{"relationships.skills", "0"},
		{"ethos.safe", ""},
		{"relationships.help", ""},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			if got := recordFor(t, records, tt.key)[pointsColumn]; got != tt.want {
				t.Errorf("rating points = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"equals sign", "=1+1", "'=1+1"},
		{"plus sign", "+1", "'+1"},
		{"minus sign", "-1", "'-1"},
		{"at sign", "@SUM(A1)", "'@SUM(A1)"},
		{"tab", "\tx", "'\tx"},
		{"carriage return", "\rx", "'\nx"},
		{"nul", "\x00x", "'\x00x"},
		{"empty", "", ""},
		{"sign inside", "a=b+c", "a=b+c"},
		{"leading space", " =1", " =1"},
		{"crlf", "one\r\ntwo", "one\ntwo"},
		{"lone cr", "one\rtwo", "one\ntwo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := text(tt.in); got != tt.want {
				t.Errorf("text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLineBreakKeptAsTyped(t *testing.T) {
	r := reporttest.Sample()
	r.Components[0].Practices[0].Assessment.Evidence = "line one\nline two"
	var buf bytes.Buffer
	if err := WritePractices(&buf, &r, false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "\"line one\nline two\"") {
		t.Error("the line break inside the evidence is not written as typed")
	}
	if strings.Contains(buf.String(), "\r") {
		t.Error("the CSV contains a carriage return, which other readers keep in values")
	}
}
