package e2e

import (
	"fmt"

	"github.com/chromedp/chromedp"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/password"
)

const (
	testEmail    = "ada@example.org"
	testPassword = "a long enough password"
)

// seeded is what seedAudit stores: an administrator who leads one school
// with one audit in progress.
type seeded struct {
	admin  *imhars.User
	school *imhars.School
	audit  *imhars.Audit
}

// auditPath returns the path of the audit's overview page.
func (d seeded) auditPath() string {
	return fmt.Sprintf("/schools/%d/audits/%d", d.school.ID, d.audit.ID)
}

// seedAudit stores an administrator, a school and an audit straight in the
// store, for tests whose subject is a later page than setup.
func (s *session) seedAudit() seeded {
	t := s.t
	t.Helper()
	ctx := t.Context()
	hash, err := password.Hash(testPassword)
	if err != nil {
		t.Fatalf("hash the password: %v", err)
	}
	d := seeded{
		admin:  &imhars.User{Email: testEmail, Name: "Ada Lovelace", PasswordHash: hash},
		school: &imhars.School{Name: "Highbury Fields Primary", Phase: imhars.PhasePrimary},
	}
	if err := s.store.CreateFirstAdmin(ctx, d.admin); err != nil {
		t.Fatal(err)
	}
	if err := s.store.CreateSchool(ctx, d.school, d.admin.ID); err != nil {
		t.Fatal(err)
	}
	d.audit = &imhars.Audit{SchoolID: d.school.ID, FrameworkID: s.framework.ID, AcademicYear: "2026/27"}
	if err := s.store.CreateAudit(ctx, d.audit); err != nil {
		t.Fatal(err)
	}
	return d
}

// signIn signs in as the seeded administrator with the mouse and keyboard
// together, for tests that are not about the sign-in form.
func (s *session) signIn() {
	s.t.Helper()
	s.open("/sign-in")
	s.do("fill in the sign-in form",
		chromedp.SendKeys(chromedp.ID("email"), testEmail),
		chromedp.SendKeys(chromedp.ID("password"), testPassword),
	)
	s.follow("sign in", chromedp.Click(button("Sign in")))
	s.wantHeading("Your schools")
}
