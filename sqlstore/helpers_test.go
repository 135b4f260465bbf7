package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/framework"
	"github.com/imhars/imhars/sqlstore"
)

// testTime is a fixed instant with whole microseconds, as the store keeps.
var testTime = time.Date(2026, 10, 5, 9, 30, 15, 123456000, time.UTC)

// frameworkSource returns a framework file with two components of two
// practices each.
func frameworkSource(slug, version string) []byte {
	return fmt.Appendf(nil, `slug: %s
version: "%s"
title: Test framework %s
description: A framework for store tests.
source: Written for tests.
components:
  - key: ethos
    title: Ethos
    practices:
      - key: ethos.respect
        text: Staff model mutual respect.
      - key: ethos.safe
        text: Everyone feels safe.
  - key: learning
    title: Learning
    practices:
      - key: learning.mistakes
        text: Mistakes are treated as part of learning.
      - key: learning.feedback
        text: Feedback is formative.
`, slug, version, version)
}

func saveFramework(t testing.TB, s *sqlstore.Store, slug, version string) *imhars.Framework {
	t.Helper()
	src := frameworkSource(slug, version)
	f, err := framework.Parse(src)
	if err != nil {
		t.Fatalf("parse test framework: %v", err)
	}
	if err := s.SaveFramework(context.Background(), f, src, nil); err != nil {
		t.Fatalf("save framework: %v", err)
	}
	return f
}

func createUser(t testing.TB, s *sqlstore.Store, name string) *imhars.User {
	t.Helper()
	u := &imhars.User{Email: name + "@school.example", Name: name, PasswordHash: "hash-" + name}
	if err := s.CreateUser(context.Background(), u); err != nil {
		t.Fatalf("create user %s: %v", name, err)
	}
	return u
}

func createSchool(t testing.TB, s *sqlstore.Store, name string, lead *imhars.User) *imhars.School {
	t.Helper()
	sc := &imhars.School{Name: name, Phase: imhars.PhasePrimary, URN: "100432", LocalAuthority: "Islington"}
	if err := s.CreateSchool(context.Background(), sc, lead.ID); err != nil {
		t.Fatalf("create school %s: %v", name, err)
	}
	return sc
}

func createAudit(t testing.TB, s *sqlstore.Store, sc *imhars.School, f *imhars.Framework, year string) *imhars.Audit {
	t.Helper()
	a := &imhars.Audit{SchoolID: sc.ID, FrameworkID: f.ID, AcademicYear: year}
	if err := s.CreateAudit(context.Background(), a); err != nil {
		t.Fatalf("create audit for %s: %v", year, err)
	}
	return a
}

// auditFixture is a school with a lead and an audit of the test framework.
type auditFixture struct {
	lead      *imhars.User
	school    *imhars.School
	framework *imhars.Framework
	audit     *imhars.Audit
}

func newAuditFixture(t testing.TB, s *sqlstore.Store) auditFixture {
	t.Helper()
	lead := createUser(t, s, "lead")
	sc := createSchool(t, s, "Highbury Primary", lead)
	f := saveFramework(t, s, "test", "1")
	return auditFixture{lead: lead, school: sc, framework: f, audit: createAudit(t, s, sc, f, "2026/27")}
}

// wantCode fails the test unless err carries the application error code.
func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := imhars.ErrorCode(err); got != code {
		t.Errorf("error code = %q, want %q (error: %v)", got, code, err)
	}
}

// wantNotFound fails the test unless err matches imhars.ErrNotFound.
func wantNotFound(t *testing.T, err error) {
	t.Helper()
	if !errors.Is(err, imhars.ErrNotFound) {
		t.Errorf("error = %v, want imhars.ErrNotFound", err)
	}
}
