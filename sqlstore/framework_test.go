package sqlstore_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/imhars/imhars"
	"github.com/imhars/imhars/framework"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

func TestSaveFramework(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		admin := createUser(t, s, "admin")
		src := frameworkSource("test", "1")
		f, err := framework.Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SaveFramework(ctx, f, src, &admin.ID); err != nil {
			t.Fatal(err)
		}
		if f.ID == 0 {
			t.Fatal("ID not set")
		}

		got, err := s.Framework(ctx, f.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(f, got); diff != "" {
			t.Errorf("Framework (-saved +got):\n%s", diff)
		}
		gotSrc, err := s.FrameworkSource(ctx, f.ID)
		if err != nil {
			t.Fatal(err)
		}
		if string(gotSrc) != string(src) {
			t.Errorf("FrameworkSource differs from the saved text:\n%s", gotSrc)
		}
	})
}

func TestSaveFrameworkErrors(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		saveFramework(t, s, "test", "1")
		src := frameworkSource("test", "1")
		f, err := framework.Parse(src)
		if err != nil {
			t.Fatal(err)
		}

		wantCode(t, s.SaveFramework(ctx, f, src, nil), imhars.ECONFLICT)
		other := frameworkSource("test", "2")
		if err := s.SaveFramework(ctx, f, other, nil); err == nil {
			t.Error("saving a framework with another version's source succeeded")
		}
		if err := s.SaveFramework(ctx, f, []byte("slug: [broken"), nil); err == nil {
			t.Error("saving a framework with invalid source succeeded")
		}
		if f.ID != 0 {
			t.Errorf("rejected framework got ID %d", f.ID)
		}
	})
}

func TestFrameworkNotFound(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		_, err := s.Framework(ctx, 7)
		wantNotFound(t, err)
		_, err = s.FrameworkSource(ctx, 7)
		wantNotFound(t, err)
		_, err = s.LatestFramework(ctx, "test")
		wantNotFound(t, err)
	})
}

func TestFrameworkCache(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		id := saveFramework(t, s, "test", "1").ID
		first, err := s.Framework(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		second, err := s.Framework(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if first != second {
			t.Error("second load parsed the framework again")
		}

		list, err := s.Frameworks(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 1 || &list[0].Components[0] != &first.Components[0] {
			t.Errorf("Frameworks = %+v, want the cached framework", list)
		}
	})
}

func TestFrameworkParsedFromDatabase(t *testing.T) {
	ctx := context.Background()
	dsn := sqlstoretest.SQLiteDSN(t)
	s1, err := sqlstore.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s1.Close()
	saved := saveFramework(t, s1, "test", "1")

	s2, err := sqlstore.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got, err := s2.Framework(ctx, saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(saved, got); diff != "" {
		t.Errorf("Framework from a new store (-saved +got):\n%s", diff)
	}
}

func TestFrameworks(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		saveFramework(t, s, "zeta", "1")
		saveFramework(t, s, "alpha", "2")
		saveFramework(t, s, "alpha", "1")

		list, err := s.Frameworks(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range list {
			got = append(got, f.Slug+" "+f.Version)
		}
		want := []string{"alpha 2", "alpha 1", "zeta 1"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Frameworks (-want +got):\n%s", diff)
		}
	})
}

func TestLatestFramework(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		saveFramework(t, s, "test", "2")
		latest := saveFramework(t, s, "test", "1")
		saveFramework(t, s, "other", "3")

		got, err := s.LatestFramework(ctx, "test")
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != latest.ID {
			t.Errorf("LatestFramework = %s %s, want the last imported, %s", got.Slug, got.Version, latest.Version)
		}
	})
}

func TestEnsureDefaultFramework(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		src := framework.DefaultSource()
		first, err := s.EnsureDefaultFramework(ctx, framework.Default(), src)
		if err != nil {
			t.Fatal(err)
		}
		if first.ID == 0 || first.Slug != "imhars" {
			t.Errorf("EnsureDefaultFramework stored %s with ID %d", first.Slug, first.ID)
		}

		second, err := s.EnsureDefaultFramework(ctx, framework.Default(), src)
		if err != nil {
			t.Fatal(err)
		}
		if second.ID != first.ID {
			t.Errorf("second call returned ID %d, want %d", second.ID, first.ID)
		}
		list, err := s.Frameworks(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 1 {
			t.Errorf("%d frameworks stored, want 1", len(list))
		}
	})
}
