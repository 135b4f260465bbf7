package framework

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDefault(t *testing.T) {
	f := Default()

	if f.Slug != "imhars" || f.Version != "2026.1" {
		t.Errorf("Default is %s %s, want imhars 2026.1", f.Slug, f.Version)
	}
	if !f.Provisional {
		t.Error("Default is not marked provisional, but it holds working drafts")
	}
	var titles []string
	for _, c := range f.Components {
		titles = append(titles, c.Title)
	}
	wantTitles := []string{
		"Ethos and environment",
		"Relationships",
		"Learning",
		"Curriculum for wellbeing",
		"Staff",
		"Parents, carers and community",
		"Identifying need and targeted support",
	}
	if diff := cmp.Diff(wantTitles, titles); diff != "" {
		t.Errorf("component titles mismatch (-want +got):\n%s", diff)
	}
	if got := f.PracticeCount(); got != 42 {
		t.Errorf("got %d practices, want 42", got)
	}
}

// TestDefaultProvisional checks which parts of the default framework are
// working drafts. Every component title is ours. The practices of
// components 1 and 2 and practices 3.1 to 3.4 are the framework's own
// published wording, and every other practice is ours.
func TestDefaultProvisional(t *testing.T) {
	public := map[string]bool{}
	for _, n := range []string{
		"1.1", "1.2", "1.3", "1.4", "1.5", "1.6",
		"2.1", "2.2", "2.3", "2.4", "2.5", "2.6",
		"3.1", "3.2", "3.3", "3.4",
	} {
		public[n] = true
	}

	f := Default()
	for _, c := range f.Components {
		if !c.Provisional {
			t.Errorf("component %d %q is not provisional, but its title is a working title", c.Number, c.Title)
		}
		for _, p := range c.Practices {
			if p.Provisional == public[p.Number] {
				t.Errorf("practice %s %s: Provisional = %v, want %v", p.Number, p.Key, p.Provisional, !public[p.Number])
			}
		}
	}
}

func TestDefaultStatements(t *testing.T) {
	f := Default()
	for _, c := range f.Components {
		for _, p := range c.Practices {
			var audiencesGot []string
			for _, s := range p.Statements {
				audiencesGot = append(audiencesGot, s.Audience)
				if !s.Provisional {
					t.Errorf("practice %s: %s statement is not provisional", p.Key, s.Audience)
				}
			}
			if diff := cmp.Diff(Audiences(), audiencesGot); diff != "" {
				t.Errorf("practice %s audiences mismatch (-want +got):\n%s", p.Key, diff)
			}
		}
	}
}

func TestDefaultStatementLookup(t *testing.T) {
	p, _, ok := Default().Practice("ethos.respect")
	if !ok {
		t.Fatal("practice ethos.respect not found")
	}
	s, ok := p.Statement(AudiencePupils5to7)
	if !ok {
		t.Fatal("no pupils_5_7 statement for ethos.respect")
	}
	if s.Text != "Grown-ups at school are kind to me." {
		t.Errorf("pupils_5_7 statement = %q", s.Text)
	}
	if _, ok := p.Statement("pupils"); ok {
		t.Error("Statement found an unknown audience")
	}
}

func TestDefaultReturnsCopies(t *testing.T) {
	a := Default()
	a.Components[0].Practices[0].Text = "changed"
	if b := Default(); b.Components[0].Practices[0].Text == "changed" {
		t.Error("a change to one Default result shows in the next")
	}

	src := DefaultSource()
	src[0] = '!'
	if bytes.Equal(src, DefaultSource()) {
		t.Error("a change to one DefaultSource result shows in the next")
	}
}
