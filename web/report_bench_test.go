package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/framework"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// BenchmarkReportPage measures the server time of the report page for an
// audit with every practice rated and 2,000 characters of evidence each.
func BenchmarkReportPage(b *testing.B) {
	srv, path, token := benchmarkAudit(b)
	for _, suffix := range []string{"/report", "/report.pdf", "/report.xlsx"} {
		b.Run(strings.TrimPrefix(suffix, "/"), func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, path+suffix, nil)
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

// benchFixture is a signed-in administrator with a school and an empty
// audit against the default framework, shared by the benchmarks.
type benchFixture struct {
	store  *sqlstore.Store
	f      *imhars.Framework
	token  string
	school *imhars.School
	audit  *imhars.Audit
}

func newBenchFixture(b *testing.B) *benchFixture {
	ctx := context.Background()
	store := sqlstoretest.OpenSQLite(b)
	f, err := store.EnsureDefaultFramework(ctx, framework.Default(), framework.DefaultSource())
	if err != nil {
		b.Fatal(err)
	}
	user := &imhars.User{Name: "Bench", Email: "bench@example.org", PasswordHash: "x", IsAdmin: true}
	if err := store.CreateUser(ctx, user); err != nil {
		b.Fatal(err)
	}
	token := newToken()
	sess := &imhars.Session{TokenHash: hashToken(token), UserID: user.ID, CSRFToken: "t", ExpiresAt: time.Now().Add(time.Hour)}
	if err := store.CreateSession(ctx, sess); err != nil {
		b.Fatal(err)
	}
	school := &imhars.School{Name: "Bench Primary", Phase: imhars.PhasePrimary}
	if err := store.CreateSchool(ctx, school, user.ID); err != nil {
		b.Fatal(err)
	}
	audit := &imhars.Audit{SchoolID: school.ID, FrameworkID: f.ID, AcademicYear: "2026/27", Status: imhars.AuditInProgress}
	if err := store.CreateAudit(ctx, audit); err != nil {
		b.Fatal(err)
	}
	return &benchFixture{store: store, f: f, token: token, school: school, audit: audit}
}

// server returns the application on the fixture's store.
func (fx *benchFixture) server(b *testing.B) *Server {
	srv, err := New(Config{Store: fx.store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	return srv
}

func benchmarkAudit(b *testing.B) (*Server, string, string) {
	ctx := context.Background()
	fx := newBenchFixture(b)
	store, f, audit := fx.store, fx.f, fx.audit
	evidence := strings.Repeat("Observed in lessons and confirmed by pupils in discussion. ", 35)[:2000]
	for i, c := range f.Components {
		for j, p := range c.Practices {
			a := &imhars.PracticeAssessment{AuditID: audit.ID, PracticeKey: p.Key, Rating: imhars.Rating((i + j) % 4),
				Evidence: evidence, Kinds: []imhars.EvidenceKind{imhars.EvidenceObservation}, Priority: imhars.PriorityHigh, UpdatedBy: "Bench"}
			if err := store.SaveAssessment(ctx, a); err != nil {
				b.Fatal(err)
			}
		}
		fi := &imhars.ComponentFindings{AuditID: audit.ID, ComponentKey: c.Key, WorksWell: evidence, Improve: evidence, NextSteps: evidence,
			Tiers: map[imhars.Tier]imhars.TierNote{imhars.TierUniversal: {Text: evidence, Coverage: imhars.CoverageGood}}}
		if err := store.SaveFindings(ctx, fi); err != nil {
			b.Fatal(err)
		}
	}
	return fx.server(b), fmt.Sprintf("/schools/%d/audits/%d", fx.school.ID, audit.ID), fx.token
}
