package sqlstore_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

func TestCreateInvitation(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		lead := createUser(t, s, "lead")
		sc := createSchool(t, s, "School", lead)

		inv := &imhars.Invitation{SchoolID: sc.ID, TokenHash: "t1", Role: imhars.RoleMember,
			Note: "Head of PSHE", CreatedBy: lead.ID}
		if err := s.CreateInvitation(ctx, inv); err != nil {
			t.Fatal(err)
		}
		if inv.ID == 0 {
			t.Error("ID not set")
		}
		if got := inv.ExpiresAt.Sub(inv.CreatedAt); got != imhars.InvitationLifetime {
			t.Errorf("lifetime = %v, want %v", got, imhars.InvitationLifetime)
		}
		got, err := s.InvitationByTokenHash(ctx, "t1")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(inv, got); diff != "" {
			t.Errorf("InvitationByTokenHash (-created +got):\n%s", diff)
		}

		_, err = s.InvitationByTokenHash(ctx, "unknown")
		wantNotFound(t, err)
		bad := &imhars.Invitation{SchoolID: sc.ID, TokenHash: "t2", Role: "owner"}
		wantCode(t, s.CreateInvitation(ctx, bad), imhars.EINVALID)
		missing := &imhars.Invitation{SchoolID: sc.ID + 100, TokenHash: "t3", Role: imhars.RoleViewer}
		wantNotFound(t, s.CreateInvitation(ctx, missing))
	})
}

func TestInvitations(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		lead := createUser(t, s, "lead")
		amy := createUser(t, s, "amy")
		sc := createSchool(t, s, "School", lead)
		other := createSchool(t, s, "Other", lead)
		day := 24 * time.Hour
		for _, inv := range []*imhars.Invitation{
			{SchoolID: sc.ID, TokenHash: "older", CreatedAt: testTime.Add(-2 * day)},
			{SchoolID: sc.ID, TokenHash: "newer", CreatedAt: testTime.Add(-day)},
			{SchoolID: sc.ID, TokenHash: "expired", CreatedAt: testTime.Add(-8 * day)},
			{SchoolID: sc.ID, TokenHash: "used", CreatedAt: testTime.Add(-day)},
			{SchoolID: other.ID, TokenHash: "other", CreatedAt: testTime.Add(-day)},
		} {
			inv.Role = imhars.RoleMember
			if err := s.CreateInvitation(ctx, inv); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.AcceptInvitation(ctx, "used", amy.ID, testTime); err != nil {
			t.Fatal(err)
		}

		list, err := s.Invitations(ctx, sc.ID, testTime)
		if err != nil {
			t.Fatal(err)
		}
		var hashes []string
		for _, inv := range list {
			hashes = append(hashes, inv.TokenHash)
		}
		if diff := cmp.Diff([]string{"newer", "older"}, hashes); diff != "" {
			t.Errorf("Invitations (-want +got):\n%s", diff)
		}
	})
}

func TestAcceptInvitation(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		lead := createUser(t, s, "lead")
		amy := createUser(t, s, "amy")
		bob := createUser(t, s, "bob")
		sc := createSchool(t, s, "School", lead)
		inv := &imhars.Invitation{SchoolID: sc.ID, TokenHash: "t", Role: imhars.RoleMember, CreatedAt: testTime}
		if err := s.CreateInvitation(ctx, inv); err != nil {
			t.Fatal(err)
		}

		at := testTime.Add(time.Hour)
		got, err := s.AcceptInvitation(ctx, "t", amy.ID, at)
		if err != nil {
			t.Fatal(err)
		}
		want := *inv
		want.UsedAt = &at
		if diff := cmp.Diff(&want, got); diff != "" {
			t.Errorf("AcceptInvitation (-want +got):\n%s", diff)
		}
		if _, role, err := s.School(ctx, sc.ID, amy); err != nil || role != imhars.RoleMember {
			t.Errorf("School for invited user = %q, %v, want member", role, err)
		}

		_, err = s.AcceptInvitation(ctx, "t", bob.ID, at)
		wantCode(t, err, imhars.ECONFLICT)
		_, _, err = s.School(ctx, sc.ID, bob)
		wantNotFound(t, err)

		_, err = s.AcceptInvitation(ctx, "unknown", bob.ID, at)
		wantNotFound(t, err)
	})
}

func TestAcceptInvitationExpired(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		lead := createUser(t, s, "lead")
		amy := createUser(t, s, "amy")
		sc := createSchool(t, s, "School", lead)
		inv := &imhars.Invitation{SchoolID: sc.ID, TokenHash: "t", Role: imhars.RoleMember, CreatedAt: testTime}
		if err := s.CreateInvitation(ctx, inv); err != nil {
			t.Fatal(err)
		}

		_, err := s.AcceptInvitation(ctx, "t", amy.ID, inv.ExpiresAt)
		wantCode(t, err, imhars.ECONFLICT)
		_, _, err = s.School(ctx, sc.ID, amy)
		wantNotFound(t, err)
		got, err := s.InvitationByTokenHash(ctx, "t")
		if err != nil {
			t.Fatal(err)
		}
		if got.UsedAt != nil {
			t.Errorf("expired invitation marked used at %v", got.UsedAt)
		}
	})
}

func TestAcceptInvitationKeepsHigherRole(t *testing.T) {
	tests := []struct {
		current, invited, want imhars.Role
	}{
		{imhars.RoleViewer, imhars.RoleMember, imhars.RoleMember},
		{imhars.RoleMember, imhars.RoleLead, imhars.RoleLead},
		{imhars.RoleLead, imhars.RoleViewer, imhars.RoleLead},
		{imhars.RoleMember, imhars.RoleViewer, imhars.RoleMember},
		{imhars.RoleMember, imhars.RoleMember, imhars.RoleMember},
	}
	for _, tt := range tests {
		t.Run(string(tt.current)+" invited as "+string(tt.invited), func(t *testing.T) {
			sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
				ctx := context.Background()
				lead := createUser(t, s, "lead")
				amy := createUser(t, s, "amy")
				sc := createSchool(t, s, "School", lead)
				addMember(t, s, sc, amy, tt.current)
				inv := &imhars.Invitation{SchoolID: sc.ID, TokenHash: "again", Role: tt.invited}
				if err := s.CreateInvitation(ctx, inv); err != nil {
					t.Fatal(err)
				}
				if _, err := s.AcceptInvitation(ctx, "again", amy.ID, testTime); err != nil {
					t.Fatal(err)
				}
				if _, role, err := s.School(ctx, sc.ID, amy); err != nil || role != tt.want {
					t.Errorf("role = %q, %v, want %q", role, err, tt.want)
				}
			})
		})
	}
}

func TestAcceptInvitationConcurrent(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		lead := createUser(t, s, "lead")
		sc := createSchool(t, s, "School", lead)
		inv := &imhars.Invitation{SchoolID: sc.ID, TokenHash: "t", Role: imhars.RoleMember}
		if err := s.CreateInvitation(ctx, inv); err != nil {
			t.Fatal(err)
		}
		const callers = 6
		users := make([]*imhars.User, callers)
		for i := range users {
			users[i] = createUser(t, s, fmt.Sprintf("user%d", i))
		}

		errs := make([]error, callers)
		var wg sync.WaitGroup
		for i, u := range users {
			wg.Go(func() { _, errs[i] = s.AcceptInvitation(ctx, "t", u.ID, time.Now()) })
		}
		wg.Wait()

		succeeded := 0
		for _, err := range errs {
			switch imhars.ErrorCode(err) {
			case "":
				succeeded++
			case imhars.ECONFLICT:
			default:
				t.Errorf("AcceptInvitation: %v", err)
			}
		}
		if succeeded != 1 {
			t.Errorf("%d calls succeeded, want 1", succeeded)
		}
		members, err := s.Members(ctx, sc.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(members) != 2 {
			t.Errorf("school has %d members, want the lead and one invited user", len(members))
		}
	})
}

func TestRevokeInvitation(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		lead := createUser(t, s, "lead")
		amy := createUser(t, s, "amy")
		sc := createSchool(t, s, "School", lead)
		other := createSchool(t, s, "Other", lead)
		inv := &imhars.Invitation{SchoolID: sc.ID, TokenHash: "t", Role: imhars.RoleMember}
		if err := s.CreateInvitation(ctx, inv); err != nil {
			t.Fatal(err)
		}

		wantNotFound(t, s.RevokeInvitation(ctx, other.ID, inv.ID))
		if err := s.RevokeInvitation(ctx, sc.ID, inv.ID); err != nil {
			t.Fatal(err)
		}
		_, err := s.AcceptInvitation(ctx, "t", amy.ID, time.Now())
		wantNotFound(t, err)
		wantNotFound(t, s.RevokeInvitation(ctx, sc.ID, inv.ID))

		used := &imhars.Invitation{SchoolID: sc.ID, TokenHash: "used", Role: imhars.RoleMember}
		if err := s.CreateInvitation(ctx, used); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AcceptInvitation(ctx, "used", amy.ID, time.Now()); err != nil {
			t.Fatal(err)
		}
		wantNotFound(t, s.RevokeInvitation(ctx, sc.ID, used.ID))
	})
}
