package web

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/imhars/imhars"
)

// dataRoutes registers the export and deletion of a school's data, which
// only its audit leads and site administrators may reach.
func (s *Server) dataRoutes(mux *http.ServeMux) {
	const school = "/schools/{school}"
	s.handle(mux, "GET "+school+"/export", s.asLead(s.showExport))
	s.handle(mux, "GET "+school+"/export.zip", s.asLead(s.downloadExport))
	s.handle(mux, "GET "+school+"/delete", s.asLead(s.showDeleteSchool))
	s.handle(mux, "POST "+school+"/delete", s.asLead(s.deleteSchool))
	s.handle(mux, "GET "+school+"/audits/{audit}/delete", s.leadingAudit(s.showDeleteAudit))
	s.handle(mux, "POST "+school+"/audits/{audit}/delete", s.leadingAudit(s.deleteAudit))
}

// exportPage describes the school's data export before it is downloaded.
type exportPage struct {
	Page
	Privacy imhars.Privacy // the thresholds that decide what is left out
}

func (s *Server) showExport(w http.ResponseWriter, r *http.Request) error {
	privacy, err := s.schoolPrivacy(r.Context(), stateOf(r).school.ID)
	if err != nil {
		return err
	}
	return s.render(w, r, "school-export", &exportPage{Page: s.page(r, "Download all your school's data"),
		Privacy: privacy})
}

// downloadExport sends a ZIP of all the school's data after logging who
// exported it. The archive is built in memory first, so that a failure
// never sends half a file.
func (s *Server) downloadExport(w http.ResponseWriter, r *http.Request) error {
	st := stateOf(r)
	data, err := s.loadSchoolExport(r.Context(), st.school)
	if err != nil {
		return fmt.Errorf("export school %d: %w", st.school.ID, err)
	}
	now := s.now()
	var buf bytes.Buffer
	if err := writeExportZIP(&buf, data, exportReadme(st.school.Name, st.user.Name, now), now); err != nil {
		return fmt.Errorf("write export of school %d: %w", st.school.ID, err)
	}

	detail := fmt.Sprintf("All school data: %s, %s, %s", countOf(len(data.Audits), "audit", "audits"),
		countOf(len(data.Questionnaires), "questionnaire", "questionnaires"),
		countOf(len(data.Responses), "response", "responses"))
	event := &imhars.Event{At: now, UserID: st.user.ID, UserName: st.user.Name, SchoolID: st.school.ID,
		Action: "export.all", Detail: detail}
	if err := s.store.LogEvent(r.Context(), event); err != nil {
		return fmt.Errorf("log export: %w", err)
	}

	name := fmt.Sprintf("imhars-data-%s-%s.zip", slug(st.school.Name), now.UTC().Format(time.DateOnly))
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
	w.Header().Set("Cache-Control", "no-store")
	_, err = buf.WriteTo(w)
	return err
}

// writeExportZIP writes README.txt and one indented JSON file per kind of
// data, each dated modified.
func writeExportZIP(w io.Writer, e *schoolExport, readme string, modified time.Time) error {
	files := []struct {
		name string
		data any
	}{
		{"school.json", e.School},
		{"members.json", e.Members},
		{"audits.json", e.Audits},
		{"questionnaires.json", e.Questionnaires},
		{"responses.json", exportResponsesFile{Withheld: e.Withheld, Responses: e.Responses}},
		{"recipients.json", e.Recipients},
		{"events.json", e.Events},
	}
	zw := zip.NewWriter(w)
	if err := addZIPFile(zw, "README.txt", []byte(readme), modified); err != nil {
		return err
	}
	for _, f := range files {
		body, err := json.MarshalIndent(f.data, "", "  ")
		if err != nil {
			return fmt.Errorf("encode %s: %w", f.name, err)
		}
		if err := addZIPFile(zw, f.name, append(body, '\n'), modified); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("close ZIP archive: %w", err)
	}
	return nil
}

func addZIPFile(zw *zip.Writer, name string, body []byte, modified time.Time) error {
	fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified})
	if err != nil {
		return fmt.Errorf("add %s to ZIP archive: %w", name, err)
	}
	if _, err := fw.Write(body); err != nil {
		return fmt.Errorf("write %s to ZIP archive: %w", name, err)
	}
	return nil
}

// countOf returns n with the noun for that number, such as "1 audit" or
// "3 audits".
func countOf(n int, singular, plural string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", singular)
	}
	return fmt.Sprintf("%d %s", n, plural)
}
