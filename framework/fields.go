package framework

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// parser walks the YAML node tree of a framework file and collects every
// problem it finds, so that one import shows them all.
type parser struct {
	problems      []Problem
	componentKeys map[string]keyUse
	practiceKeys  map[string]keyUse // practice keys are unique across the framework
}

// keyUse records where a key first appeared, for duplicate-key messages.
type keyUse struct {
	field string
	line  int
}

func (p *parser) addf(line int, field, format string, args ...any) {
	p.problems = append(p.problems, Problem{Line: line, Field: field, Message: fmt.Sprintf(format, args...)})
}

// mapping is a YAML mapping whose keys have been checked against the names
// allowed at its place in the file.
type mapping struct {
	node   *yaml.Node
	path   string
	values map[string]*yaml.Node
}

func (m mapping) field(name string) string {
	if m.path == "" {
		return name
	}
	return m.path + "." + name
}

// newMapping indexes the values of n by key and reports keys that are not
// in allowed, repeated keys and aliases. Readers skip aliased values, which
// are reported here. The noun names what the keys are ("field" or
// "audience") in messages.
func (p *parser) newMapping(n *yaml.Node, path string, allowed []string, noun string) mapping {
	m := mapping{node: n, path: path, values: map[string]*yaml.Node{}}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		field := m.field(k.Value)
		switch {
		case k.Kind != yaml.ScalarNode:
			p.addf(k.Line, path, "%s names must be plain words such as %s", noun, allowed[0])
		case !slices.Contains(allowed, k.Value):
			p.addf(k.Line, field, "unknown %s; expected one of %s", noun, strings.Join(allowed, ", "))
		case m.values[k.Value] != nil:
			p.addf(k.Line, field, "repeated; each %s may appear once", noun)
		default:
			if v.Kind == yaml.AliasNode {
				// Kept in values, so that readers skip the field instead of
				// reporting it missing.
				p.addf(v.Line, field, "aliases such as *%s are not supported; write the value out in full", v.Value)
			}
			m.values[k.Value] = v
		}
	}
	return m
}

// textField describes one text value and the rules it must meet.
type textField struct {
	name      string
	required  string // reason given when the value is missing or empty, or "" when optional
	max       int    // maximum length in characters
	multiline bool
}

// text returns the trimmed text of a field and the line to report it on.
// It returns the text even when it breaks a rule, so later checks still run.
func (p *parser) text(m mapping, f textField) (string, int) {
	field := m.field(f.name)
	n := m.values[f.name]
	if n == nil {
		if f.required != "" {
			p.addf(m.node.Line, field, "missing; %s", f.required)
		}
		return "", m.node.Line
	}
	if n.Kind == yaml.AliasNode {
		return "", n.Line
	}
	if n.Kind != yaml.ScalarNode {
		p.addf(n.Line, field, "must be text, not %s", describe(n))
		return "", n.Line
	}

	s := ""
	if n.ShortTag() != "!!null" {
		s = strings.TrimSpace(n.Value)
	}
	switch {
	case s == "" && f.required != "":
		p.addf(n.Line, field, "empty; %s", f.required)
	case !f.multiline && strings.ContainsAny(s, "\r\n"):
		p.addf(n.Line, field, "must fit on one line")
	case utf8.RuneCountInString(s) > f.max:
		p.addf(n.Line, field, "too long at %d characters; the limit is %d",
			utf8.RuneCountInString(s), f.max)
	}
	return s, n.Line
}

// keyPattern matches slugs and keys, which are lowercase words of letters
// and digits joined by single dots or hyphens.
var keyPattern = regexp.MustCompile(`^[a-z0-9]+(?:[.-][a-z0-9]+)*$`)

// key returns a slug or key and its line, checking its format.
func (p *parser) key(m mapping, f textField, example string) (string, int) {
	s, line := p.text(m, f)
	if s != "" && !keyPattern.MatchString(s) {
		p.addf(line, m.field(f.name),
			"invalid key %q; use lowercase letters and digits joined by dots or hyphens, such as %q",
			s, example)
	}
	return s, line
}

// claim records key as used by field and reports it when seen already has it.
func (p *parser) claim(seen map[string]keyUse, key, field string, line int) {
	if key == "" {
		return
	}
	if first, ok := seen[key]; ok {
		p.addf(line, field, "duplicate key %q; %s on line %d already uses it", key, first.field, first.line)
		return
	}
	seen[key] = keyUse{field: field, line: line}
}

// flag returns a true-or-false field, which is false when absent.
func (p *parser) flag(m mapping, name string) bool {
	n := m.values[name]
	if n == nil || n.Kind == yaml.AliasNode {
		return false
	}
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" {
		p.addf(n.Line, m.field(name), "must be true or false, not %s", describe(n))
		return false
	}
	return strings.EqualFold(n.Value, "true")
}

// list returns the items of a list field, reporting a missing, empty or
// mistyped list with the reason given in required. Aliased items are
// reported and returned as nil, so that indexes still match the file.
func (p *parser) list(m mapping, name, required, items string) []*yaml.Node {
	field := m.field(name)
	n := m.values[name]
	switch {
	case n == nil:
		p.addf(m.node.Line, field, "missing; %s", required)
		return nil
	case n.Kind == yaml.AliasNode:
		return nil
	case n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null":
		p.addf(n.Line, field, "empty; %s", required)
		return nil
	case n.Kind != yaml.SequenceNode:
		p.addf(n.Line, field, "must be a list of %s, not %s", items, describe(n))
		return nil
	case len(n.Content) == 0:
		p.addf(n.Line, field, "empty; %s", required)
		return nil
	}

	nodes := slices.Clone(n.Content)
	for i, item := range nodes {
		if item.Kind == yaml.AliasNode {
			p.addf(item.Line, field+"["+strconv.Itoa(i)+"]",
				"aliases such as *%s are not supported; write the value out in full", item.Value)
			nodes[i] = nil
		}
	}
	return nodes
}

// describe names a node's kind for messages, quoting short scalars.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" {
			return "empty"
		}
		if utf8.RuneCountInString(n.Value) > 40 {
			return "text"
		}
		return strconv.Quote(n.Value)
	}
	return "an alias"
}
