package reporttest

import "github.com/imhars/imhars"

// Views returns Sample with questionnaire results: staff (17 respondents),
// parents (2, too few to show) and pupils aged 5 to 7 (none yet). Staff
// answered 1.1 with 12 agree, 4 neither and 1 disagree, which is 71, 23
// and 6 per cent. Their retired item about 1.2 has 3, 4, 5 and two "don't
// know", a mean of 4.00 from n = 3, and its replacement has no answers.
// Their item about 2.1 has only "don't know". Their comments include text
// that spreadsheets read as formulas and one flagged for safeguarding.
func Views() imhars.Report {
	r := Sample()
	r.Privacy = imhars.DefaultPrivacy().Effective()
	staffItems := []imhars.Item{
		{ID: "i1", PracticeKey: "ethos.respect", ComponentKey: "ethos", Text: "Staff treat each other with respect.", Position: 1},
		{ID: "i2", PracticeKey: "ethos.leadership", ComponentKey: "ethos", Text: "Leaders make wellbeing a priority.", Position: 2, Retired: true},
		{ID: "i3", PracticeKey: "relationships.skills", ComponentKey: "relationships", Text: "Pupils learn to listen.", Position: 3},
		{ID: "i4", PracticeKey: "ethos.leadership", ComponentKey: "ethos", Text: "Leaders put wellbeing first.", Position: 4},
	}
	staffCounts := map[string]imhars.ItemCounts{
		"i1": {ItemID: "i1", ByValue: map[int]int{2: 1, 3: 4, 4: 12}},
		"i2": {ItemID: "i2", ByValue: map[int]int{3: 1, 4: 1, 5: 1}, DontKnow: 2},
		"i3": {ItemID: "i3", DontKnow: 6},
	}
	comments := []imhars.Comment{
		{ComponentKey: "ethos", Text: "Zoë said \"it's better\", café, 😊\nsecond line"},
		{ComponentKey: "ethos", Text: `=HYPERLINK("https://example.org","Click")`},
		{ComponentKey: "relationships", Text: "+1+1"},
		{ComponentKey: "relationships", Text: "@SUM(A1:A2)"},
		{ComponentKey: "ethos", Text: "I want to hurt myself", Flagged: true, Phrase: "hurt myself"},
	}
	pupilItems := []imhars.Item{{ID: "i1", PracticeKey: "ethos.safe", ComponentKey: "ethos", Text: "I feel safe at school.", Position: 1}}
	parentItems := staffItems[:1]
	r.Views = []imhars.GroupView{
		imhars.NewGroupView(questionnaire(1, imhars.AudienceStaff, "Autumn staff survey"), staffItems, 17, staffCounts, comments, r.Privacy),
		imhars.NewGroupView(questionnaire(2, imhars.AudienceParents, "Parents and carers"), parentItems, 2,
			map[string]imhars.ItemCounts{"i1": {ByValue: map[int]int{1: 2}}}, comments[:1], r.Privacy),
		imhars.NewGroupView(questionnaire(3, imhars.AudiencePupils5to7, "Pupils aged 5 to 7"), pupilItems, 0, nil, nil, r.Privacy),
	}
	return r
}

func questionnaire(id int64, audience imhars.Audience, title string) imhars.Questionnaire {
	return imhars.Questionnaire{ID: id, AuditID: 12, SchoolID: school.ID, Audience: audience, Title: title,
		Status: imhars.QuestionnaireOpen, Comments: true}
}
