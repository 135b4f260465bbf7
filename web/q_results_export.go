package web

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/csvexport"
	"github.com/imhars/imhars/xlsx"
)

const xlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// exportRefusedPage explains why a questionnaire's responses cannot be
// downloaded.
type exportRefusedPage struct {
	Page
	URL           string
	Questionnaire *imhars.Questionnaire
	Privacy       imhars.Privacy
	Held          bool // held until the questionnaire closes, not too small
}

// responsesExport is a questionnaire's responses that may be downloaded.
type responsesExport struct {
	questionnaire *imhars.Questionnaire
	items         []imhars.Item
	responses     []imhars.Response
	withComments  bool
}

// loadResponsesExport loads the responses of the questionnaire in the path,
// or renders a page saying why they may not be downloaded and returns nil.
// Only a group that meets the school's minimum size, and is not held until
// it closes, may be downloaded, and its comments only when it also meets
// the minimum for comments. Comment
// columns appear when the questionnaire asks for comments or has any.
func (s *Server) loadResponsesExport(w http.ResponseWriter, r *http.Request) (*responsesExport, error) {
	st := stateOf(r)
	q, err := s.questionnaireOf(r)
	if err != nil {
		return nil, err
	}
	privacy, err := s.schoolPrivacy(r.Context(), st.school.ID)
	if err != nil {
		return nil, err
	}
	view, err := s.loadView(r.Context(), q, privacy)
	if err != nil {
		return nil, err
	}

	if view.Withheld() {
		p := &exportRefusedPage{Page: s.page(r, "These responses cannot be downloaded yet"),
			URL: auditURL(st.audit), Questionnaire: q, Privacy: privacy, Held: view.HeldUntilClosed}
		return nil, s.renderStatus(w, r, http.StatusForbidden, "q-results-export-refused", p)
	}

	items, err := s.store.Items(r.Context(), q.ID, true)
	if err != nil {
		return nil, fmt.Errorf("list items of questionnaire %d: %w", q.ID, err)
	}
	responses, err := s.store.Responses(r.Context(), q.ID)
	if err != nil {
		return nil, fmt.Errorf("list responses of questionnaire %d: %w", q.ID, err)
	}

	hasComments := q.Comments
	for _, resp := range responses {
		hasComments = hasComments || len(resp.Comments) > 0
	}
	return &responsesExport{questionnaire: q, items: items, responses: responses,
		withComments: hasComments && view.Respondents >= privacy.MinComments}, nil
}

func (s *Server) downloadResponsesCSV(w http.ResponseWriter, r *http.Request) error {
	e, err := s.loadResponsesExport(w, r)
	if e == nil || err != nil {
		return err
	}
	excel := r.URL.Query().Get("excel") == "1"
	var buf bytes.Buffer
	if err := csvexport.WriteResponses(&buf, e.items, e.responses, e.withComments, excel); err != nil {
		return fmt.Errorf("export responses of questionnaire %d: %w", e.questionnaire.ID, err)
	}
	return s.sendExport(w, r, exportFile{action: "export.responses.csv",
		detail: "Responses to " + e.questionnaire.Title, name: s.responsesFileName(r, e.questionnaire, "csv"),
		contentType: "text/csv; charset=utf-8", body: &buf})
}

func (s *Server) downloadResponsesXLSX(w http.ResponseWriter, r *http.Request) error {
	e, err := s.loadResponsesExport(w, r)
	if e == nil || err != nil {
		return err
	}
	var buf bytes.Buffer
	title := "Responses to " + e.questionnaire.Title
	if err := xlsx.WriteResponses(&buf, title, e.items, e.responses, e.withComments); err != nil {
		return fmt.Errorf("export responses of questionnaire %d: %w", e.questionnaire.ID, err)
	}
	return s.sendExport(w, r, exportFile{action: "export.responses.xlsx", detail: title,
		name: s.responsesFileName(r, e.questionnaire, "xlsx"), contentType: xlsxContentType, body: &buf})
}

// downloadViewsCSV writes the audit's questionnaire results, as in the
// report, one row per item of each group.
func (s *Server) downloadViewsCSV(w http.ResponseWriter, r *http.Request) error {
	st := stateOf(r)
	report, err := s.buildReport(r)
	if err != nil {
		return err
	}
	excel := r.URL.Query().Get("excel") == "1"
	var buf bytes.Buffer
	if err := csvexport.WriteViews(&buf, report, excel); err != nil {
		return fmt.Errorf("export views of audit %d: %w", st.audit.ID, err)
	}
	year := strings.ReplaceAll(st.audit.AcademicYear, "/", "-")
	return s.sendExport(w, r, exportFile{action: "export.views.csv",
		detail:      "Questionnaire results " + st.audit.AcademicYear,
		name:        fmt.Sprintf("imhars-views-%s-%s.csv", slug(st.school.Name), year),
		contentType: "text/csv; charset=utf-8", body: &buf})
}

// exportFile is a built download and what the activity log records of it.
// The detail names what was exported, never its contents.
type exportFile struct {
	action, detail, name, contentType string
	body                              io.WriterTo
}

// sendExport logs who downloaded what, then sends the file. The file is
// built before this is called, so a failure never sends half a file.
func (s *Server) sendExport(w http.ResponseWriter, r *http.Request, f exportFile) error {
	st := stateOf(r)
	event := &imhars.Event{At: s.now(), UserID: st.user.ID, UserName: st.user.Name, SchoolID: st.school.ID,
		Action: f.action, Detail: f.detail}
	if err := s.store.LogEvent(r.Context(), event); err != nil {
		return fmt.Errorf("log export: %w", err)
	}
	w.Header().Set("Content-Type", f.contentType)
	setAttachment(w, f.name)
	w.Header().Set("Cache-Control", "no-store")
	_, err := f.body.WriteTo(w)
	return err
}

func (s *Server) responsesFileName(r *http.Request, q *imhars.Questionnaire, ext string) string {
	st := stateOf(r)
	return fmt.Sprintf("imhars-responses-%s-%s-%d.%s", slug(st.school.Name), slug(q.Title), q.ID, ext)
}
