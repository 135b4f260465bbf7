package framework

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// maxProblems is the maximum number of problems one parse reports, so that
// a badly broken file yields a list short enough to read and fix from the top.
const maxProblems = 100

// Problem is one thing wrong with a framework file.
type Problem struct {
	Line    int    // 1-based line in the file, or 0 when the problem concerns the whole file
	Field   string // path such as "components[2].practices[0].text", or "" for the whole file
	Message string
}

// String formats the problem as "line 14: components[2].title: missing; ...".
func (p Problem) String() string {
	var b strings.Builder
	if p.Line > 0 {
		b.WriteString("line " + strconv.Itoa(p.Line) + ": ")
	}
	if p.Field != "" {
		b.WriteString(p.Field + ": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// ParseError lists the problems found in a framework file, in line order.
// After maxProblems of them, a final problem gives the number left out.
type ParseError struct {
	problems []Problem
}

// Error returns a heading line followed by the problems, one per line.
func (e *ParseError) Error() string {
	lines := make([]string, len(e.problems))
	for i, p := range e.problems {
		lines[i] = p.String()
	}
	return "invalid framework file:\n" + strings.Join(lines, "\n")
}

// Problems returns a copy of the problems in line order.
func (e *ParseError) Problems() []Problem {
	return slices.Clone(e.problems)
}

// newParseError sorts the problems by line, keeping the order of problems on
// the same line, and caps their number at maxProblems.
func newParseError(problems []Problem) *ParseError {
	problems = slices.Clone(problems)
	slices.SortStableFunc(problems, func(a, b Problem) int { return cmp.Compare(a.Line, b.Line) })
	if len(problems) > maxProblems {
		more := len(problems) - maxProblems
		problems = append(problems[:maxProblems], Problem{
			Message: strconv.Itoa(more) + " more problems not shown; fix these and import the file again",
		})
	}
	return &ParseError{problems: problems}
}
