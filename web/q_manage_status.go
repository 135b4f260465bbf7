package web

import "github.com/imhars/imhars"

// questionnaireState is a questionnaire's status as it affects answers on
// one day. An open questionnaire takes no answers before its open date or
// after its close date, so its stored status alone would mislead.
type questionnaireState struct {
	Label     string // "Open, not accepting answers until 3 March 2027", for example
	Class     string // the GOV.UK tag colour
	Accepting bool   // whether answers sent that day are stored
}

// stateOn returns q's state on the day today, in q's time zone.
func stateOn(q *imhars.Questionnaire, today imhars.Date) questionnaireState {
	switch {
	case q.Status == imhars.QuestionnaireDraft:
		return questionnaireState{Label: "Draft", Class: "govuk-tag--yellow"}
	case q.Status == imhars.QuestionnaireClosed:
		return questionnaireState{Label: "Closed", Class: "govuk-tag--grey"}
	case today.Before(q.OpensOn):
		return questionnaireState{Label: "Open, not accepting answers until " + q.OpensOn.Long(),
			Class: "govuk-tag--blue"}
	case q.ClosesOn.Before(today):
		return questionnaireState{Label: "Closed on " + q.ClosesOn.Long(), Class: "govuk-tag--grey"}
	}
	return questionnaireState{Label: "Open", Class: "govuk-tag--green", Accepting: true}
}

// State returns the questionnaire's state today.
func (p *questionnairePage) State() questionnaireState { return stateOn(p.Q, p.Today) }
