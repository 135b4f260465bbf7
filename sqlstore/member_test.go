package sqlstore_test

import (
	"context"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// addMember invites u to sc with role and accepts the invitation.
func addMember(t *testing.T, s *sqlstore.Store, sc *imhars.School, u *imhars.User, role imhars.Role) {
	t.Helper()
	ctx := context.Background()
	hash := "invite-" + u.Name
	inv := &imhars.Invitation{SchoolID: sc.ID, TokenHash: hash, Role: role}
	if err := s.CreateInvitation(ctx, inv); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AcceptInvitation(ctx, hash, u.ID, testTime); err != nil {
		t.Fatal(err)
	}
}

// roles returns each member's name and role, in the order listed.
func roles(t *testing.T, s *sqlstore.Store, schoolID int64) [][2]string {
	t.Helper()
	members, err := s.Members(context.Background(), schoolID)
	if err != nil {
		t.Fatal(err)
	}
	var out [][2]string
	for _, m := range members {
		if m.SchoolID != schoolID {
			t.Errorf("member %s has SchoolID %d, want %d", m.User.Name, m.SchoolID, schoolID)
		}
		out = append(out, [2]string{m.User.Name, string(m.Role)})
	}
	return out
}

func TestMembers(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		zoe := createUser(t, s, "zoe")
		sc := createSchool(t, s, "School", zoe)
		addMember(t, s, sc, createUser(t, s, "Viv"), imhars.RoleViewer)
		addMember(t, s, sc, createUser(t, s, "bob"), imhars.RoleMember)
		addMember(t, s, sc, createUser(t, s, "amy"), imhars.RoleMember)
		addMember(t, s, sc, createUser(t, s, "ann"), imhars.RoleLead)
		other := createSchool(t, s, "Other", createUser(t, s, "otto"))
		addMember(t, s, other, zoe, imhars.RoleViewer)

		want := [][2]string{
			{"ann", "lead"}, {"zoe", "lead"}, {"amy", "member"}, {"bob", "member"}, {"Viv", "viewer"},
		}
		if diff := cmp.Diff(want, roles(t, s, sc.ID)); diff != "" {
			t.Errorf("Members (-want +got):\n%s", diff)
		}

		members, err := s.Members(context.Background(), sc.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range members {
			if m.User.PasswordHash != "" {
				t.Errorf("member %s has a password hash", m.User.Name)
			}
		}
	})
}

func TestSetMemberRole(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		lead := createUser(t, s, "lead")
		amy := createUser(t, s, "amy")
		sc := createSchool(t, s, "School", lead)
		addMember(t, s, sc, amy, imhars.RoleViewer)

		if err := s.SetMemberRole(ctx, sc.ID, amy.ID, imhars.RoleMember); err != nil {
			t.Fatal(err)
		}
		wantCode(t, s.SetMemberRole(ctx, sc.ID, lead.ID, imhars.RoleMember), imhars.ECONFLICT)
		wantCode(t, s.SetMemberRole(ctx, sc.ID, amy.ID, "owner"), imhars.EINVALID)
		wantNotFound(t, s.SetMemberRole(ctx, sc.ID, amy.ID+100, imhars.RoleMember))
		wantNotFound(t, s.SetMemberRole(ctx, sc.ID+100, amy.ID, imhars.RoleMember))

		// With a second lead, the first may step down.
		if err := s.SetMemberRole(ctx, sc.ID, amy.ID, imhars.RoleLead); err != nil {
			t.Fatal(err)
		}
		if err := s.SetMemberRole(ctx, sc.ID, lead.ID, imhars.RoleViewer); err != nil {
			t.Fatal(err)
		}
		want := [][2]string{{"amy", "lead"}, {"lead", "viewer"}}
		if diff := cmp.Diff(want, roles(t, s, sc.ID)); diff != "" {
			t.Errorf("Members (-want +got):\n%s", diff)
		}
	})
}

func TestRemoveMember(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		lead := createUser(t, s, "lead")
		amy := createUser(t, s, "amy")
		sc := createSchool(t, s, "School", lead)
		addMember(t, s, sc, amy, imhars.RoleMember)

		wantCode(t, s.RemoveMember(ctx, sc.ID, lead.ID), imhars.ECONFLICT)
		if err := s.RemoveMember(ctx, sc.ID, amy.ID); err != nil {
			t.Fatal(err)
		}
		wantNotFound(t, s.RemoveMember(ctx, sc.ID, amy.ID))
		_, _, err := s.School(ctx, sc.ID, amy)
		wantNotFound(t, err)

		want := [][2]string{{"lead", "lead"}}
		if diff := cmp.Diff(want, roles(t, s, sc.ID)); diff != "" {
			t.Errorf("Members (-want +got):\n%s", diff)
		}
	})
}

func TestDemoteLeadsConcurrent(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		ann := createUser(t, s, "ann")
		bob := createUser(t, s, "bob")
		sc := createSchool(t, s, "School", ann)
		addMember(t, s, sc, bob, imhars.RoleLead)

		// Each lead steps down at once; one must stay.
		errs := make([]error, 2)
		var wg sync.WaitGroup
		for i, u := range []*imhars.User{ann, bob} {
			wg.Go(func() { errs[i] = s.SetMemberRole(ctx, sc.ID, u.ID, imhars.RoleMember) })
		}
		wg.Wait()

		failed := 0
		for _, err := range errs {
			switch imhars.ErrorCode(err) {
			case "":
			case imhars.ECONFLICT:
				failed++
			default:
				t.Errorf("SetMemberRole: %v", err)
			}
		}
		if failed != 1 {
			t.Errorf("%d of 2 demotions failed, want 1", failed)
		}
		leads := 0
		for _, r := range roles(t, s, sc.ID) {
			if r[1] == string(imhars.RoleLead) {
				leads++
			}
		}
		if leads != 1 {
			t.Errorf("school has %d audit leads, want 1", leads)
		}
	})
}
