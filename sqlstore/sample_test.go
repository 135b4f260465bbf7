package sqlstore_test

import (
	"context"
	"testing"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

func TestDeleteSampleSchoolsCounts(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		lead := createUser(t, s, "lead")
		notSample := createSchool(t, s, "Real Primary", lead)
		for _, name := range []string{"Sample A", "Sample B"} {
			sc := &imhars.School{Name: name, Phase: imhars.PhasePrimary, IsSample: true}
			if err := s.CreateSchool(ctx, sc, lead.ID); err != nil {
				t.Fatal(err)
			}
		}

		for _, want := range []int64{2, 0} {
			n, err := s.DeleteSampleSchools(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if n != want {
				t.Errorf("DeleteSampleSchools removed %d schools, want %d", n, want)
			}
		}
		if _, _, err := s.School(ctx, notSample.ID, lead); err != nil {
			t.Errorf("school not flagged as sample was removed: %v", err)
		}
	})
}

func TestDeleteUserByEmailCounts(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		u := createUser(t, s, "demo")
		tests := []struct {
			name  string
			email string
			want  int64
		}{
			{"other address", "nobody@school.example", 0},
			{"address in capitals", "DEMO@School.Example", 1},
			{"already removed", u.Email, 0},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				n, err := s.DeleteUserByEmail(ctx, tt.email)
				if err != nil {
					t.Fatal(err)
				}
				if n != tt.want {
					t.Errorf("DeleteUserByEmail(%q) removed %d, want %d", tt.email, n, tt.want)
				}
			})
		}
		_, err := s.UserByEmail(ctx, u.Email)
		wantNotFound(t, err)
	})
}
