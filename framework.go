package imhars

// Framework is a versioned set of components and their supporting practices
// that audits are run against. Frameworks are data: the default iMHARS one
// is embedded in the binary, and an administrator may import others.
type Framework struct {
	ID          int64
	Slug        string // stable name shared by every version, such as "imhars"
	Version     string // such as "2026.1"; audits keep the version they started with
	Title       string
	Description string
	Source      string // where the wording comes from, shown on the framework page
	Provisional bool   // true when any part is a working draft
	Components  []Component
}

// Component is one aspect of school life in a framework.
type Component struct {
	Key         string // stable within a framework slug, such as "ethos"
	Number      int    // display order, starting at 1
	Title       string
	Summary     string
	Provisional bool
	Practices   []Practice
}

// Practice is one supporting practice that the team rates.
type Practice struct {
	Key         string // stable within a framework slug, such as "ethos.respect"
	Number      string // display label, such as "1.1"
	Text        string
	Provisional bool
	Statements  []Statement // the practice reworded for some or all audiences, or none
}

// Statement is a practice reworded for one audience, such as parents or
// pupils aged 5 to 7, for use in questionnaires and reports.
type Statement struct {
	Audience    string // such as "staff", "parents" or "pupils_5_7"
	Text        string
	Provisional bool
}

// Statement returns the practice's statement for the given audience.
func (p Practice) Statement(audience string) (Statement, bool) {
	for _, s := range p.Statements {
		if s.Audience == audience {
			return s, true
		}
	}
	return Statement{}, false
}

// Component returns the component with the given key.
func (f *Framework) Component(key string) (*Component, bool) {
	for i := range f.Components {
		if f.Components[i].Key == key {
			return &f.Components[i], true
		}
	}
	return nil, false
}

// Practice returns the practice with the given key and its component.
func (f *Framework) Practice(key string) (*Practice, *Component, bool) {
	for i := range f.Components {
		c := &f.Components[i]
		for j := range c.Practices {
			if c.Practices[j].Key == key {
				return &c.Practices[j], c, true
			}
		}
	}
	return nil, nil, false
}

// PracticeCount returns the number of practices across all components.
func (f *Framework) PracticeCount() int {
	n := 0
	for _, c := range f.Components {
		n += len(c.Practices)
	}
	return n
}

// Label returns the title and version, such as "iMHARS (2026.1)".
func (f *Framework) Label() string {
	return f.Title + " (" + f.Version + ")"
}
