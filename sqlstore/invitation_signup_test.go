package sqlstore_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

func TestAcceptAsNewUserOnce(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		lead := &imhars.User{Name: "Lead", Email: "lead@school.example", PasswordHash: "x"}
		if err := s.CreateUser(ctx, lead); err != nil {
			t.Fatal(err)
		}
		school := &imhars.School{Name: "Signup School", Phase: imhars.PhasePrimary}
		if err := s.CreateSchool(ctx, school, lead.ID); err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		inv := &imhars.Invitation{SchoolID: school.ID, TokenHash: "race", Role: imhars.RoleMember, CreatedBy: lead.ID, ExpiresAt: now.Add(time.Hour)}
		if err := s.CreateInvitation(ctx, inv); err != nil {
			t.Fatal(err)
		}

		const people = 6
		errs := make([]error, people)
		var wg sync.WaitGroup
		for i := range people {
			wg.Go(func() {
				u := &imhars.User{Name: "P", Email: fmt.Sprintf("p%d@school.example", i), PasswordHash: "x"}
				_, errs[i] = s.AcceptInvitationAsNewUser(ctx, "race", u, now)
			})
		}
		wg.Wait()

		joined := 0
		for i, err := range errs {
			_, lookupErr := s.UserByEmail(ctx, fmt.Sprintf("p%d@school.example", i))
			if err == nil {
				joined++
				if lookupErr != nil {
					t.Errorf("person %d joined but has no account", i)
				}
			} else if lookupErr == nil {
				t.Errorf("person %d was refused (%v) but an account was created", i, err)
			}
		}
		if joined != 1 {
			t.Errorf("%d people joined with one invitation, want 1", joined)
		}
	})
}
