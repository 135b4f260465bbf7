package imhars

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func testFramework(slug string) *Framework {
	return &Framework{Slug: slug, Version: "1", Title: "Test", Components: []Component{
		{Key: "a", Number: 1, Title: "A", Practices: []Practice{{Key: "a.1"}, {Key: "a.2"}, {Key: "a.3"}}},
		{Key: "b", Number: 2, Title: "B", Practices: []Practice{{Key: "b.1"}, {Key: "b.2"}}},
	}}
}

func rated(ratings map[string]Rating) map[string]PracticeAssessment {
	out := map[string]PracticeAssessment{}
	for key, r := range ratings {
		out[key] = PracticeAssessment{PracticeKey: key, Rating: r}
	}
	return out
}

func TestScorePercent(t *testing.T) {
	tests := []struct {
		name    string
		ratings []Rating
		want    int
		has     bool
	}{
		{"nothing assessed", []Rating{NotAssessed, NotAssessed}, 0, false},
		{"all embedded", []Rating{Embedded, Embedded}, 100, true},
		{"all not in place", []Rating{NotInPlace}, 0, true},
		{"unassessed left out", []Rating{Embedded, NotAssessed}, 100, true},
		{"two thirds rounds up", []Rating{Embedded, Emerging}, 67, true},
		{"one third rounds down", []Rating{Emerging}, 33, true},
		{"five twelfths", []Rating{Established, Emerging, Established, NotInPlace}, 42, true},
		{"five sixths", []Rating{Embedded, Established}, 83, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Score
			for _, r := range tt.ratings {
				s.Add(r)
			}
			if s.HasScore() != tt.has {
				t.Errorf("HasScore = %v, want %v", s.HasScore(), tt.has)
			}
			if s.Percent() != tt.want {
				t.Errorf("Percent = %d, want %d", s.Percent(), tt.want)
			}
			if s.Total != len(tt.ratings) {
				t.Errorf("Total = %d, want %d", s.Total, len(tt.ratings))
			}
		})
	}
}

func TestBuildReport(t *testing.T) {
	f := testFramework("x")
	current := AuditData{
		Audit:     Audit{ID: 2, AcademicYear: "2026/27"},
		Framework: f,
		Assessments: map[string]PracticeAssessment{
			"a.1": {PracticeKey: "a.1", Rating: Embedded},
			"a.2": {PracticeKey: "a.2", Rating: Emerging, Priority: PriorityLow},
			"a.3": {PracticeKey: "a.3", Rating: NotInPlace, Priority: PriorityHigh},
			"b.1": {PracticeKey: "b.1", Rating: NotAssessed},
		},
	}
	previous := AuditData{Audit: Audit{ID: 1, AcademicYear: "2025/26"}, Framework: testFramework("x"),
		Assessments: rated(map[string]Rating{"a.1": Emerging, "a.2": Emerging, "a.3": Emerging, "b.1": Embedded})}

	r := BuildReport(School{Name: "S"}, current, &previous, time.Unix(0, 0))

	a := r.Components[0]
	if diff := cmp.Diff(Score{Points: 4, Possible: 9, Assessed: 3, Total: 3}, a.Score); diff != "" {
		t.Errorf("component a score (-want +got):\n%s", diff)
	}
	if a.Change == nil || a.Change.PreviousPercent != 33 || a.Change.Delta != 11 || a.Change.PreviousYear != "2025/26" {
		t.Errorf("component a change = %+v, want 33 %% before and +11 points", a.Change)
	}
	if got := keys(a.Strengths); !cmp.Equal(got, []string{"a.1"}) {
		t.Errorf("strengths = %v", got)
	}
	if got := keys(a.Priorities); !cmp.Equal(got, []string{"a.3", "a.2"}) {
		t.Errorf("priorities = %v, want high priority first", got)
	}
	b := r.Components[1]
	if b.Score.HasScore() || b.Change != nil {
		t.Errorf("component b has nothing assessed now, but score %+v and change %+v", b.Score, b.Change)
	}
	if b.Practices[1].Assessment.Rating != NotAssessed {
		t.Error("a practice without a record should be not assessed")
	}
	if diff := cmp.Diff(Score{Points: 4, Possible: 9, Assessed: 3, Total: 5}, r.Overall); diff != "" {
		t.Errorf("overall (-want +got):\n%s", diff)
	}
}

func TestBuildReportOtherFramework(t *testing.T) {
	current := AuditData{Framework: testFramework("x"), Assessments: rated(map[string]Rating{"a.1": Embedded})}
	previous := AuditData{Framework: testFramework("y"), Assessments: rated(map[string]Rating{"a.1": NotInPlace})}
	r := BuildReport(School{}, current, &previous, time.Unix(0, 0))
	if r.Previous != nil || r.Components[0].Change != nil {
		t.Error("an audit against another framework must not be compared")
	}
}

func TestProgressOf(t *testing.T) {
	data := AuditData{
		Framework:   testFramework("x"),
		Assessments: rated(map[string]Rating{"a.1": Embedded, "b.2": NotAssessed, "b.1": NotInPlace}),
		Findings:    map[string]ComponentFindings{"a": {WorksWell: "x"}, "b": {}},
	}
	want := Progress{Practices: 5, Assessed: 2, Components: 2, ComponentsWritten: 1}
	if diff := cmp.Diff(want, ProgressOf(data)); diff != "" {
		t.Errorf("progress (-want +got):\n%s", diff)
	}
	if got := want.Percent(); got != 40 {
		t.Errorf("Percent = %d, want 40", got)
	}
}

func keys(rows []PracticeRow) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.Practice.Key)
	}
	return out
}
