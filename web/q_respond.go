package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
)

// respondRoutes registers the pages for people who answer questionnaires.
// They have no accounts: a questionnaire is reached by its open link, its
// short code, or a member of staff's personal link.
func (s *Server) respondRoutes(mux *http.ServeMux) {
	queue := newSubmitQueue(s.store)
	s.handle(mux, "GET /q", s.public(s.showCodeEntry))
	s.handle(mux, "POST /q", s.public(s.findQuestionnaireByCode))
	s.handle(mux, "GET /q/{link}", s.public(s.showAnswerForm))
	// The form posts to its own path, not the page's, because browsers
	// drop their cached copy of a page that a successful POST went to, and
	// Back after sending must show the cached form with its submission key.
	s.handle(mux, "POST /q/{link}/answers", s.public(func(w http.ResponseWriter, r *http.Request) error {
		return s.submitAnswers(w, r, queue)
	}))
	s.handle(mux, "GET /q/{link}/answers", http.HandlerFunc(redirectToAnswerForm))
	s.handle(mux, "GET /q/{link}/thanks", s.public(s.showAnswerThanks))
}

// maxAnswerLinkLen is longer than any link id the store creates, so that a
// longer path is not found without a query.
const maxAnswerLinkLen = 64

func (s *Server) questionnaireByLinkID(ctx context.Context, link string) (*imhars.Questionnaire, error) {
	if link == "" || len(link) > maxAnswerLinkLen {
		return nil, imhars.ErrNotFound
	}
	q, err := s.store.QuestionnaireByLink(ctx, link)
	if err != nil {
		return nil, fmt.Errorf("get questionnaire by link: %w", err)
	}
	return q, nil
}

func (s *Server) showAnswerForm(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	q, err := s.questionnaireByLinkID(ctx, r.PathValue("link"))
	if err != nil {
		return err
	}
	if !q.Accepting(s.now()) {
		return s.renderAnswerClosed(w, r, http.StatusOK, q, false)
	}

	form := answerForm{Key: newToken(), Token: r.URL.Query().Get("t")}
	rec, err := s.recipientForToken(ctx, q, form.Token)
	if err != nil {
		return err
	}
	if rec != nil && rec.Responded {
		return s.renderAnswerThanks(w, r, q, true)
	}
	p, err := s.newAnswerPage(r, q, form)
	if err != nil {
		return err
	}
	if err := s.nameGroups(ctx, p); err != nil {
		return err
	}
	p.UnknownToken = form.Token != "" && rec == nil
	p.Personal = rec != nil
	if !p.Personal {
		p.Token = ""
	}
	return s.renderStatus(historyCacheable(w), r, http.StatusOK, "q-respond-form", p)
}

// submitAnswers stores a completed questionnaire once, however often the
// same form is sent, and redirects to the thank-you page. A form with
// missing answers or long comments is shown again with everything kept.
// Responses are stored through queue, which groups concurrent submissions.
func (s *Server) submitAnswers(w http.ResponseWriter, r *http.Request, queue *submitQueue) error {
	ctx := r.Context()
	q, err := s.questionnaireByLinkID(ctx, r.PathValue("link"))
	if err != nil {
		return err
	}
	now := s.now()
	if !q.Accepting(now) {
		return s.renderAnswerClosed(w, r, http.StatusConflict, q, true)
	}

	p, err := s.newAnswerPage(r, q, readAnswerForm(r))
	if err != nil {
		return err
	}
	if p.validate(); p.Errors.Any() {
		if err := s.nameGroups(ctx, p); err != nil {
			return err
		}
		p.validate() // again, so that the messages name the components
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "q-respond-form", p)
	}

	rec, err := s.recipientForToken(ctx, q, p.Token)
	if err != nil {
		return err
	}
	if rec != nil && rec.Responded {
		return s.redirectToAnswerThanks(w, r, q, true)
	}
	resp := p.response(imhars.DateOf(now.In(q.Location())))
	if err := s.flagRiskComments(ctx, q, resp.Comments); err != nil {
		return err
	}
	tokenHash := ""
	if rec != nil {
		tokenHash = rec.TokenHash
	}
	duplicate, err := queue.submit(ctx, sqlstore.Submission{Response: resp, Key: p.Key, RecipientTokenHash: tokenHash})
	if err != nil {
		return fmt.Errorf("submit response to questionnaire %d: %w", q.ID, err)
	}
	return s.redirectToAnswerThanks(w, r, q, duplicate)
}

// redirectToAnswerForm sends a GET of the form's post address, such as a
// reload of a page shown again with errors, to the questionnaire.
func redirectToAnswerForm(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/q/"+url.PathEscape(r.PathValue("link")), http.StatusSeeOther)
}

// recipientForToken returns the member of staff whose personal link carries
// token, or nil when the token is empty, unknown or for another
// questionnaire. The answers of a person whose token is not recognised
// still count, as if they had used the open link.
func (s *Server) recipientForToken(ctx context.Context, q *imhars.Questionnaire, token string) (*imhars.Recipient, error) {
	if token == "" || len(token) > maxRecipientTokenLen {
		return nil, nil
	}
	rec, err := s.store.RecipientByTokenHash(ctx, hashToken(token))
	if errors.Is(err, imhars.ErrNotFound) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("get recipient of questionnaire %d: %w", q.ID, err)
	}
	if rec.QuestionnaireID != q.ID {
		return nil, nil
	}
	return rec, nil
}

// maxRecipientTokenLen is longer than any token newToken makes.
const maxRecipientTokenLen = 128

// flagRiskComments marks each comment that contains one of the school's risk
// phrases, so that only the designated safeguarding lead sees it.
func (s *Server) flagRiskComments(ctx context.Context, q *imhars.Questionnaire, comments []imhars.Comment) error {
	if len(comments) == 0 {
		return nil
	}
	phrases, err := s.store.RiskPhrases(ctx, q.SchoolID)
	if err != nil {
		return fmt.Errorf("get risk phrases of school %d: %w", q.SchoolID, err)
	}
	for i := range comments {
		c := &comments[i]
		c.Phrase = imhars.MatchRisk(c.Text, phrases)
		c.Flagged = c.Phrase != ""
	}
	return nil
}

func (s *Server) redirectToAnswerThanks(w http.ResponseWriter, r *http.Request, q *imhars.Questionnaire, again bool) error {
	target := "/q/" + q.LinkID + "/thanks"
	if again {
		target += "?again=1"
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
	return nil
}

// historyCacheable lets the browser keep the blank questionnaire in its
// history, so that Back after the thank-you page shows the same form, with
// the same submission key, instead of a new one. The page holds no
// answers: those exist only in the browser until the form is sent.
func historyCacheable(w http.ResponseWriter) http.ResponseWriter {
	return &historyCacheWriter{ResponseWriter: w, value: "private, no-cache"}
}

// historyCacheWriter replaces the Cache-Control header just before the
// status is written.
type historyCacheWriter struct {
	http.ResponseWriter
	value string
}

func (w *historyCacheWriter) WriteHeader(code int) {
	w.Header().Set("Cache-Control", w.value)
	w.ResponseWriter.WriteHeader(code)
}

func (w *historyCacheWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// answerZoneLabel names the questionnaire's time zone for people: "UK time" for
// Europe/London, otherwise the zone's IANA name.
func answerZoneLabel(q *imhars.Questionnaire) string {
	name := q.Location().String()
	if name == "Europe/London" {
		return "UK time"
	}
	return strings.ReplaceAll(name, "_", " ") + " time"
}
