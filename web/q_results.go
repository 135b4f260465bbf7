package web

import (
	"fmt"
	"net/http"

	"github.com/imhars/imhars"
)

// resultsRoutes registers questionnaire results, their exports, and the
// safeguarding and privacy settings that govern them.
func (s *Server) resultsRoutes(mux *http.ServeMux) {
	const a = "/schools/{school}/audits/{audit}"
	const q = a + "/questionnaires/{questionnaire}"
	s.handle(mux, "GET "+q+"/results", s.inAudit(s.showResults))
	s.handle(mux, "GET "+q+"/responses.csv", s.leadingAudit(s.downloadResponsesCSV))
	s.handle(mux, "GET "+q+"/responses.xlsx", s.leadingAudit(s.downloadResponsesXLSX))
	s.handle(mux, "GET "+a+"/views.csv", s.inAudit(s.downloadViewsCSV))

	const school = "/schools/{school}"
	s.handle(mux, "GET "+school+"/safeguarding", s.inSchool(s.showSafeguarding))
	s.handle(mux, "POST "+school+"/safeguarding/{flag}/reviewed", s.inSchool(s.markFlagReviewed))
	s.handle(mux, "POST "+school+"/members/{user}/safeguarding-lead", s.asLead(s.setSafeguardingLead))
	s.handle(mux, "GET "+school+"/questionnaire-settings", s.asLead(s.showQuestionnaireSettings))
	s.handle(mux, "POST "+school+"/questionnaire-settings", s.asLead(s.saveQuestionnaireSettings))
}

// resultsPage is one questionnaire's results.
type resultsPage struct {
	Page
	URL       string // the audit's address
	View      imhars.GroupView
	Privacy   imhars.Privacy
	Items     []resultRow
	Retired   []resultRow
	Comments  []componentComments
	CanExport bool
	State     questionnaireState // whether the questionnaire takes answers today
}

// resultRow is an item's result with the practice it asks about.
type resultRow struct {
	Result   imhars.ItemResult
	Scale    imhars.Scale
	Practice *imhars.Practice // nil when the framework no longer has it
	MinGroup int              // the school's minimum group size, for a suppressed item
}

// componentComments are one component's shown comments.
type componentComments struct {
	Component *imhars.Component
	Key       string
	Comments  []imhars.Comment
}

func (s *Server) showResults(w http.ResponseWriter, r *http.Request) error {
	st := stateOf(r)
	q, err := s.questionnaireOf(r)
	if err != nil {
		return err
	}
	privacy, err := s.schoolPrivacy(r.Context(), st.school.ID)
	if err != nil {
		return err
	}
	view, err := s.loadView(r.Context(), q, privacy)
	if err != nil {
		return err
	}
	fw, err := s.store.Framework(r.Context(), st.audit.FrameworkID)
	if err != nil {
		return fmt.Errorf("load framework %d: %w", st.audit.FrameworkID, err)
	}
	p := &resultsPage{
		Page: s.page(r, "Results: "+q.Title), URL: auditURL(st.audit), View: view, Privacy: privacy,
		Items:     resultRows(fw, view, view.ActiveItems(), privacy.MinGroup),
		Retired:   resultRows(fw, view, view.RetiredItems(), privacy.MinGroup),
		Comments:  commentsByComponent(fw, view),
		CanExport: st.role.CanLead() && !view.Withheld(),
		State:     stateOn(q, s.today(st.school)),
	}
	return s.render(w, r, "q-results-page", p)
}

func resultRows(fw *imhars.Framework, v imhars.GroupView, results []imhars.ItemResult,
	minGroup int) []resultRow {
	rows := make([]resultRow, len(results))
	for i, res := range results {
		rows[i] = resultRow{Result: res, Scale: v.Scale, MinGroup: minGroup}
		if p, _, ok := fw.Practice(res.Item.PracticeKey); ok {
			rows[i].Practice = p
		}
	}
	return rows
}

// commentsByComponent groups a view's shown comments by component, in
// framework order, with components the framework lacks at the end.
func commentsByComponent(fw *imhars.Framework, v imhars.GroupView) []componentComments {
	var out []componentComments
	seen := map[string]bool{}
	for i := range fw.Components {
		c := &fw.Components[i]
		seen[c.Key] = true
		if list := v.CommentsFor(c.Key); len(list) > 0 {
			out = append(out, componentComments{Component: c, Key: c.Key, Comments: list})
		}
	}
	for _, c := range v.Comments {
		if !seen[c.ComponentKey] {
			seen[c.ComponentKey] = true
			out = append(out, componentComments{Key: c.ComponentKey, Comments: v.CommentsFor(c.ComponentKey)})
		}
	}
	return out
}
