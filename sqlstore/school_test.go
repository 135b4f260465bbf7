package sqlstore_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

func TestCreateSchool(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		lead := createUser(t, s, "lead")
		sc := &imhars.School{Name: "Sample School", Phase: imhars.PhaseSecondary, IsSample: true}
		if err := s.CreateSchool(ctx, sc, lead.ID); err != nil {
			t.Fatal(err)
		}
		if sc.ID == 0 || sc.CreatedAt.IsZero() {
			t.Errorf("created %+v, want ID and CreatedAt set", sc)
		}

		got, role, err := s.School(ctx, sc.ID, lead)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(sc, got); diff != "" {
			t.Errorf("School (-created +got):\n%s", diff)
		}
		if role != imhars.RoleLead {
			t.Errorf("creator's role = %q, want lead", role)
		}
	})
}

func TestSchoolAccess(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		lead := createUser(t, s, "lead")
		viewer := createUser(t, s, "viewer")
		outsider := createUser(t, s, "outsider")
		admin := createUser(t, s, "admin")
		admin.IsAdmin = true // the flag is read from the argument, not the database
		sc := createSchool(t, s, "Highbury Primary", lead)
		inv := &imhars.Invitation{SchoolID: sc.ID, TokenHash: "t", Role: imhars.RoleViewer}
		if err := s.CreateInvitation(ctx, inv); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AcceptInvitation(ctx, "t", viewer.ID, testTime); err != nil {
			t.Fatal(err)
		}

		tests := []struct {
			name     string
			user     *imhars.User
			schoolID int64
			want     imhars.Role // "" for not found
		}{
			{"lead", lead, sc.ID, imhars.RoleLead},
			{"viewer", viewer, sc.ID, imhars.RoleViewer},
			{"outsider", outsider, sc.ID, ""},
			{"admin not a member", admin, sc.ID, imhars.RoleLead},
			{"missing school", lead, sc.ID + 100, ""},
			{"admin missing school", admin, sc.ID + 100, ""},
			{"no user", nil, sc.ID, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, role, err := s.School(ctx, tt.schoolID, tt.user)
				if tt.want == "" {
					wantNotFound(t, err)
					if got != nil {
						t.Errorf("School returned %+v with an error", got)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if role != tt.want {
					t.Errorf("role = %q, want %q", role, tt.want)
				}
				if got.ID != sc.ID {
					t.Errorf("school ID = %d, want %d", got.ID, sc.ID)
				}
			})
		}
	})
}

func TestUpdateSchool(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		lead := createUser(t, s, "lead")
		sc := &imhars.School{Name: "Old", Phase: imhars.PhasePrimary, IsSample: true}
		if err := s.CreateSchool(ctx, sc, lead.ID); err != nil {
			t.Fatal(err)
		}

		changed := *sc
		changed.Name, changed.Phase, changed.URN, changed.LocalAuthority = "New", imhars.PhaseSpecial, "123456", "Camden"
		changed.IsSample = false
		if err := s.UpdateSchool(ctx, &changed); err != nil {
			t.Fatal(err)
		}
		got, _, err := s.School(ctx, sc.ID, lead)
		if err != nil {
			t.Fatal(err)
		}
		want := changed
		want.IsSample = true // set only on creation
		if diff := cmp.Diff(&want, got); diff != "" {
			t.Errorf("School after update (-want +got):\n%s", diff)
		}

		missing := changed
		missing.ID += 100
		wantNotFound(t, s.UpdateSchool(ctx, &missing))
	})
}

func TestSchoolsForUser(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		lead := createUser(t, s, "lead")
		other := createUser(t, s, "other")
		admin := &imhars.User{ID: other.ID + 100, IsAdmin: true}
		f := saveFramework(t, s, "test", "1")
		zeta := createSchool(t, s, "zeta School", lead)
		alpha := createSchool(t, s, "Alpha School", lead)
		otherSchool := createSchool(t, s, "Middle School", other)
		createAudit(t, s, alpha, f, "2025/26")
		latest := createAudit(t, s, alpha, f, "2026/27")
		createAudit(t, s, alpha, f, "2024/25")

		tests := []struct {
			name string
			user *imhars.User
			want []imhars.SchoolSummary
		}{
			{"lead", lead, []imhars.SchoolSummary{
				{School: *alpha, Role: imhars.RoleLead, LatestAudit: latest},
				{School: *zeta, Role: imhars.RoleLead},
			}},
			{"other", other, []imhars.SchoolSummary{
				{School: *otherSchool, Role: imhars.RoleLead},
			}},
			{"admin", admin, []imhars.SchoolSummary{
				{School: *alpha, Role: imhars.RoleLead, LatestAudit: latest},
				{School: *otherSchool, Role: imhars.RoleLead},
				{School: *zeta, Role: imhars.RoleLead},
			}},
			{"no schools", &imhars.User{ID: other.ID + 200}, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := s.SchoolsForUser(ctx, tt.user)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("SchoolsForUser (-want +got):\n%s", diff)
				}
			})
		}
	})
}

func TestDeleteSchoolCascades(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		keep := createSchool(t, s, "Other School", fx.lead)
		keepAudit := createAudit(t, s, keep, fx.framework, "2026/27")
		for _, auditID := range []int64{fx.audit.ID, keepAudit.ID} {
			p := &imhars.PracticeAssessment{AuditID: auditID, PracticeKey: "ethos.safe", Rating: imhars.Emerging}
			if err := s.SaveAssessment(ctx, p); err != nil {
				t.Fatal(err)
			}
			f := &imhars.ComponentFindings{AuditID: auditID, ComponentKey: "ethos", WorksWell: "Assemblies"}
			if err := s.SaveFindings(ctx, f); err != nil {
				t.Fatal(err)
			}
		}
		inv := &imhars.Invitation{SchoolID: fx.school.ID, TokenHash: "t", Role: imhars.RoleMember}
		if err := s.CreateInvitation(ctx, inv); err != nil {
			t.Fatal(err)
		}

		if err := s.DeleteSchool(ctx, fx.school.ID); err != nil {
			t.Fatal(err)
		}

		_, _, err := s.School(ctx, fx.school.ID, fx.lead)
		wantNotFound(t, err)
		_, err = s.Audit(ctx, fx.school.ID, fx.audit.ID)
		wantNotFound(t, err)
		_, err = s.Assessment(ctx, fx.audit.ID, "ethos.safe")
		wantNotFound(t, err)
		_, err = s.Findings(ctx, fx.audit.ID, "ethos")
		wantNotFound(t, err)
		_, err = s.InvitationByTokenHash(ctx, "t")
		wantNotFound(t, err)
		members, err := s.Members(ctx, fx.school.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(members) != 0 {
			t.Errorf("deleted school has %d members", len(members))
		}

		if _, err := s.Assessment(ctx, keepAudit.ID, "ethos.safe"); err != nil {
			t.Errorf("other school's assessment: %v", err)
		}
		if _, err := s.Findings(ctx, keepAudit.ID, "ethos"); err != nil {
			t.Errorf("other school's findings: %v", err)
		}
		if _, err := s.UserByID(ctx, fx.lead.ID); err != nil {
			t.Errorf("lead's account: %v", err)
		}
		if _, err := s.Framework(ctx, fx.framework.ID); err != nil {
			t.Errorf("framework: %v", err)
		}

		wantNotFound(t, s.DeleteSchool(ctx, fx.school.ID))
	})
}
