// Package demo loads a made-up sample school with two completed audits, so
// that a newcomer can see a full report straight away. The school is flagged
// as a sample, which every page and list shows, and can be removed again.
package demo

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/framework"
	"github.com/imhars/imhars/password"
	"github.com/imhars/imhars/sqlstore"
)

// Email is the demo account's sign-in address. The .invalid top-level
// domain is reserved, so it can never be a real person's address.
const Email = "demo@sample-school.invalid"

// SchoolName is the sample school's name.
const SchoolName = "Sample Primary School (demo data)"

// Instructions are the commands and address that Load prints, written for
// the flags the command line was given.
type Instructions struct {
	ServeCommand  string // one or more ways to start the server, such as "make run, or imhars"
	SignInURL     string // such as "http://127.0.0.1:8080/sign-in"
	RemoveCommand string // such as "imhars demo --remove"
}

// Load replaces any earlier sample data with a fresh sample school, two
// completed audits and a demo account that leads the school, then prints
// how to sign in.
func Load(ctx context.Context, store *sqlstore.Store, out io.Writer, how Instructions) error {
	if _, err := removeSample(ctx, store); err != nil {
		return err
	}
	f, err := store.EnsureDefaultFramework(ctx, framework.Default(), framework.DefaultSource())
	if err != nil {
		return fmt.Errorf("load default framework: %w", err)
	}
	pass, err := password.Generate()
	if err != nil {
		return fmt.Errorf("generate demo password: %w", err)
	}
	hash, err := password.Hash(pass)
	if err != nil {
		return fmt.Errorf("hash demo password: %w", err)
	}
	user := &imhars.User{Name: "Demo audit lead", Email: Email, PasswordHash: hash}
	if err := store.CreateUser(ctx, user); err != nil {
		return fmt.Errorf("create demo account: %w", err)
	}
	school := &imhars.School{Name: SchoolName, Phase: imhars.PhasePrimary, LocalAuthority: "Sample borough", IsSample: true}
	if err := store.CreateSchool(ctx, school, user.ID); err != nil {
		return fmt.Errorf("create sample school: %w", err)
	}
	now := time.Now()
	for i, year := range []string{previousYear(now), imhars.CurrentAcademicYear(now)} {
		if err := loadAudit(ctx, store, school, f, year, i, user.Name); err != nil {
			return err
		}
	}
	fmt.Fprintf(out, `Loaded %q with two completed audits.
Start the server (%s) and sign in at %s with
  email:    %s
  password: %s
The school is marked as sample data on every page. Remove it with: %s
`, SchoolName, how.ServeCommand, how.SignInURL, Email, pass, how.RemoveCommand)
	return nil
}

// Remove deletes the sample school and the demo account, and prints what
// it removed.
func Remove(ctx context.Context, store *sqlstore.Store, out io.Writer) error {
	removed, err := removeSample(ctx, store)
	if err != nil {
		return err
	}
	fmt.Fprintln(out, removed.String())
	return nil
}

// removal counts what removeSample deleted.
type removal struct {
	schools  int64
	accounts int64
}

// String returns what was removed as a sentence.
func (r removal) String() string {
	var parts []string
	switch {
	case r.schools == 1:
		parts = append(parts, "the sample school")
	case r.schools > 1:
		parts = append(parts, fmt.Sprintf("%d sample schools", r.schools))
	}
	if r.accounts > 0 {
		parts = append(parts, "the demo account")
	}
	if len(parts) == 0 {
		return "There was no sample data to remove."
	}
	return "Removed " + strings.Join(parts, " and ") + "."
}

func removeSample(ctx context.Context, store *sqlstore.Store) (removal, error) {
	var r removal
	var err error
	if r.schools, err = store.DeleteSampleSchools(ctx); err != nil {
		return r, fmt.Errorf("remove sample schools: %w", err)
	}
	if r.accounts, err = store.DeleteUserByEmail(ctx, Email); err != nil {
		return r, fmt.Errorf("remove demo account: %w", err)
	}
	return r, nil
}

func previousYear(now time.Time) string {
	return imhars.CurrentAcademicYear(now.AddDate(-1, 0, 0))
}

// loadAudit records one completed audit. The later audit (round 1) rates
// most practices one level higher than the earlier one, so that the report
// shows change since the previous year.
func loadAudit(ctx context.Context, store *sqlstore.Store, school *imhars.School, f *imhars.Framework, year string, round int, by string) error {
	a := &imhars.Audit{SchoolID: school.ID, FrameworkID: f.ID, AcademicYear: year, Status: imhars.AuditInProgress, CreatedAt: time.Now()}
	if err := store.CreateAudit(ctx, a); err != nil {
		return fmt.Errorf("create sample audit %s: %w", year, err)
	}
	for ci, c := range f.Components {
		for pi, p := range c.Practices {
			rating := imhars.Rating((ci + pi + round) % 4)
			if round == 1 && ci == 3 && pi == 0 {
				rating = imhars.NotAssessed
			}
			e := evidenceFor(rating, ci+pi)
			pa := &imhars.PracticeAssessment{
				AuditID: a.ID, PracticeKey: p.Key, Rating: rating, UpdatedBy: by,
				Evidence: e.text, Kinds: e.kinds, Priority: priorityFor(rating),
			}
			if err := store.SaveAssessment(ctx, pa); err != nil {
				return fmt.Errorf("save sample assessment %s: %w", p.Key, err)
			}
		}
		if err := store.SaveFindings(ctx, findingsFor(a.ID, c, ci, round, by)); err != nil {
			return fmt.Errorf("save sample findings %s: %w", c.Key, err)
		}
	}
	if err := store.SetAuditStatus(ctx, a.ID, imhars.AuditComplete, time.Now()); err != nil {
		return fmt.Errorf("complete sample audit %s: %w", year, err)
	}
	return nil
}
