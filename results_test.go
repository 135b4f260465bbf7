package imhars

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestLargestRemainder(t *testing.T) {
	tests := []struct {
		name   string
		counts []int
		want   []int
	}{
		{"12 agree, 4 neutral, 1 disagree", []int{1, 0, 4, 12, 0}, []int{6, 0, 23, 71, 0}},
		{"thirds", []int{1, 1, 1}, []int{34, 33, 33}},
		{"all zero", []int{0, 0, 0}, []int{0, 0, 0}},
		{"one answer", []int{0, 1}, []int{0, 100}},
		{"sevenths", []int{1, 1, 1, 1, 1, 1, 1}, []int{15, 15, 14, 14, 14, 14, 14}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := LargestRemainder(tt.counts)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			sum := 0
			for _, p := range got {
				sum += p
			}
			if total := sumInts(tt.counts); total > 0 && sum != 100 {
				t.Errorf("percentages add up to %d", sum)
			}
		})
	}
}

func sumInts(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

func TestSummariseMeanLeavesOutDontKnow(t *testing.T) {
	// Answers 4, 5, don't know, don't know, 3 from five respondents.
	q := Questionnaire{Audience: AudienceStaff}
	items := []Item{{ID: "i1"}}
	counts := map[string]ItemCounts{"i1": {ItemID: "i1", ByValue: map[int]int{3: 1, 4: 1, 5: 1}, DontKnow: 2}}
	g := Summarise(q, items, 5, counts, nil, DefaultPrivacy())
	r := g.Items[0]
	if r.N != 3 {
		t.Errorf("n = %d, want 3", r.N)
	}
	if r.DontKnow != 2 {
		t.Errorf("don't know = %d, want 2", r.DontKnow)
	}
	if r.Mean != 4.0 {
		t.Errorf("mean = %v, want 4.00 (not 2.40 or 4.80)", r.Mean)
	}
}

func TestSummariseNoAnswers(t *testing.T) {
	g := Summarise(Questionnaire{Audience: AudienceParents}, []Item{{ID: "i1"}}, 6, nil, nil, DefaultPrivacy())
	r := g.Items[0]
	if r.HasAnswers() || r.N != 0 || r.Mean != 0 {
		t.Errorf("an item with no answers has n %d and mean %v", r.N, r.Mean)
	}
	if diff := cmp.Diff([]int{0, 0, 0, 0, 0}, r.Percents); diff != "" {
		t.Errorf("percents (-want +got):\n%s", diff)
	}
}

func TestSummariseItemSuppression(t *testing.T) {
	tests := []struct {
		name       string
		counts     ItemCounts
		privacy    Privacy
		suppressed bool
		n          int
		dontKnow   int
		mean       float64
	}{
		{"one answer to a late item", ItemCounts{ByValue: map[int]int{1: 1}}, DefaultPrivacy(), true, 0, 0, 0},
		{"four answers", ItemCounts{ByValue: map[int]int{2: 2, 4: 2}}, DefaultPrivacy(), true, 0, 0, 0},
		{"four don't know", ItemCounts{DontKnow: 4}, DefaultPrivacy(), true, 0, 0, 0},
		{"no answers", ItemCounts{}, DefaultPrivacy(), true, 0, 0, 0},
		{"4, 5, don't know twice and 3", ItemCounts{ByValue: map[int]int{3: 1, 4: 1, 5: 1}, DontKnow: 2},
			DefaultPrivacy(), false, 3, 2, 4},
		{"five don't know", ItemCounts{DontKnow: 5}, DefaultPrivacy(), false, 0, 5, 0},
		{"three answers with threshold three", ItemCounts{ByValue: map[int]int{5: 3}},
			Privacy{MinGroup: 3, MinComments: 10}, false, 3, 0, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := Questionnaire{Audience: AudienceStaff}
			counts := map[string]ItemCounts{"i1": tt.counts}
			g := Summarise(q, []Item{{ID: "i1"}}, 12, counts, nil, tt.privacy)
			if g.Suppressed {
				t.Fatal("the group of 12 is suppressed")
			}
			r := g.Items[0]
			if r.Suppressed != tt.suppressed {
				t.Errorf("suppressed = %v, want %v", r.Suppressed, tt.suppressed)
			}
			if r.N != tt.n {
				t.Errorf("n = %d, want %d", r.N, tt.n)
			}
			if r.DontKnow != tt.dontKnow {
				t.Errorf("don't know = %d, want %d", r.DontKnow, tt.dontKnow)
			}
			if r.Mean != tt.mean {
				t.Errorf("mean = %v, want %v", r.Mean, tt.mean)
			}
			if tt.suppressed && sumInts(r.Counts)+sumInts(r.Percents) != 0 {
				t.Errorf("counts %v and percents %v, want zeros", r.Counts, r.Percents)
			}
			if got, want := len(r.Counts), len(AgreementScale.Points); got != want {
				t.Errorf("%d counts, want one per scale point (%d)", got, want)
			}
			if _, ok := Compare(Embedded, g, r); ok && tt.suppressed {
				t.Error("a suppressed item is compared with the team's rating")
			}
		})
	}
}

func TestSummariseSuppression(t *testing.T) {
	comments := []Comment{{Text: "fine"}, {Text: "worrying", Flagged: true}}
	counts := map[string]ItemCounts{"i1": {ByValue: map[int]int{4: 2}}}
	tests := []struct {
		name         string
		respondents  int
		privacy      Privacy
		suppressed   bool
		comments     int
		commentsHide bool
	}{
		{"two of default five", 2, DefaultPrivacy(), true, 0, false},
		{"exactly five", 5, DefaultPrivacy(), false, 0, true},
		{"ten shows comments", 10, DefaultPrivacy(), false, 1, false},
		{"threshold below floor is raised", 2, Privacy{MinGroup: 1, MinComments: 1}, true, 0, false},
		{"threshold of three", 3, Privacy{MinGroup: 3, MinComments: 3}, false, 1, false},
		{"comments never below results", 4, Privacy{MinGroup: 4, MinComments: 2}, false, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := Summarise(Questionnaire{Audience: AudienceStaff}, []Item{{ID: "i1"}}, tt.respondents, counts, comments, tt.privacy)
			if g.Suppressed != tt.suppressed {
				t.Fatalf("suppressed = %v, want %v", g.Suppressed, tt.suppressed)
			}
			if g.Suppressed && (len(g.Items) > 0 || len(g.Comments) > 0) {
				t.Error("a suppressed group still carries figures or comments")
			}
			if len(g.Comments) != tt.comments {
				t.Errorf("comments shown = %d, want %d", len(g.Comments), tt.comments)
			}
			if g.CommentsSuppressed != tt.commentsHide {
				t.Errorf("comments suppressed = %v, want %v", g.CommentsSuppressed, tt.commentsHide)
			}
			for _, c := range g.Comments {
				if c.Flagged {
					t.Error("a flagged comment is in the results")
				}
			}
		})
	}
}

func TestTotalRespondentsHidesSubtraction(t *testing.T) {
	small := GroupResult{Respondents: 2, Suppressed: true}
	large := GroupResult{Respondents: 28}
	if _, ok := TotalRespondents([]GroupResult{small, large}); ok {
		t.Error("a total of 30 beside 28 reveals the hidden group of 2")
	}
	empty := GroupResult{Respondents: 0, Suppressed: true}
	if n, ok := TotalRespondents([]GroupResult{empty, large}); !ok || n != 28 {
		t.Errorf("total = %d, %v; a group with no respondents hides nothing", n, ok)
	}
}

func TestCompare(t *testing.T) {
	g := GroupResult{Questionnaire: Questionnaire{Audience: AudienceStaff}, Scale: AgreementScale, Respondents: 12}
	tests := []struct {
		name   string
		rating Rating
		mean   float64
		gap    int
		large  bool
	}{
		{"agree with embedded", Embedded, 5, 0, false},
		{"disagree with embedded", Embedded, 1.8, -80, true},
		{"neutral with emerging", Emerging, 3, 17, false},
		{"agree with not in place", NotInPlace, 4, 75, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := Compare(tt.rating, g, ItemResult{N: 4, Mean: tt.mean})
			if !ok {
				t.Fatal("no comparison")
			}
			if c.Gap != tt.gap || c.Large() != tt.large {
				t.Errorf("gap %d large %v, want %d %v", c.Gap, c.Large(), tt.gap, tt.large)
			}
		})
	}
	if _, ok := Compare(NotAssessed, g, ItemResult{N: 4, Mean: 3}); ok {
		t.Error("an unassessed practice has nothing to compare")
	}
	if _, ok := Compare(Embedded, g, ItemResult{}); ok {
		t.Error("an item with no answers has nothing to compare")
	}
	if _, ok := Compare(Embedded, g, ItemResult{N: 4, Mean: 3, Suppressed: true}); ok {
		t.Error("a suppressed item is compared with the team's rating")
	}
}

func TestQuestionnaireAccepting(t *testing.T) {
	q := Questionnaire{Status: QuestionnaireOpen, OpensOn: Date{2027, time.March, 1}, ClosesOn: Date{2027, time.April, 1}}
	tests := []struct {
		name string
		at   time.Time
		want bool
	}{
		{"23:30 on 1 April UK time", time.Date(2027, 4, 1, 22, 30, 0, 0, time.UTC), true},
		{"00:10 on 2 April UK time", time.Date(2027, 4, 1, 23, 10, 0, 0, time.UTC), false},
		{"first minute of opening day", time.Date(2027, 3, 1, 0, 0, 0, 0, London), true},
		{"day before opening", time.Date(2027, 2, 28, 23, 59, 0, 0, London), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := q.Accepting(tt.at); got != tt.want {
				t.Errorf("Accepting(%s) = %v, want %v", tt.at, got, tt.want)
			}
		})
	}
	q.Status = QuestionnaireClosed
	if q.Accepting(time.Date(2027, 3, 15, 12, 0, 0, 0, time.UTC)) {
		t.Error("a closed questionnaire accepts answers")
	}
}

func TestMatchRisk(t *testing.T) {
	flagged := []string{
		"Sometimes I want to DIE.",
		"I think about self-harm",
		"My dad hits me when he's angry",
		"I'm not  safe at home",
		"Suicide prevention week was useful",
		"I want to hurt my self",
		"i wanna kill my self",
		"I'm going to end my life",
		"I hate my life and want to end it",
		"I don't want to be alive anymore",
		"dad hit me last night",
		"my stepdad is hitting me",
		"someone is hurting me at home",
		"selfharm",
		"hurtmyself",
		"I've been cutting",
		"kms",
		"hurt myѕelf",
	}
	for _, text := range flagged {
		if MatchRisk(text, DefaultRiskPhrases) == "" {
			t.Errorf("MatchRisk(%q) found no phrase", text)
		}
	}
	clear := []string{"Lunch is great", "The abusers' list", "Assemblies are fun", "We talk about feelings in class", "The white mess in the hall"}
	for _, text := range clear {
		if got := MatchRisk(text, DefaultRiskPhrases); got != "" {
			t.Errorf("MatchRisk(%q) = %q, want no match", text, got)
		}
	}
}
