package demo

import "github.com/imhars/imhars"

var evidencePool = []string{
	"Staff questionnaire: most staff agreed, but comments from support staff were less positive.",
	"Learning walk in the autumn term found this in most classes, less so in Key Stage 2.",
	"Pupil voice group said they know which adult to go to; younger pupils were less sure.",
	"The policy was reviewed last year, but it is not yet applied the same way by every team.",
	"Parents' meeting: parents valued the new approach and asked for more information in advance.",
	"Attendance and behaviour data show fewer incidents this year for the pupils involved.",
}

func evidenceFor(component, practice int) string {
	return evidencePool[(component*3+practice)%len(evidencePool)]
}

func kindsFor(n int) []imhars.EvidenceKind {
	all := imhars.EvidenceKinds
	return []imhars.EvidenceKind{all[n%len(all)], all[(n+3)%len(all)]}
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
