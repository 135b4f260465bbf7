package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/imhars/imhars/demo"
	"github.com/imhars/imhars/password"
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
	args := []string{"demo", "--addr", "127.0.0.1:9000", "--database", db}
	var out bytes.Buffer
	if err := run(ctx, args, &out, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		demo.Email,
		"password:",
		"Start the server (imhars --addr 127.0.0.1:9000 --database " + db + ")",
		"sign in at http://127.0.0.1:9000/sign-in with",
		"Remove it with: imhars demo --remove --database " + db + "\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("demo output lacks %q:\n%s", want, out.String())
		}
	}
	// Loading twice replaces the sample rather than adding a second one.
	if err := run(ctx, args, &out, &out); err != nil {
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

	removeArgs := []string{"demo", "--remove", "--database", db}
	for _, want := range []string{
		"Removed the sample school and the demo account.\n",
		"There was no sample data to remove.\n",
	} {
		out.Reset()
		if err := run(ctx, removeArgs, &out, &out); err != nil {
			t.Fatal(err)
		}
		if got := out.String(); got != want {
			t.Errorf("demo --remove printed %q, want %q", got, want)
		}
	}
	store, _ = sqlstore.Open(ctx, db)
	defer store.Close()
	if _, err := store.UserByEmail(ctx, demo.Email); err == nil {
		t.Error("the demo account is still there after --remove")
	}
}

func TestDemoInstructions(t *testing.T) {
	tests := []struct {
		name     string
		addr     string
		database string
		want     demo.Instructions
	}{
		{"defaults", defaultAddr, defaultDatabase, demo.Instructions{
			ServeCommand:  "make run, or imhars",
			SignInURL:     "http://127.0.0.1:8080/sign-in",
			RemoveCommand: "imhars demo --remove",
		}},
		{"other address", "127.0.0.1:9000", defaultDatabase, demo.Instructions{
			ServeCommand:  "imhars --addr 127.0.0.1:9000",
			SignInURL:     "http://127.0.0.1:9000/sign-in",
			RemoveCommand: "imhars demo --remove",
		}},
		{"every interface", ":8081", defaultDatabase, demo.Instructions{
			ServeCommand:  "imhars --addr :8081",
			SignInURL:     "http://localhost:8081/sign-in",
			RemoveCommand: "imhars demo --remove",
		}},
		{"every IPv6 interface", "[::]:8081", defaultDatabase, demo.Instructions{
			ServeCommand:  "imhars --addr '[::]:8081'",
			SignInURL:     "http://localhost:8081/sign-in",
			RemoveCommand: "imhars demo --remove",
		}},
		{"database path with a space", defaultAddr, "my data/demo.db", demo.Instructions{
			ServeCommand:  "imhars --database 'my data/demo.db'",
			SignInURL:     "http://127.0.0.1:8080/sign-in",
			RemoveCommand: "imhars demo --remove --database 'my data/demo.db'",
		}},
		{"PostgreSQL password hidden", defaultAddr, "postgres://app:secret@db.example/imhars?sslmode=disable",
			demo.Instructions{
				ServeCommand:  "imhars --database 'postgres://app:xxxxx@db.example/imhars?sslmode=disable'",
				SignInURL:     "http://127.0.0.1:8080/sign-in",
				RemoveCommand: "imhars demo --remove --database 'postgres://app:xxxxx@db.example/imhars?sslmode=disable'",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := demoInstructions(config{addr: tt.addr, database: tt.database})
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("demoInstructions (-want +got):\n%s", diff)
			}
		})
	}
}

func TestResetPassword(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "reset.db")
	var out bytes.Buffer
	if err := run(ctx, []string{"demo", "--database", db}, &out, &out); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	err := run(ctx, []string{"reset-password", "--database", db, "--email", "nobody@example.org"}, &out, &out)
	if err == nil || !strings.Contains(err.Error(), "no account has the email address nobody@example.org") {
		t.Errorf("unknown email: error = %v", err)
	}
	out.Reset()
	if err := run(ctx, []string{"reset-password", "--database", db, "--email", demo.Email}, &out, &out); err != nil {
		t.Fatal(err)
	}
	line := out.String()
	prefix := "New password for " + demo.Email + ": "
	if !strings.HasPrefix(line, prefix) {
		t.Fatalf("output %q does not give the new password", line)
	}
	newPassword := strings.Fields(strings.TrimPrefix(line, prefix))[0]
	store, err := sqlstore.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	user, err := store.UserByEmail(ctx, demo.Email)
	if err != nil {
		t.Fatal(err)
	}
	if ok, _ := password.Check(user.PasswordHash, newPassword); !ok {
		t.Error("the printed password does not sign in")
	}
}
