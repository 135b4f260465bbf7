package reporttest

import "github.com/imhars/imhars"

func sampleFramework() *imhars.Framework {
	return &imhars.Framework{
		ID:          1,
		Slug:        "imhars",
		Version:     "2026.1",
		Title:       "iMHARS",
		Description: "Islington Mental Health and Resilience in Schools",
		Provisional: true,
		Components: []imhars.Component{
			{Key: "ethos", Number: 1, Title: "Ethos and environment", Practices: []imhars.Practice{
				{Key: "ethos.respect", Number: "1.1", Text: "Staff model a culture of mutual respect in which everyone is recognised and affirmed."},
				{Key: "ethos.leadership", Number: "1.2", Text: "Leadership and the school development plan actively support health and wellbeing."},
				{Key: "ethos.policies", Number: "1.3", Text: "Whole-school policies support wellbeing and are applied consistently."},
				{Key: "ethos.safe", Number: "1.4", Text: "Everyone in the school feels safe."},
			}},
			{Key: "relationships", Number: 2, Title: "Relationships", Practices: []imhars.Practice{
				{Key: "relationships.skills", Number: "2.1", Text: "Pupils are taught social skills, listening and empathy."},
				{Key: "relationships.peers", Number: "2.2", Text: "Peer support programmes are well organised."},
				{Key: "relationships.mixing", Number: "2.3", Text: "Pupils have planned chances to mix with different pupils and people."},
				{Key: "relationships.help", Number: "2.4", Text: "Pupils are taught how to ask for help."},
			}},
			{Key: "learning", Number: 3, Title: "Learning", Provisional: true, Practices: []imhars.Practice{
				{Key: "learning.mistakes", Number: "3.1", Text: "Perseverance, taking risks and learning from mistakes are encouraged."},
				{Key: "learning.feedback", Number: "3.2", Text: "Feedback is formative and meaningful."},
				{Key: "learning.interactive", Number: "3.3", Text: "Interactive teaching methods engage all pupils."},
				{Key: "learning.goals", Number: "3.4", Text: "Pupils set goals and notice their own progress.", Provisional: true},
			}},
		},
	}
}

// currentRatings leaves ethos.safe and every learning practice without a
// record, and records relationships.help as explicitly not assessed.
func currentRatings() map[string]imhars.Rating {
	return map[string]imhars.Rating{
		"ethos.respect":        imhars.Embedded,
		"ethos.leadership":     imhars.Established,
		"ethos.policies":       imhars.Emerging,
		"relationships.skills": imhars.NotInPlace,
		"relationships.peers":  imhars.Emerging,
		"relationships.mixing": imhars.Established,
		"relationships.help":   imhars.NotAssessed,
	}
}

func previousRatings() map[string]imhars.Rating {
	return map[string]imhars.Rating{
		"ethos.respect":        imhars.Established,
		"ethos.leadership":     imhars.Emerging,
		"ethos.policies":       imhars.Emerging,
		"ethos.safe":           imhars.NotInPlace,
		"relationships.skills": imhars.Emerging,
		"relationships.peers":  imhars.Established,
		"relationships.mixing": imhars.Established,
		"learning.mistakes":    imhars.Embedded,
	}
}

// sampleEvidence contains text in the cp1252 range (é, ’, £, curly quotes),
// text beyond it (an emoji), line breaks, a long passage, and values that
// begin with the characters spreadsheets read as the start of a formula.
func sampleEvidence() map[string]string {
	return map[string]string{
		"ethos.respect": "Zoë said \"it's better\", café, 😊\n" +
			"Staff hand out “thank you” cards; the £250 budget pays for the calm room.",
		"ethos.leadership":     longEvidence(4000),
		"ethos.policies":       `=HYPERLINK("https://example.org/policy","Behaviour policy")`,
		"relationships.skills": "+1+1 lessons a week on listening, planned but not yet taught.",
		"relationships.peers":  "@SUM(A1:A2) is how the peer mentor log totals sessions.",
		"relationships.mixing": "-10% fewer playground incidents after mixed-age clubs began.",
		"relationships.help":   "\tNotes still to be written up.\r\nBy half term.",
	}
}

func sampleFindings(auditID int64) map[string]imhars.ComponentFindings {
	ethos := findings(auditID, "ethos", "")
	relationships := imhars.ComponentFindings{
		AuditID:      auditID,
		ComponentKey: "relationships",
		Tiers: map[imhars.Tier]imhars.TierNote{
			imhars.TierUniversal: {Text: "Circle time in every class.", Coverage: imhars.CoverageGap},
		},
		WorksWell: "Mixed-age clubs.",
		NextSteps: "-Review the peer mentor rota each half term.",
		Version:   1,
	}
	return map[string]imhars.ComponentFindings{"ethos": ethos, "relationships": relationships}
}

// findings returns findings with every field written. A non-empty extra is
// appended to the areas for improvement.
func findings(auditID int64, componentKey, extra string) imhars.ComponentFindings {
	improve := "Policies are applied unevenly between key stages."
	if extra != "" {
		improve += "\n" + extra
	}
	return imhars.ComponentFindings{
		AuditID:      auditID,
		ComponentKey: componentKey,
		Tiers: map[imhars.Tier]imhars.TierNote{
			imhars.TierUniversal:  {Text: "Daily check-ins and a calm room open to all.", Coverage: imhars.CoverageGood},
			imhars.TierTargeted:   {Text: "Nurture group for 12 pupils.", Coverage: imhars.CoveragePartial},
			imhars.TierSpecialist: {Text: "Referral to CAMHS through the SENCo.", Coverage: imhars.CoverageGap},
		},
		WorksWell: "Pupils say adults “notice when something is wrong”.",
		Improve:   improve,
		NextSteps: "Train midday supervisors in emotion coaching by spring.",
		Version:   2,
		UpdatedBy: "Zoë Okafor",
	}
}
