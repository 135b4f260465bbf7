package web

import (
	"context"
	"fmt"
	"net/http"
	"slices"

	"github.com/imhars/imhars"
)

// loadViews loads the results of every questionnaire of an audit, adults
// first. Every screen and export that shows questionnaire results reads
// them through this function or loadView, which pass the stored counts
// through imhars.NewGroupView and hold the results of a questionnaire with
// personal links until it closes, so neither rule can be skipped. A draft
// with no responses is left out.
func (s *Server) loadViews(ctx context.Context, schoolID, auditID int64) (
	[]imhars.GroupView, imhars.Privacy, error) {
	privacy, err := s.schoolPrivacy(ctx, schoolID)
	if err != nil {
		return nil, privacy, err
	}
	questionnaires, err := s.store.Questionnaires(ctx, auditID)
	if err != nil {
		return nil, privacy, fmt.Errorf("list questionnaires of audit %d: %w", auditID, err)
	}
	slices.SortStableFunc(questionnaires, func(a, b imhars.Questionnaire) int {
		return audienceRank(a.Audience) - audienceRank(b.Audience)
	})
	var views []imhars.GroupView
	for i := range questionnaires {
		v, err := s.loadView(ctx, &questionnaires[i], privacy)
		if err != nil {
			return nil, privacy, err
		}
		if v.Questionnaire.Status == imhars.QuestionnaireDraft && !v.HasResponses() {
			continue
		}
		views = append(views, v)
	}
	return views, privacy, nil
}

// loadView loads and summarises one questionnaire's results. Answers and
// comments of a group below the minimum size, or held until it closes, are
// not even read.
func (s *Server) loadView(ctx context.Context, q *imhars.Questionnaire,
	privacy imhars.Privacy) (imhars.GroupView, error) {
	items, err := s.store.Items(ctx, q.ID, true)
	if err != nil {
		return imhars.GroupView{}, fmt.Errorf("list items of questionnaire %d: %w", q.ID, err)
	}
	respondents, err := s.store.RespondentCount(ctx, q.ID)
	if err != nil {
		return imhars.GroupView{}, fmt.Errorf("count respondents of questionnaire %d: %w", q.ID, err)
	}
	held, err := s.heldUntilClosed(ctx, q)
	if err != nil {
		return imhars.GroupView{}, err
	}
	if held {
		v := imhars.NewGroupView(*q, items, respondents, nil, nil, privacy)
		v.HoldUntilClosed()
		return v, nil
	}

	var counts map[string]imhars.ItemCounts
	var comments []imhars.Comment
	if respondents >= privacy.MinGroup {
		if counts, err = s.store.AnswerCounts(ctx, q.ID); err != nil {
			return imhars.GroupView{}, fmt.Errorf("count answers of questionnaire %d: %w", q.ID, err)
		}
		if comments, err = s.store.Comments(ctx, q.ID, false); err != nil {
			return imhars.GroupView{}, fmt.Errorf("list comments of questionnaire %d: %w", q.ID, err)
		}
	}
	return imhars.NewGroupView(*q, items, respondents, counts, comments, privacy), nil
}

// heldUntilClosed reports whether a questionnaire's results must wait until
// it closes: it sent personal links and can still accept answers. The lead
// sees which recipients have responded, so results that change while they
// answer could be matched to one named person by comparing two looks. A
// questionnaire left open past its close date accepts no more answers and
// counts as closed.
//
// NOTE: a lead who reopens a closed questionnaire, or moves its close date
// later, can still compare results from before with results after the new
// close, so the hold narrows this risk but cannot remove it.
func (s *Server) heldUntilClosed(ctx context.Context, q *imhars.Questionnaire) (bool, error) {
	switch q.Status {
	case imhars.QuestionnaireClosed:
		return false, nil
	case imhars.QuestionnaireOpen:
		today := imhars.DateOf(s.now().In(q.Location()))
		if q.ClosesOn.Before(today) {
			return false, nil
		}
	}
	recipients, err := s.store.Recipients(ctx, q.ID)
	if err != nil {
		return false, fmt.Errorf("list recipients of questionnaire %d: %w", q.ID, err)
	}
	return len(recipients) > 0, nil
}

// schoolPrivacy returns the school's thresholds raised to their floors.
func (s *Server) schoolPrivacy(ctx context.Context, schoolID int64) (imhars.Privacy, error) {
	p, err := s.store.SchoolPrivacy(ctx, schoolID)
	if err != nil {
		return imhars.DefaultPrivacy(), fmt.Errorf("load privacy thresholds of school %d: %w", schoolID, err)
	}
	return p.Effective(), nil
}

// addViews puts the audit's questionnaire results into a report.
func (s *Server) addViews(r *http.Request, report *imhars.Report) error {
	st := stateOf(r)
	views, privacy, err := s.loadViews(r.Context(), st.school.ID, st.audit.ID)
	if err != nil {
		return err
	}
	report.Views, report.Privacy = views, privacy
	return nil
}

func audienceRank(a imhars.Audience) int {
	if i := slices.Index(imhars.Audiences, a); i >= 0 {
		return i
	}
	return len(imhars.Audiences)
}
