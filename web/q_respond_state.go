package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/imhars/imhars"
)

// answerClosedPage is the page shown when a questionnaire takes no
// answers now, with the reason.
type answerClosedPage struct {
	Page
	Q        *imhars.Questionnaire
	Heading  string
	Message  string
	NotSaved bool // true when answers were sent and not stored
}

// renderAnswerClosed shows why the questionnaire takes no answers. After a
// submission it states instead why the answers were not stored.
func (s *Server) renderAnswerClosed(w http.ResponseWriter, r *http.Request, status int, q *imhars.Questionnaire, sent bool) error {
	today := imhars.DateOf(s.now().In(q.Location()))
	heading, msg := closedReason(q, today)
	p := &answerClosedPage{Page: s.page(r, heading), Q: q, Heading: heading, Message: msg, NotSaved: sent}
	if sent {
		p.Heading = "Your answers were not saved"
		p.Title = p.Heading
		p.Message = notSavedReason(q, today)
	}
	return s.renderStatus(w, r, status, "q-respond-closed", p)
}

// closedReason returns a heading and a sentence saying why q takes no
// answers on the day today, in q's time zone.
func closedReason(q *imhars.Questionnaire, today imhars.Date) (heading, message string) {
	zone := answerZoneLabel(q)
	switch {
	case q.Status == imhars.QuestionnaireDraft:
		return "This questionnaire is not open yet",
			"The school is still preparing it. Try the link again later."
	case q.Status == imhars.QuestionnaireOpen && today.Before(q.OpensOn):
		return "This questionnaire is not open yet",
			"It opens on " + q.OpensOn.Long() + " (" + zone + "). Come back then."
	case q.ClosesOn.Before(today):
		return "This questionnaire has closed",
			"This questionnaire closed at the end of " + q.ClosesOn.Long() + " (" + zone + ")."
	}
	return "This questionnaire has closed",
		"The school has closed this questionnaire, so it no longer takes answers."
}

// notSavedReason returns a sentence saying why answers sent on the day
// today, in q's time zone, were not stored.
func notSavedReason(q *imhars.Questionnaire, today imhars.Date) string {
	zone := answerZoneLabel(q)
	switch {
	case q.Status == imhars.QuestionnaireDraft:
		return "The school has not opened this questionnaire yet, so your answers were not saved."
	case q.Status == imhars.QuestionnaireOpen && today.Before(q.OpensOn):
		return "This questionnaire does not open until " + q.OpensOn.Long() + " (" + zone +
			"), so your answers were not saved. Come back then and send them again."
	case q.ClosesOn.Before(today):
		return "This questionnaire closed at the end of " + q.ClosesOn.Long() + " (" + zone +
			"). Your answers arrived after that, so they were not saved."
	}
	return "The school closed this questionnaire before your answers arrived, so they were not saved."
}

// answerThanksPage is the thank-you page shown once a response is stored.
type answerThanksPage struct {
	Page
	Q     *imhars.Questionnaire
	Again bool // true when the same answers had already arrived
}

func (s *Server) showAnswerThanks(w http.ResponseWriter, r *http.Request) error {
	q, err := s.questionnaireByLinkID(r.Context(), r.PathValue("link"))
	if err != nil {
		return err
	}
	return s.renderAnswerThanks(w, r, q, r.URL.Query().Get("again") == "1")
}

func (s *Server) renderAnswerThanks(w http.ResponseWriter, r *http.Request, q *imhars.Questionnaire, again bool) error {
	title := "Thank you"
	if again {
		title = "We already have your answers"
	}
	return s.render(w, r, "q-respond-thanks", &answerThanksPage{Page: s.page(r, title), Q: q, Again: again})
}

// codeEntryPage is the form for a questionnaire's short code.
type codeEntryPage struct {
	Page
	Code string
}

func (s *Server) showCodeEntry(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, "q-respond-code", &codeEntryPage{Page: s.page(r, "Answer a questionnaire")})
}

// findQuestionnaireByCode sends a respondent from a typed short code, in any letter
// case and with spaces or hyphens, to the questionnaire.
func (s *Server) findQuestionnaireByCode(w http.ResponseWriter, r *http.Request) error {
	p := &codeEntryPage{Page: s.page(r, "Answer a questionnaire"), Code: r.PostFormValue("code")}
	code := imhars.NormaliseShortCode(p.Code)
	switch {
	case code == "":
		p.Errors.Add("code", "Enter the code you were given, like K7PM3Q.")
	case len(code) != imhars.ShortCodeLen:
		p.Errors.Add("code", "The code has %d letters and numbers. Check it and try again.", imhars.ShortCodeLen)
	}
	if p.Errors.Any() {
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "q-respond-code", p)
	}

	q, err := s.store.QuestionnaireByCode(r.Context(), code)
	if errors.Is(err, imhars.ErrNotFound) {
		p.Errors.Add("code", "No questionnaire has the code %s. Check the code and try again.", code)
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "q-respond-code", p)
	} else if err != nil {
		return fmt.Errorf("get questionnaire by short code: %w", err)
	}
	http.Redirect(w, r, "/q/"+q.LinkID, http.StatusSeeOther)
	return nil
}
