package demo

import "github.com/imhars/imhars"

// evidence is a sample practice's evidence with the kinds it came from.
type evidence struct {
	text  string
	kinds []imhars.EvidenceKind
}

// evidenceByRating contains a few plausible entries for each rating, so
// that the evidence text agrees with the rating beside it.
var evidenceByRating = map[imhars.Rating][]evidence{
	imhars.NotInPlace: {
		{"No policy or routine covers this yet, and the staff asked knew of no plans for it.",
			[]imhars.EvidenceKind{imhars.EvidenceStaffInterview, imhars.EvidenceDocuments}},
		{"Pupils in the focus group could not name anything the school does for this.",
			[]imhars.EvidenceKind{imhars.EvidenceFocusGroup}},
		{"Staff questionnaire: this is left to individual teachers, and most said it rarely happens.",
			[]imhars.EvidenceKind{imhars.EvidenceQuestionnaire}},
	},
	imhars.Emerging: {
		{"A plan was agreed this year and a few classes have started, but most staff are not yet trained.",
			[]imhars.EvidenceKind{imhars.EvidenceStaffInterview, imhars.EvidenceDocuments}},
		{"The learning walk found this in some Key Stage 1 classes, not yet across the school.",
			[]imhars.EvidenceKind{imhars.EvidenceLearningWalk, imhars.EvidenceObservation}},
		{"Pupils said some adults do this well; younger pupils were less sure whom to ask.",
			[]imhars.EvidenceKind{imhars.EvidencePupilDiscussion}},
	},
	imhars.Established: {
		{"Staff questionnaire: most staff agreed this happens, though support staff were less positive.",
			[]imhars.EvidenceKind{imhars.EvidenceQuestionnaire}},
		{"The autumn learning walk found this in most classes, less consistently in Key Stage 2.",
			[]imhars.EvidenceKind{imhars.EvidenceLearningWalk, imhars.EvidenceObservation}},
		{"The policy was reviewed last year and most teams apply it; two year groups still work differently.",
			[]imhars.EvidenceKind{imhars.EvidenceDocuments, imhars.EvidenceStaffInterview}},
	},
	imhars.Embedded: {
		{"Seen in every class on the learning walk, and pupils in each year group explained it in their own words.",
			[]imhars.EvidenceKind{imhars.EvidenceLearningWalk, imhars.EvidencePupilDiscussion}},
		{"Governors review it each year, and behaviour data show fewer incidents for the pupils it supports.",
			[]imhars.EvidenceKind{imhars.EvidenceSchoolData, imhars.EvidenceDocuments}},
		{"Parents at the focus group called this a strength and knew how it works.",
			[]imhars.EvidenceKind{imhars.EvidenceFocusGroup, imhars.EvidenceQuestionnaire}},
	},
}

// notAssessedEvidence explains a practice the team left unrated.
var notAssessedEvidence = evidence{text: "Not looked at in this audit; the team will gather evidence next term."}

// evidenceFor returns one of the entries for rating, chosen by n so that
// neighbouring practices read differently.
func evidenceFor(rating imhars.Rating, n int) evidence {
	pool := evidenceByRating[rating]
	if len(pool) == 0 {
		return notAssessedEvidence
	}
	return pool[n%len(pool)]
}

func priorityFor(r imhars.Rating) imhars.Priority {
	switch r {
	case imhars.NotInPlace:
		return imhars.PriorityHigh
	case imhars.Emerging:
		return imhars.PriorityMedium
	case imhars.Established:
		return imhars.PriorityLow
	}
	return imhars.PriorityNone
}

func findingsFor(auditID int64, c imhars.Component, index, round int, by string) *imhars.ComponentFindings {
	coverage := []imhars.Coverage{imhars.CoverageGood, imhars.CoveragePartial, imhars.CoverageGap}
	shift := (index + round) % 3
	return &imhars.ComponentFindings{
		AuditID: auditID, ComponentKey: c.Key, UpdatedBy: by,
		Tiers: map[imhars.Tier]imhars.TierNote{
			imhars.TierUniversal:  {Text: "Whole-class approaches are planned each term and most staff use them.", Coverage: coverage[shift%3]},
			imhars.TierTargeted:   {Text: "Small-group sessions run for pupils identified by class teachers.", Coverage: coverage[(shift+1)%3]},
			imhars.TierSpecialist: {Text: "Pupils with the highest needs are referred to the local mental health support team.", Coverage: coverage[(shift+2)%3]},
		},
		WorksWell: "Staff know pupils well, and pupils say adults listen to them.",
		Improve:   "Practice is not yet consistent across year groups, and parents are not always told what is on offer.",
		NextSteps: "The mental health lead will share one agreed approach at the spring INSET day and check its use in a learning walk before Easter.",
	}
}
