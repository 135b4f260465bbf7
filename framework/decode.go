package framework

import (
	"fmt"

	"github.com/imhars/imhars"
	"go.yaml.in/yaml/v3"
)

// Field names allowed at each level of a framework file.
var (
	frameworkFields = []string{"slug", "version", "title", "description", "source", "provisional", "components"}
	componentFields = []string{"key", "title", "summary", "provisional", "practices"}
	practiceFields  = []string{"key", "text", "provisional", "statements"}
	statementFields = []string{"text", "provisional"}
)

func (p *parser) framework(n *yaml.Node) *imhars.Framework {
	if n.Kind != yaml.MappingNode {
		p.addf(n.Line, "", "the file must be a mapping with slug, version, title and components, not %s",
			describe(n))
		return nil
	}
	m := p.newMapping(n, "", frameworkFields, "field")

	f := &imhars.Framework{}
	f.Slug, _ = p.key(m, textField{name: "slug", max: MaxKeyLen,
		required: "every framework needs a slug that stays the same across its versions"}, "imhars")
	f.Version, _ = p.text(m, textField{name: "version", max: MaxVersionLen,
		required: "every framework needs a version such as 2026.1"})
	f.Title, _ = p.text(m, textField{name: "title", max: MaxTitleLen,
		required: "every framework needs a title"})
	f.Description, _ = p.text(m, textField{name: "description", max: MaxDescriptionLen, multiline: true})
	f.Source, _ = p.text(m, textField{name: "source", max: MaxTextLen, multiline: true})
	f.Provisional = p.flag(m, "provisional")

	items := p.list(m, "components", "a framework needs at least one component", "components")
	for i, item := range items {
		if item == nil {
			continue
		}
		c := p.component(item, fmt.Sprintf("components[%d]", i), i+1)
		f.Provisional = f.Provisional || hasProvisional(c)
		f.Components = append(f.Components, c)
	}
	return f
}

// hasProvisional reports whether the component or any of its practices or
// statements is a working draft.
func hasProvisional(c imhars.Component) bool {
	if c.Provisional {
		return true
	}
	for _, pr := range c.Practices {
		if pr.Provisional {
			return true
		}
		for _, s := range pr.Statements {
			if s.Provisional {
				return true
			}
		}
	}
	return false
}

// component reads the component at path. Its Number is its 1-based
// position in the file.
func (p *parser) component(n *yaml.Node, path string, number int) imhars.Component {
	c := imhars.Component{Number: number}
	if n.Kind != yaml.MappingNode {
		p.addf(n.Line, path, "must be a mapping with key, title and practices, not %s", describe(n))
		return c
	}
	m := p.newMapping(n, path, componentFields, "field")

	var line int
	c.Key, line = p.key(m, textField{name: "key", max: MaxKeyLen,
		required: "every component needs a key such as ethos"}, "ethos")
	p.claim(p.componentKeys, c.Key, m.field("key"), line)
	c.Title, _ = p.text(m, textField{name: "title", max: MaxTitleLen,
		required: "every component needs a title"})
	c.Summary, _ = p.text(m, textField{name: "summary", max: MaxTextLen, multiline: true})
	c.Provisional = p.flag(m, "provisional")

	items := p.list(m, "practices", "every component needs at least one practice", "practices")
	for i, item := range items {
		if item == nil {
			continue
		}
		pr := p.practice(item, fmt.Sprintf("%s.practices[%d]", path, i), fmt.Sprintf("%d.%d", number, i+1))
		c.Practices = append(c.Practices, pr)
	}
	return c
}

// practice reads the practice at path and labels it with number, such as "1.3".
func (p *parser) practice(n *yaml.Node, path, number string) imhars.Practice {
	pr := imhars.Practice{Number: number}
	if n.Kind != yaml.MappingNode {
		p.addf(n.Line, path, "must be a mapping with key and text, not %s", describe(n))
		return pr
	}
	m := p.newMapping(n, path, practiceFields, "field")

	var line int
	pr.Key, line = p.key(m, textField{name: "key", max: MaxKeyLen,
		required: "every practice needs a key such as ethos.respect"}, "ethos.respect")
	p.claim(p.practiceKeys, pr.Key, m.field("key"), line)
	pr.Text, _ = p.text(m, textField{name: "text", max: MaxTextLen, multiline: true,
		required: "every practice needs its wording"})
	pr.Provisional = p.flag(m, "provisional")
	pr.Statements = p.statements(m, pr.Provisional)
	return pr
}

// statements reads a practice's statements in the order of Audiences. A
// statement rewords its practice, so it is provisional when marked so or
// when its practice is.
func (p *parser) statements(practice mapping, provisional bool) []imhars.Statement {
	n := practice.values["statements"]
	if n == nil || n.Kind == yaml.AliasNode || (n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null") {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		p.addf(n.Line, practice.field("statements"),
			"must be a mapping from audience to wording, not %s", describe(n))
		return nil
	}
	m := p.newMapping(n, practice.field("statements"), audiences, "audience")

	var out []imhars.Statement
	for _, audience := range audiences {
		if m.values[audience] == nil {
			continue
		}
		s := p.statement(m, audience)
		s.Provisional = s.Provisional || provisional
		out = append(out, s)
	}
	return out
}

// statement reads one audience's statement, written either as the wording
// alone or as a mapping with text and provisional.
func (p *parser) statement(statements mapping, audience string) imhars.Statement {
	s := imhars.Statement{Audience: audience}
	required := "write the wording for this audience or remove the line"
	n := statements.values[audience]
	switch n.Kind {
	case yaml.ScalarNode:
		s.Text, _ = p.text(statements, textField{name: audience, max: MaxTextLen, multiline: true,
			required: required})
	case yaml.MappingNode:
		m := p.newMapping(n, statements.field(audience), statementFields, "field")
		s.Text, _ = p.text(m, textField{name: "text", max: MaxTextLen, multiline: true,
			required: required})
		s.Provisional = p.flag(m, "provisional")
	case yaml.AliasNode:
		// newMapping has reported it.
	default:
		p.addf(n.Line, statements.field(audience),
			"must be the wording, or a mapping with text and provisional, not %s", describe(n))
	}
	return s
}
