package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/imhars/imhars/demo"
	"github.com/imhars/imhars/sqlstore"
)

func TestHelpListsEveryFlag(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"--help"}, &out, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"-addr", "IMHARS_ADDR", "-database", "IMHARS_DATABASE", "postgres://",
		"-base-url", "IMHARS_BASE_URL", "-secure-cookies", "IMHARS_SECURE_COOKIES", "imhars demo"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("help does not mention %q", want)
		}
	}
}

func TestUnknownArgumentRejected(t *testing.T) {
	var out bytes.Buffer
	err := run(context.Background(), []string{"--database", filepath.Join(t.TempDir(), "x.db"), "extra"}, &out, &out)
	if err == nil || !strings.Contains(err.Error(), `unexpected argument "extra"`) {
		t.Errorf("error = %v, want it to name the extra argument", err)
	}
}

func TestDemoLoadsAndRemovesSample(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "demo.db")
	var out bytes.Buffer
	if err := run(ctx, []string{"demo", "--database", db}, &out, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{demo.Email, "password:", "imhars demo --remove"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("demo output lacks %q:\n%s", want, out.String())
		}
	}
	// Loading twice replaces the sample rather than adding a second one.
	if err := run(ctx, []string{"demo", "--database", db}, &out, &out); err != nil {
		t.Fatal(err)
	}
	store, err := sqlstore.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	user, err := store.UserByEmail(ctx, demo.Email)
	if err != nil {
		t.Fatal(err)
	}
	schools, err := store.SchoolsForUser(ctx, user)
	if err != nil {
		t.Fatal(err)
	}
	if len(schools) != 1 || !schools[0].School.IsSample {
		t.Fatalf("demo user sees %d schools, want one sample school", len(schools))
	}
	audits, _ := store.Audits(ctx, schools[0].School.ID)
	if len(audits) != 2 {
		t.Errorf("sample school has %d audits, want 2", len(audits))
	}
	if n, _ := store.CountAdmins(ctx); n != 0 {
		t.Errorf("the demo created %d administrators; setup must still be offered", n)
	}
	store.Close()

	out.Reset()
	if err := run(ctx, []string{"demo", "--remove", "--database", db}, &out, &out); err != nil {
		t.Fatal(err)
	}
	store, _ = sqlstore.Open(ctx, db)
	defer store.Close()
	if _, err := store.UserByEmail(ctx, demo.Email); err == nil {
		t.Error("the demo account is still there after --remove")
	}
}
