package web

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"mime"
	"net/http"
	"strings"
	"unicode"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/chart"
	"github.com/imhars/imhars/csvexport"
	"github.com/imhars/imhars/pdf"
	"github.com/imhars/imhars/xlsx"
)

type reportPage struct {
	Page
	Report imhars.Report
	Chart  template.HTML
	URL    string
}

// buildReport computes the report of the audit in the path, compared with
// the school's previous audit when there is one.
func (s *Server) buildReport(r *http.Request) (*imhars.Report, error) {
	st := stateOf(r)
	data, err := s.store.AuditData(r.Context(), st.audit)
	if err != nil {
		return nil, fmt.Errorf("load audit %d: %w", st.audit.ID, err)
	}
	var previous *imhars.AuditData
	prev, err := s.store.PreviousAudit(r.Context(), st.audit)
	switch {
	case err == nil:
		if previous, err = s.store.AuditData(r.Context(), prev); err != nil {
			return nil, fmt.Errorf("load previous audit %d: %w", prev.ID, err)
		}
	case !errors.Is(err, imhars.ErrNotFound):
		return nil, fmt.Errorf("find previous audit: %w", err)
	}
	report := imhars.BuildReport(*st.school, *data, previous, s.now())
	if err := s.addViews(r, &report); err != nil {
		return nil, err
	}
	return &report, nil
}

func (s *Server) showReport(w http.ResponseWriter, r *http.Request) error {
	report, err := s.buildReport(r)
	if err != nil {
		return err
	}
	var svg bytes.Buffer
	if err := chart.WriteSVG(&svg, report); err != nil {
		return fmt.Errorf("draw chart: %w", err)
	}
	p := &reportPage{
		Page:   s.page(r, fmt.Sprintf("Audit report %s", report.Audit.AcademicYear)),
		Report: *report, Chart: template.HTML(svg.String()), URL: auditURL(stateOf(r).audit),
	}
	return s.render(w, r, "report", p)
}

// download writes a report file after logging who downloaded it. The file
// is built in memory first so that a failure never sends half a file.
func (s *Server) download(w http.ResponseWriter, r *http.Request, kind, contentType string, write func(io.Writer, *imhars.Report) error) error {
	report, err := s.buildReport(r)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := write(&buf, report); err != nil {
		return fmt.Errorf("write %s report: %w", kind, err)
	}
	st := stateOf(r)
	event := &imhars.Event{At: s.now(), UserID: st.user.ID, UserName: st.user.Name, SchoolID: st.school.ID,
		Action: "export." + kind, Detail: "Audit report " + st.audit.AcademicYear}
	if err := s.store.LogEvent(r.Context(), event); err != nil {
		return fmt.Errorf("log export: %w", err)
	}
	name := fmt.Sprintf("imhars-audit-%s-%s.%s", slug(st.school.Name), strings.ReplaceAll(st.audit.AcademicYear, "/", "-"), kind)
	w.Header().Set("Content-Type", contentType)
	setAttachment(w, name)
	w.Header().Set("Cache-Control", "no-store")
	_, err = buf.WriteTo(w)
	return err
}

func (s *Server) downloadPDF(w http.ResponseWriter, r *http.Request) error {
	return s.download(w, r, "pdf", "application/pdf", pdf.Write)
}

func (s *Server) downloadXLSX(w http.ResponseWriter, r *http.Request) error {
	return s.download(w, r, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Write)
}

func (s *Server) downloadCSV(w http.ResponseWriter, r *http.Request) error {
	excel := r.URL.Query().Get("excel") == "1"
	return s.download(w, r, "csv", "text/csv; charset=utf-8", func(w io.Writer, rep *imhars.Report) error {
		return csvexport.WritePractices(w, rep, excel)
	})
}

// slug returns s in lower case with runs of characters other than letters
// and digits as single hyphens, for file names.
func slug(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			hyphen = false
		} else if !hyphen && b.Len() > 0 {
			b.WriteByte('-')
			hyphen = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// setAttachment makes the response a download named name. Go's mime
// package writes a name with letters outside ASCII in the filename*
// form of RFC 2231, which browsers decode.
func setAttachment(w http.ResponseWriter, name string) {
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
}
