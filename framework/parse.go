package framework

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/imhars/imhars"
	"go.yaml.in/yaml/v3"
)

// Limits on a framework file. Lengths count characters, not bytes.
const (
	MaxFileSize       = 1 << 20 // bytes
	MaxTitleLen       = 200     // framework and component titles
	MaxTextLen        = 1000    // practice and statement wording, component summaries, source
	MaxDescriptionLen = 4000
	MaxKeyLen         = 100 // slug and keys
	MaxVersionLen     = 40
)

// Parse reads a framework file. When the file is not valid, the framework
// is nil and the error is a *ParseError that lists the problems found, each
// with its line and field.
func Parse(src []byte) (*imhars.Framework, error) {
	if len(src) > MaxFileSize {
		return nil, newParseError([]Problem{{Message: fmt.Sprintf(
			"file is %d bytes; the limit is 1 MiB (%d bytes)", len(src), MaxFileSize)}})
	}

	root, problem := decodeDocument(src)
	if problem != nil {
		return nil, newParseError([]Problem{*problem})
	}

	p := &parser{componentKeys: map[string]keyUse{}, practiceKeys: map[string]keyUse{}}
	f := p.framework(root)
	if len(p.problems) > 0 {
		return nil, newParseError(p.problems)
	}
	return f, nil
}

// decodeDocument returns the top node of the file's only YAML document, or
// the problem that prevents reading it.
func decodeDocument(src []byte) (*yaml.Node, *Problem) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	err := dec.Decode(&doc)
	if errors.Is(err, io.EOF) || (err == nil && len(doc.Content) == 0) {
		return nil, &Problem{Message: "file is empty; a framework needs slug, version, title and components"}
	}
	if err != nil {
		return nil, syntaxProblem(src, err)
	}

	var extra yaml.Node
	err = dec.Decode(&extra)
	if err == nil {
		return nil, &Problem{Line: extra.Line,
			Message: "a second YAML document starts here; a framework file holds one document"}
	}
	if !errors.Is(err, io.EOF) {
		return nil, syntaxProblem(src, err)
	}
	return doc.Content[0], nil
}

// yamlLine matches the line prefix of the YAML library's syntax errors,
// such as "yaml: line 3: did not find expected key".
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parserMessages are the syntax errors that come from the YAML library's
// parser rather than its scanner. go.yaml.in/yaml/v3 v3.0.6 numbers lines
// from 0 in parser errors and from 1 in scanner errors. A parser error
// points at the line where the unfinished list or mapping began, or at the
// offending token when that is unknown.
var parserMessages = []string{
	"did not find expected ',' or '}'",
	"did not find expected ',' or ']'",
	"did not find expected node content",
	"did not find expected '-' indicator",
	"did not find expected key",
	"did not find expected <document start>",
	"did not find expected <stream-start>",
	"found undefined tag handle",
	"found duplicate %YAML directive",
	"found duplicate %TAG directive",
	"found incompatible YAML document",
}

// syntaxProblem turns a YAML syntax error into a problem with a 1-based
// line within the file.
func syntaxProblem(src []byte, err error) *Problem {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	if slices.Contains(parserMessages, msg) {
		line++
	}

	// The end of the stream lies on the line after the last, so a problem
	// found there is reported on the last line.
	lastLine := bytes.Count(src, []byte("\n"))
	if !bytes.HasSuffix(src, []byte("\n")) {
		lastLine++
	}
	line = min(line, lastLine)
	return &Problem{Line: line, Message: "invalid YAML: " + msg}
}
