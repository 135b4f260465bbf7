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

func TestCreateUser(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		u := &imhars.User{Email: "  Ada.Lovelace@School.Example ", Name: "Ada", PasswordHash: "h"}
		if err := s.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		if u.ID == 0 {
			t.Error("ID not set")
		}
		if u.Email != "ada.lovelace@school.example" {
			t.Errorf("Email = %q, want lower case without spaces", u.Email)
		}
		if time.Since(u.CreatedAt) > time.Minute || u.CreatedAt.Location() != time.UTC {
			t.Errorf("CreatedAt = %v, want now in UTC", u.CreatedAt)
		}

		byID, err := s.UserByID(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(u, byID); diff != "" {
			t.Errorf("UserByID (-created +got):\n%s", diff)
		}
		byEmail, err := s.UserByEmail(ctx, "ADA.LOVELACE@school.example")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(u, byEmail); diff != "" {
			t.Errorf("UserByEmail (-created +got):\n%s", diff)
		}
	})
}

func TestCreateUserDuplicateEmail(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		createUser(t, s, "ada")
		err := s.CreateUser(context.Background(), &imhars.User{Email: "ADA@school.example", Name: "Ada 2"})
		wantCode(t, err, imhars.ECONFLICT)
	})
}

func TestUserNotFound(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		u, err := s.UserByID(ctx, 42)
		wantNotFound(t, err)
		if u != nil {
			t.Errorf("UserByID returned %+v with an error", u)
		}
		_, err = s.UserByEmail(ctx, "nobody@school.example")
		wantNotFound(t, err)
	})
}

func TestCountUsers(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		for i := range 3 {
			n, err := s.CountUsers(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if n != i {
				t.Errorf("CountUsers = %d, want %d", n, i)
			}
			createUser(t, s, fmt.Sprintf("user%d", i))
		}
	})
}

func TestCreateFirstAdmin(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		admin := &imhars.User{Email: "head@school.example", Name: "Head"}
		if err := s.CreateFirstAdmin(ctx, admin); err != nil {
			t.Fatal(err)
		}
		if !admin.IsAdmin || admin.ID == 0 {
			t.Errorf("created %+v, want an administrator with an ID", admin)
		}
		got, err := s.UserByID(ctx, admin.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !got.IsAdmin {
			t.Error("stored user is not an administrator")
		}

		second := &imhars.User{Email: "other@school.example", Name: "Other"}
		wantCode(t, s.CreateFirstAdmin(ctx, second), imhars.ECONFLICT)
		if second.ID != 0 || second.IsAdmin {
			t.Errorf("rejected user changed to %+v", second)
		}
	})
}

func TestCreateFirstAdminAfterAdmin(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		createUser(t, s, "ada")
		if n, err := s.CountAdmins(ctx); err != nil || n != 0 {
			t.Fatalf("CountAdmins = %d, %v; want 0 with only an ordinary user", n, err)
		}
		if err := s.CreateFirstAdmin(ctx, &imhars.User{Email: "b@school.example", Name: "B"}); err != nil {
			t.Fatalf("first administrator beside an ordinary user: %v", err)
		}
		err := s.CreateFirstAdmin(ctx, &imhars.User{Email: "c@school.example", Name: "C"})
		wantCode(t, err, imhars.ECONFLICT)
	})
}

func TestCreateFirstAdminConcurrent(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		const callers = 8
		errs := make([]error, callers)
		var wg sync.WaitGroup
		for i := range callers {
			wg.Go(func() {
				u := &imhars.User{Email: fmt.Sprintf("admin%d@school.example", i), Name: "Admin"}
				errs[i] = s.CreateFirstAdmin(context.Background(), u)
			})
		}
		wg.Wait()

		succeeded := 0
		for _, err := range errs {
			switch imhars.ErrorCode(err) {
			case "":
				succeeded++
			case imhars.ECONFLICT:
			default:
				t.Errorf("CreateFirstAdmin: %v", err)
			}
		}
		if succeeded != 1 {
			t.Errorf("%d calls succeeded, want 1", succeeded)
		}
		n, err := s.CountUsers(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("CountUsers = %d, want 1", n)
		}
	})
}
