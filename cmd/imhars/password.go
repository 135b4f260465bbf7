package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/password"
	"github.com/imhars/imhars/sqlstore"
)

// resetPassword gives the account with --email a new random password,
// signs it out everywhere and prints the password once.
func resetPassword(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("imhars reset-password", flag.ContinueOnError)
	fs.SetOutput(stderr)
	email := fs.String("email", "", "email address of the account whose password to reset")
	database := fs.String("database", env("IMHARS_DATABASE", "imhars.db"), "SQLite file or postgres:// URL [IMHARS_DATABASE]")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if *email == "" {
		fs.Usage()
		return errors.New("missing --email: give the email address of the account")
	}
	store, err := sqlstore.Open(ctx, *database)
	if err != nil {
		return fmt.Errorf("open database %s: %w", sqlstore.Redact(*database), err)
	}
	defer store.Close()
	user, err := store.UserByEmail(ctx, *email)
	if errors.Is(err, imhars.ErrNotFound) {
		return fmt.Errorf("no account has the email address %s", imhars.NormaliseEmail(*email))
	} else if err != nil {
		return err
	}
	newPassword, err := password.Generate()
	if err != nil {
		return err
	}
	hash, err := password.Hash(newPassword)
	if err != nil {
		return err
	}
	if err := store.SetPassword(ctx, user.ID, hash); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "New password for %s: %s\nThey are signed out everywhere. Ask them to change it under Your account after signing in.\n", user.Email, newPassword)
	return nil
}
