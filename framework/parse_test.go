package framework

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/imhars/imhars"
)

// lines joins its arguments into a file, so that a test's line numbers can
// be read off the argument list.
func lines(ls ...string) []byte {
	return []byte(strings.Join(ls, "\n") + "\n")
}

// header is the top of a valid file, lines 1 to 5.
var header = []string{
	"slug: demo",
	`version: "1"`,
	"title: Demo",
	"components:",
	"  - key: one",
}

// valid returns a valid file whose line 6 onwards is rest, or a file of two
// components, each with one practice, when rest is empty.
func valid(rest ...string) []byte {
	if len(rest) == 0 {
		rest = []string{
			"    title: One",
			"    practices:",
			"      - key: one.a",
			"        text: First practice.",
			"  - key: two",
			"    title: Two",
			"    practices:",
			"      - key: two.a",
			"        text: Second practice.",
		}
	}
	return lines(append(append([]string(nil), header...), rest...)...)
}

func TestParseValid(t *testing.T) {
	src := lines(
		"slug: demo",
		`version: "2026.1"`,
		"title: Demo framework",
		"description: >",
		"  Folded text",
		"  over two lines.",
		"source: Written for tests.",
		"components:",
		"  - key: one",
		"    title: One",
		"    summary: The first component.",
		"    practices:",
		"      - key: one.a",
		"        text: First practice.",
		"        statements:",
		"          pupils_5_7: I like school.",
		"          staff:",
		"            text: Staff like the school.",
		"            provisional: true",
		"      - key: one.b",
		"        text: Second practice.",
		"        provisional: true",
		"        statements:",
		"          parents: My child likes school.",
		"  - key: two",
		"    title: Two",
		"    provisional: true",
		"    practices:",
		"      - key: two.a",
		"        text: Third practice.",
	)
	want := &imhars.Framework{
		Slug:        "demo",
		Version:     "2026.1",
		Title:       "Demo framework",
		Description: "Folded text over two lines.",
		Source:      "Written for tests.",
		Provisional: true,
		Components: []imhars.Component{
			{Key: "one", Number: 1, Title: "One", Summary: "The first component.", Practices: []imhars.Practice{
				{Key: "one.a", Number: "1.1", Text: "First practice.", Statements: []imhars.Statement{
					{Audience: "staff", Text: "Staff like the school.", Provisional: true},
					{Audience: "pupils_5_7", Text: "I like school."},
				}},
				{Key: "one.b", Number: "1.2", Text: "Second practice.", Provisional: true, Statements: []imhars.Statement{
					{Audience: "parents", Text: "My child likes school.", Provisional: true},
				}},
			}},
			{Key: "two", Number: 2, Title: "Two", Provisional: true, Practices: []imhars.Practice{
				{Key: "two.a", Number: "2.1", Text: "Third practice."},
			}},
		},
	}

	got, err := Parse(src)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Parse mismatch (-want +got):\n%s", diff)
	}
}

func TestParseProvisional(t *testing.T) {
	tests := []struct {
		name string
		src  []byte
		want bool
	}{
		{"nothing provisional", valid(), false},
		{"file marked", append(lines("provisional: true"), valid()...), true},
		{"statement marked", valid(
			"    title: One",
			"    practices:",
			"      - key: one.a",
			"        text: First practice.",
			"        statements:",
			"          governors: {text: Governors agree., provisional: true}",
		), true},
		{"statement marked false", valid(
			"    title: One",
			"    practices:",
			"      - key: one.a",
			"        text: First practice.",
			"        statements:",
			"          governors: {text: Governors agree., provisional: false}",
		), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse(tt.src)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if f.Provisional != tt.want {
				t.Errorf("Provisional = %v, want %v", f.Provisional, tt.want)
			}
		})
	}
}

func TestParseMaxLengths(t *testing.T) {
	title := strings.Repeat("t", MaxTitleLen)
	text := strings.Repeat("é", MaxTextLen) // two bytes each, to show lengths count characters
	src := valid(
		"    title: "+title,
		"    practices:",
		"      - key: one.a",
		"        text: "+text,
	)
	f, err := Parse(src)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if got := f.Components[0].Practices[0].Text; got != text {
		t.Errorf("practice text has %d characters, want %d", len([]rune(got)), MaxTextLen)
	}
}

// wantProblem is the part of a Problem that the table tests check exactly,
// with a phrase the message must contain.
type wantProblem struct {
	Line    int
	Field   string
	Message string
}

func TestParseInvalid(t *testing.T) {
	tests := []struct {
		name string
		src  []byte
		want []wantProblem
	}{
		{
			name: "unclosed flow list",
			src:  lines("slug: demo", "title: [unclosed", "version: 1"),
			want: []wantProblem{{2, "", "invalid YAML: did not find expected ',' or ']'"}},
		},
		{
			name: "unclosed flow mapping at end",
			src:  []byte("slug: demo\n\ntitle: {text: x"),
			want: []wantProblem{{3, "", "invalid YAML: did not find expected ',' or '}'"}},
		},
		{
			name: "unclosed flow list on only line",
			src:  []byte("slug: [demo"),
			want: []wantProblem{{1, "", "invalid YAML: did not find expected ',' or ']'"}},
		},
		{
			name: "list item in mapping",
			src:  lines("slug: demo", "title: Demo", "- key: one", "version: 1"),
			want: []wantProblem{{3, "", "invalid YAML: did not find expected key"}},
		},
		{
			name: "tab indentation",
			src:  lines("slug: demo", "components:", "\t- key: one"),
			want: []wantProblem{{3, "", "invalid YAML: found character that cannot start any token"}},
		},
		{
			name: "colon in plain text",
			src:  lines("slug: demo", "title: Demo: a test"),
			want: []wantProblem{{2, "", "invalid YAML: mapping values are not allowed in this context"}},
		},
		{
			name: "unclosed quote",
			src:  lines("slug: demo", `title: "Demo`, "version: 1"),
			want: []wantProblem{{2, "", "invalid YAML"}},
		},
		{
			name: "empty file",
			src:  lines("# only a comment"),
			want: []wantProblem{{0, "", "file is empty"}},
		},
		{
			name: "top level list",
			src:  lines("- slug: demo"),
			want: []wantProblem{{1, "", "must be a mapping"}},
		},
		{
			name: "two documents",
			src:  append(valid(), lines("---", "slug: other")...),
			want: []wantProblem{{15, "", "second YAML document"}},
		},
		{
			name: "unknown top field",
			src:  append(lines("titel: Demo"), valid()...),
			want: []wantProblem{{1, "titel", "unknown field; expected one of slug, version"}},
		},
		{
			name: "repeated field",
			src:  append(valid(), lines("title: Again")...),
			want: []wantProblem{{15, "title", "repeated"}},
		},
		{
			name: "missing slug",
			src:  valid()[len("slug: demo\n"):],
			want: []wantProblem{{1, "slug", "missing; every framework needs a slug"}},
		},
		{
			name: "empty version",
			src: lines(
				"slug: demo",
				"version:",
				"title: Demo",
				"components:",
				"  - key: one",
				"    title: One",
				"    practices:",
				"      - key: one.a",
				"        text: First practice.",
			),
			want: []wantProblem{{2, "version", "empty; every framework needs a version"}},
		},
		{
			name: "bad slug",
			src:  append(lines("slug: Demo Framework"), valid()[len("slug: demo\n"):]...),
			want: []wantProblem{{1, "slug", `invalid key "Demo Framework"`}},
		},
		{
			name: "bad component key",
			src: lines(
				"slug: demo",
				`version: "1"`,
				"title: Demo",
				"components:",
				"  - key: One",
				"    title: One",
				"    practices:",
				"      - key: one.a",
				"        text: First practice.",
			),
			want: []wantProblem{{5, "components[0].key", `invalid key "One"`}},
		},
		{
			name: "key with double dot",
			src: valid(
				"    title: One",
				"    practices:",
				"      - key: one..a",
				"        text: First practice.",
			),
			want: []wantProblem{{8, "components[0].practices[0].key", `invalid key "one..a"`}},
		},
		{
			name: "duplicate component key",
			src: valid(
				"    title: One",
				"    practices:",
				"      - key: one.a",
				"        text: First practice.",
				"  - key: one",
				"    title: Another one",
				"    practices:",
				"      - key: one.b",
				"        text: Second practice.",
			),
			want: []wantProblem{{10, "components[1].key", `duplicate key "one"; components[0].key on line 5`}},
		},
		{
			name: "duplicate practice key in other component",
			src: valid(
				"    title: One",
				"    practices:",
				"      - key: one.a",
				"        text: First practice.",
				"  - key: two",
				"    title: Two",
				"    practices:",
				"      - key: one.a",
				"        text: Second practice.",
			),
			want: []wantProblem{{13, "components[1].practices[0].key", `duplicate key "one.a"`}},
		},
		{
			name: "components empty",
			src:  lines("slug: demo", `version: "1"`, "title: Demo", "components: []"),
			want: []wantProblem{{4, "components", "empty; a framework needs at least one component"}},
		},
		{
			name: "components missing",
			src:  lines("slug: demo", `version: "1"`, "title: Demo"),
			want: []wantProblem{{1, "components", "missing"}},
		},
		{
			name: "components not a list",
			src:  lines("slug: demo", `version: "1"`, "title: Demo", "components: ethos"),
			want: []wantProblem{{4, "components", `must be a list of components, not "ethos"`}},
		},
		{
			name: "component not a mapping",
			src:  lines("slug: demo", `version: "1"`, "title: Demo", "components:", "  - ethos"),
			want: []wantProblem{{5, "components[0]", "must be a mapping"}},
		},
		{
			name: "component without practices",
			src:  valid("    title: One"),
			want: []wantProblem{{5, "components[0].practices", "missing; every component needs at least one practice"}},
		},
		{
			name: "component with empty practices",
			src:  valid("    title: One", "    practices:"),
			want: []wantProblem{{7, "components[0].practices", "empty"}},
		},
		{
			name: "unknown component field",
			src: valid(
				"    title: One",
				"    summery: Misspelt.",
				"    practices:",
				"      - key: one.a",
				"        text: First practice.",
			),
			want: []wantProblem{{7, "components[0].summery", "unknown field; expected one of key, title"}},
		},
		{
			name: "missing practice text",
			src: valid(
				"    title: One",
				"    practices:",
				"      - key: one.a",
				"        text: First practice.",
				"  - key: two",
				"    title: Two",
				"    practices:",
				"      - key: two.a",
				"        text: Second practice.",
				"      - key: two.b",
				"        provisional: true",
			),
			want: []wantProblem{{15, "components[1].practices[1].text", "missing; every practice needs its wording"}},
		},
		{
			name: "practice text is a list",
			src: valid(
				"    title: One",
				"    practices:",
				"      - key: one.a",
				"        text:",
				"          - First practice.",
			),
			want: []wantProblem{{10, "components[0].practices[0].text", "must be text, not a list"}},
		},
		{
			name: "provisional not a bool",
			src: valid(
				"    title: One",
				"    provisional: yes",
				"    practices:",
				"      - key: one.a",
				"        text: First practice.",
			),
			want: []wantProblem{{7, "components[0].provisional", `must be true or false, not "yes"`}},
		},
		{
			name: "title too long",
			src: valid(
				"    title: "+strings.Repeat("t", MaxTitleLen+1),
				"    practices:",
				"      - key: one.a",
				"        text: First practice.",
			),
			want: []wantProblem{{6, "components[0].title", "too long at 201 characters; the limit is 200"}},
		},
		{
			name: "practice text too long",
			src: valid(
				"    title: One",
				"    practices:",
				"      - key: one.a",
				"        text: "+strings.Repeat("x", MaxTextLen+1),
			),
			want: []wantProblem{{9, "components[0].practices[0].text", "too long at 1001 characters; the limit is 1000"}},
		},
		{
			name: "title on two lines",
			src: valid(
				"    title: |",
				"      One",
				"      Two",
				"    practices:",
				"      - key: one.a",
				"        text: First practice.",
			),
			want: []wantProblem{{6, "components[0].title", "must fit on one line"}},
		},
		{
			name: "unknown audience",
			src: valid(
				"    title: One",
				"    practices:",
				"      - key: one.a",
				"        text: First practice.",
				"        statements:",
				"          staff: Staff agree.",
				"          pupils: Pupils agree.",
			),
			want: []wantProblem{{12, "components[0].practices[0].statements.pupils",
				"unknown audience; expected one of staff, governors, parents, pupils_5_7, pupils_8_11, pupils_11_18"}},
		},
		{
			name: "statements not a mapping",
			src: valid(
				"    title: One",
				"    practices:",
				"      - key: one.a",
				"        text: First practice.",
				"        statements: Staff agree.",
			),
			want: []wantProblem{{10, "components[0].practices[0].statements", "must be a mapping from audience"}},
		},
		{
			name: "statement without text",
			src: valid(
				"    title: One",
				"    practices:",
				"      - key: one.a",
				"        text: First practice.",
				"        statements:",
				"          parents:",
				"            provisional: true",
			),
			want: []wantProblem{{12, "components[0].practices[0].statements.parents.text", "missing"}},
		},
		{
			name: "statement is a list",
			src: valid(
				"    title: One",
				"    practices:",
				"      - key: one.a",
				"        text: First practice.",
				"        statements:",
				"          parents: [Parents agree.]",
			),
			want: []wantProblem{{11, "components[0].practices[0].statements.parents", "must be the wording"}},
		},
		{
			name: "empty statement",
			src: valid(
				"    title: One",
				"    practices:",
				"      - key: one.a",
				"        text: First practice.",
				"        statements:",
				"          parents:",
			),
			want: []wantProblem{{11, "components[0].practices[0].statements.parents", "empty"}},
		},
		{
			name: "alias",
			src: valid(
				"    title: &name One",
				"    practices:",
				"      - key: one.a",
				"        text: *name",
			),
			want: []wantProblem{{9, "components[0].practices[0].text", "aliases such as *name are not supported"}},
		},
		{
			name: "aliased component",
			src: valid(
				"    title: One",
				"    practices: &list",
				"      - key: one.a",
				"        text: First practice.",
				"  - *list",
			),
			want: []wantProblem{{10, "components[1]", "aliases such as *list are not supported"}},
		},
		{
			name: "practice not a mapping",
			src: valid(
				"    title: One",
				"    practices:",
				"      - First practice.",
			),
			want: []wantProblem{{8, "components[0].practices[0]", `must be a mapping with key and text, not "First practice."`}},
		},
		{
			name: "field name not plain",
			src: valid(
				"    title: One",
				"    [title]: Two",
				"    practices:",
				"      - key: one.a",
				"        text: First practice.",
			),
			want: []wantProblem{{7, "components[0]", "field names must be plain words"}},
		},
		{
			name: "several problems in line order",
			src: lines(
				"slug: demo",
				"title: Demo",
				"components:",
				"  - key: one",
				"    title: One",
				"    practices:",
				"      - key: one.a",
				"  - key: one",
				"    title: Two",
				"    practices:",
				"      - text: No key.",
			),
			want: []wantProblem{
				{1, "version", "missing"},
				{7, "components[0].practices[0].text", "missing"},
				{8, "components[1].key", "duplicate key"},
				{11, "components[1].practices[0].key", "missing"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseProblems(t, tt.src)
			if diff := cmp.Diff(tt.want, got, cmp.Comparer(messageContains)); diff != "" {
				t.Errorf("problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// parseProblems parses src, which must be invalid, and returns its problems.
func parseProblems(t *testing.T, src []byte) []wantProblem {
	t.Helper()
	f, err := Parse(src)
	if err == nil {
		t.Fatalf("Parse returned no error")
	}
	if f != nil {
		t.Errorf("Parse returned a framework with its error")
	}
	var perr *ParseError
	if !errors.As(err, &perr) {
		t.Fatalf("Parse error is %T, want *ParseError", err)
	}
	var got []wantProblem
	for _, p := range perr.Problems() {
		got = append(got, wantProblem(p))
	}
	return got
}

// messageContains compares problems by line and field, and by whether one
// message contains the other, so that tables can name a phrase.
func messageContains(a, b wantProblem) bool {
	if a.Line != b.Line || a.Field != b.Field {
		return false
	}
	return strings.Contains(a.Message, b.Message) || strings.Contains(b.Message, a.Message)
}

func TestParseFileTooLarge(t *testing.T) {
	src := append(valid(), "# "+strings.Repeat("x", MaxFileSize)...)
	got := parseProblems(t, src)
	if len(got) != 1 {
		t.Fatalf("got %d problems, want 1: %v", len(got), got)
	}
	if got[0].Line != 0 || got[0].Field != "" {
		t.Errorf("problem at line %d, field %q, want the whole file", got[0].Line, got[0].Field)
	}
	if !strings.Contains(got[0].Message, "the limit is 1 MiB") {
		t.Errorf("message %q does not state the 1 MiB limit", got[0].Message)
	}
}

func TestParseErrorMessage(t *testing.T) {
	src := valid(
		"    title: One",
		"    practices:",
		"      - key: one.a",
		"        provisional: maybe",
	)
	want := "invalid framework file:\n" +
		"line 8: components[0].practices[0].text: missing; every practice needs its wording\n" +
		`line 9: components[0].practices[0].provisional: must be true or false, not "maybe"`

	_, err := Parse(src)
	if err == nil {
		t.Fatal("Parse returned no error")
	}
	if diff := cmp.Diff(want, err.Error()); diff != "" {
		t.Errorf("Error() mismatch (-want +got):\n%s", diff)
	}
}

func TestParseErrorCapsProblems(t *testing.T) {
	rest := []string{"    title: One", "    practices:"}
	for range maxProblems + 10 {
		rest = append(rest, "      - key: Bad", "        text: Bad key.")
	}
	_, err := Parse(valid(rest...))
	var perr *ParseError
	if !errors.As(err, &perr) {
		t.Fatalf("Parse error is %T, want *ParseError", err)
	}
	problems := perr.Problems()
	if len(problems) != maxProblems+1 {
		t.Fatalf("got %d problems, want %d and a closing note", len(problems), maxProblems)
	}
	if last := problems[maxProblems].Message; !strings.Contains(last, "more problems not shown") {
		t.Errorf("last problem is %q, want a note on the problems not shown", last)
	}
}

// TestParseOtherFrameworks shows that frameworks other than iMHARS run from
// their files alone.
func TestParseOtherFrameworks(t *testing.T) {
	tests := []struct {
		file        string
		slug        string
		components  int
		practices   int
		provisional bool
	}{
		{"testdata/resilience.yaml", "resilience", 5, 10, false},
		{"examples/whole-school-approach.yaml", "whole-school-approach", 8, 21, true},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			f, err := Parse(src)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if f.Slug != tt.slug {
				t.Errorf("Slug = %q, want %q", f.Slug, tt.slug)
			}
			if got := len(f.Components); got != tt.components {
				t.Errorf("got %d components, want %d", got, tt.components)
			}
			if got := f.PracticeCount(); got != tt.practices {
				t.Errorf("got %d practices, want %d", got, tt.practices)
			}
			if f.Provisional != tt.provisional {
				t.Errorf("Provisional = %v, want %v", f.Provisional, tt.provisional)
			}
		})
	}
}
