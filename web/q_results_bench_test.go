package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/imhars/imhars"
)

// Size of the benchmark's questionnaire results.
const (
	viewsBenchResponses = 2000
	viewsBenchItems     = 40
)

// BenchmarkReportWithViews measures the report page, its PDF, the views
// CSV and one questionnaire's results page for an audit of the default
// framework with every practice rated and 2,000 responses of 40 items each,
// spread over staff, parents and pupils, a tenth of them with a comment.
func BenchmarkReportWithViews(b *testing.B) {
	srv, audit, token, first := benchmarkViewsAudit(b)
	paths := map[string]string{
		"report":     audit + "/report",
		"report.pdf": audit + "/report.pdf",
		"views.csv":  audit + "/views.csv",
		"results":    fmt.Sprintf("%s/questionnaires/%d/results", audit, first),
	}
	for _, name := range []string{"report", "report.pdf", "views.csv", "results"} {
		b.Run(name, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, paths[name], nil)
			req.AddCookie(&http.Cookie{Name: sessionCookie, Value: token})
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				srv.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d", rec.Code)
				}
			}
		})
	}
}

// benchmarkViewsAudit returns a server, the audit's path, a session token
// and the id of the first questionnaire.
func benchmarkViewsAudit(b *testing.B) (*Server, string, string, int64) {
	ctx := context.Background()
	fx := newBenchFixture(b)
	store, f, audit := fx.store, fx.f, fx.audit
	var items []imhars.Item
	for i, c := range f.Components {
		for j, p := range c.Practices {
			a := &imhars.PracticeAssessment{AuditID: audit.ID, PracticeKey: p.Key, Rating: imhars.Rating((i + j) % 4), UpdatedBy: "Bench"}
			if err := store.SaveAssessment(ctx, a); err != nil {
				b.Fatal(err)
			}
			if len(items) < viewsBenchItems {
				items = append(items, imhars.Item{PracticeKey: p.Key, ComponentKey: c.Key, Text: p.Text})
			}
		}
	}
	groups := []struct {
		audience  imhars.Audience
		responses int
	}{{imhars.AudienceStaff, 800}, {imhars.AudienceParents, 700}, {imhars.AudiencePupils8to11, 500}}
	var first int64
	n := 0
	for _, g := range groups {
		q := &imhars.Questionnaire{AuditID: audit.ID, Audience: g.audience, Title: g.audience.Label(),
			Status: imhars.QuestionnaireOpen, Comments: true}
		if err := store.CreateQuestionnaire(ctx, q, append([]imhars.Item(nil), items...)); err != nil {
			b.Fatal(err)
		}
		if first == 0 {
			first = q.ID
		}
		for range g.responses {
			if _, err := store.SubmitResponse(ctx, viewsBenchResponse(q.ID, n), newToken(), ""); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	if n != viewsBenchResponses {
		b.Fatalf("seeded %d responses, want %d", n, viewsBenchResponses)
	}
	return fx.server(b), fmt.Sprintf("/schools/%d/audits/%d", fx.school.ID, audit.ID), fx.token, first
}

// viewsBenchResponse returns the n-th response: an answer to every item, spread
// over the scale with one in seven "don't know", and a comment on every
// tenth response.
func viewsBenchResponse(questionnaireID int64, n int) *imhars.Response {
	r := &imhars.Response{QuestionnaireID: questionnaireID}
	for i := 1; i <= viewsBenchItems; i++ {
		v := (n*7+i*3)%6 + 1
		r.Answers = append(r.Answers, imhars.Answer{ItemID: fmt.Sprintf("i%d", i), Value: min(v, 5), DontKnow: (n+i)%7 == 0})
	}
	for i := range r.Answers {
		if r.Answers[i].DontKnow {
			r.Answers[i].Value = 0
		}
	}
	if n%10 == 0 {
		r.Comments = []imhars.Comment{{ComponentKey: "ethos", Text: "Staff are kind and listen when something is wrong."}}
	}
	return r
}
