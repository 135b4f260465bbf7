package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/imhars/imhars/demo"
	"github.com/imhars/imhars/framework"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/web"
	"github.com/imhars/imhars/web/static"
)

// Defaults of the flags that the demo's instructions repeat when they differ.
const (
	defaultAddr     = "127.0.0.1:8080"
	defaultDatabase = "imhars.db"
)

// config holds the settings read from flags and environment variables.
type config struct {
	addr          string
	database      string
	baseURL       string
	secureCookies bool
	remove        bool
}

const usageText = `imhars serves the iMHARS whole-school audit application.

Usage:
  imhars [flags]          serve the application
  imhars demo [flags]     load the sample school and print how to sign in
  imhars demo --remove    delete the sample school and its demo account
  imhars reset-password --email ADDRESS
                          give an account a new random password and print it

Flags (each can also be set by the environment variable in brackets):
`

// run parses args and runs the chosen command until ctx is cancelled.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "reset-password" {
		return resetPassword(ctx, args[1:], stdout, stderr)
	}
	command := "serve"
	if len(args) > 0 && (args[0] == "demo" || args[0] == "serve") {
		command, args = args[0], args[1:]
	}
	cfg, err := parseFlags(command, args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	} else if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	store, err := sqlstore.Open(ctx, cfg.database)
	if err != nil {
		return fmt.Errorf("open database %s: %w", sqlstore.Redact(cfg.database), err)
	}
	defer store.Close()
	if _, err := store.EnsureDefaultFramework(ctx, framework.Default(), framework.DefaultSource()); err != nil {
		return fmt.Errorf("load the default framework: %w", err)
	}
	if command == "demo" {
		if cfg.remove {
			return demo.Remove(ctx, store, stdout)
		}
		return demo.Load(ctx, store, stdout, demoInstructions(cfg))
	}
	return serve(ctx, cfg, store, logger)
}

func parseFlags(command string, args []string, stderr io.Writer) (config, error) {
	fs := flag.NewFlagSet("imhars "+command, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
	}
	var cfg config
	fs.StringVar(&cfg.addr, "addr", env("IMHARS_ADDR", defaultAddr),
		"`host:port` to listen on [IMHARS_ADDR]")
	fs.StringVar(&cfg.database, "database", env("IMHARS_DATABASE", defaultDatabase),
		"SQLite file, created on first start, or a postgres:// URL [IMHARS_DATABASE]")
	fs.StringVar(&cfg.baseURL, "base-url", env("IMHARS_BASE_URL", ""),
		"public `URL` of the site, used in invitation links; empty uses the request's host [IMHARS_BASE_URL]")
	secure, err := strconv.ParseBool(env("IMHARS_SECURE_COOKIES", "true"))
	if err != nil {
		return cfg, fmt.Errorf("IMHARS_SECURE_COOKIES must be true or false, not %q", os.Getenv("IMHARS_SECURE_COOKIES"))
	}
	fs.BoolVar(&cfg.secureCookies, "secure-cookies", secure,
		"mark cookies Secure; set false only to try the site over plain HTTP on a host other than localhost [IMHARS_SECURE_COOKIES]")
	if command == "demo" {
		fs.BoolVar(&cfg.remove, "remove", false, "delete the sample school and its demo account instead of loading them")
	}
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return cfg, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	return cfg, nil
}

func env(name, fallback string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return fallback
}

func serve(ctx context.Context, cfg config, store *sqlstore.Store, logger *slog.Logger) error {
	if !static.HasVendor() {
		logger.Warn("styles and scripts are missing from this build; run it with 'make run' or build with 'make build'")
	}
	srv, err := web.New(web.Config{Store: store, Logger: logger, SecureCookies: cfg.secureCookies, BaseURL: cfg.baseURL})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.addr, err)
	}
	httpServer := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	logger.Info("server started", slog.String("url", "http://"+ln.Addr().String()),
		slog.String("database", sqlstore.Redact(cfg.database)))
	errc := make(chan error, 1)
	go func() { errc <- httpServer.Serve(ln) }()
	go deleteExpired(ctx, store, logger)
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := httpServer.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	logger.Info("server stopped")
	return nil
}

// deleteExpired removes expired sessions and kept forms every hour until
// ctx is cancelled.
func deleteExpired(ctx context.Context, store *sqlstore.Store, logger *slog.Logger) {
	ticker := time.NewTicker(time.Hour)
	defer ticker.Stop()
	for {
		if err := store.DeleteExpired(ctx, time.Now()); err != nil && ctx.Err() == nil {
			logger.Error("delete expired sessions failed", slog.Any("error", err))
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}
