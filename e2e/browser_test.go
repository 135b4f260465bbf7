package e2e

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/framework"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
	"github.com/imhars/imhars/web"
)

// Environment variables that switch the browser tests on, or make their
// absence a failure, as in CI.
const (
	envChromium    = "IMHARS_CHROMIUM"
	envRequireFull = "IMHARS_REQUIRE_FULL"
)

const (
	// testTimeout bounds a whole test, browser start included, so that a
	// browser that hangs fails the test instead of holding CI.
	testTimeout = 3 * time.Minute
	// stepTimeout bounds one browser action, such as waiting for an
	// element that never appears. It reports which step hung sooner than
	// testTimeout would, and is not a speed check.
	stepTimeout = 30 * time.Second
)

// testNow is the server's clock in every test. Its academic year, 2026/27,
// is the one the "Start an audit" form suggests.
var testNow = time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)

// session is one test's application server and browser tab.
type session struct {
	t         *testing.T
	ctx       context.Context // the tab, which closes when the test ends
	baseURL   string          // such as "http://127.0.0.1:41234"
	store     *sqlstore.Store
	framework *imhars.Framework
	axeSource string
	// shots holds a full-page screenshot of each page checked, in order,
	// shared by the session's copies for subtests. They are written to disk
	// only when the test fails.
	shots *[]screenshot
}

type screenshot struct {
	name string
	png  []byte
}

// newSession serves the application from a fresh SQLite store and opens a
// tab in a new headless Chromium. It skips the test when IMHARS_CHROMIUM
// is unset, unless IMHARS_REQUIRE_FULL is 1.
func newSession(t *testing.T) *session {
	t.Helper()
	chromium := chromiumPath(t)
	s := &session{t: t, axeSource: readAxeSource(t), shots: new([]screenshot)}
	s.startServer()
	s.startBrowser(chromium)
	return s
}

func chromiumPath(t *testing.T) string {
	t.Helper()
	path := os.Getenv(envChromium)
	if path != "" {
		return path
	}
	const msg = "browser tests skipped: set " + envChromium + " to a Chromium binary to run them"
	if os.Getenv(envRequireFull) == "1" {
		t.Fatal(msg + " (" + envRequireFull + "=1 makes this a failure)")
	}
	t.Skip(msg)
	return ""
}

func (s *session) startServer() {
	t := s.t
	t.Helper()
	s.store = sqlstoretest.OpenSQLite(t)
	f, err := s.store.EnsureDefaultFramework(t.Context(), framework.Default(), framework.DefaultSource())
	if err != nil {
		t.Fatalf("store the default framework: %v", err)
	}
	s.framework = f

	srv, err := web.New(web.Config{
		Store:         s.store,
		Logger:        slog.New(slog.NewTextHandler(io.Discard, nil)),
		SecureCookies: true, // Chromium keeps Secure cookies from http://127.0.0.1
		Now:           func() time.Time { return testNow },
	})
	if err != nil {
		t.Fatalf("build the server: %v", err)
	}
	// httptest listens on 127.0.0.1, or on [::1] where IPv4 is missing.
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	s.baseURL = ts.URL
}

// browserFlags keep Chromium headless, runnable as root in a container, and
// quiet on the network: no background requests, updates, sync or QUIC, and
// no host name resolves except the loopback addresses the tests use. Some
// repeat chromedp's defaults, so that the list shows every flag the tests
// rely on.
func browserFlags(chromium, profile string) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.UserDataDir(profile),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"),
		chromedp.WindowSize(1280, 900),
	)
}

func (s *session) startBrowser(chromium string) {
	t := s.t
	t.Helper()
	timeout, cancelTimeout := context.WithTimeout(context.Background(), testTimeout)
	alloc, cancelAlloc := chromedp.NewExecAllocator(timeout, browserFlags(chromium, t.TempDir())...)
	tab, cancelTab := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc() // waits for the browser to exit
		cancelTimeout()
	})
	// The first action starts the browser with the context it is given, so
	// it runs on the tab itself and not on a step's shorter context.
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("start Chromium from %s: %v", chromium, err)
	}
	s.ctx = tab
	t.Cleanup(s.saveScreenshotsOnFailure)
}

// on returns a copy of the session that reports to t, for a subtest that
// goes on in the same browser tab.
func (s *session) on(t *testing.T) *session {
	c := *s
	c.t = t
	return &c
}

// run runs one action on the tab and returns its value. It ends the test
// when the action fails, naming the step.
func run[T any](s *session, step string, action chromedp.Action[T]) T {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, action)
	if err != nil {
		s.t.Fatalf("%s: %v", step, err)
	}
	return v
}

// do runs actions that return nothing, in order.
func (s *session) do(step string, actions ...chromedp.Action[chromedp.Void]) {
	s.t.Helper()
	run(s, step, chromedp.Steps(actions...))
}

// open loads path, following redirects, and checks the page it lands on.
func (s *session) open(path string) {
	s.t.Helper()
	res := run(s, "open "+path, chromedp.NavigateResponse(s.baseURL+path))
	s.landed(path, res.Status, res.URL)
}

// follow runs actions that load a new page, such as a click on a link or a
// submit button, waits for that page and checks it.
func (s *session) follow(step string, actions ...chromedp.Action[chromedp.Void]) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, stepTimeout)
	defer cancel()
	res, err := chromedp.RunResponse(ctx, actions...)
	if err != nil {
		s.t.Fatalf("%s: %v", step, err)
	}
	s.landed(step, res.Status, res.URL)
}

func (s *session) landed(step string, status int64, pageURL string) {
	s.t.Helper()
	path := pageURL
	if u, err := url.Parse(pageURL); err == nil {
		path = u.Path
	}
	if status != 200 {
		s.saveShot(path)
		s.t.Fatalf("%s: landed on %s with status %d, want 200", step, path, status)
	}
	s.checkPage(path)
}

// checkPage runs axe-core on the page and keeps a screenshot of it. The
// path names the page in messages.
func (s *session) checkPage(path string) {
	s.t.Helper()
	s.saveShot(path)
	for _, v := range seriousViolations(s.runAxe()) {
		s.t.Errorf("accessibility violation on %s: %s", path, v)
	}
}

func (s *session) saveShot(name string) {
	s.t.Helper()
	png := run(s, "take a screenshot", chromedp.FullScreenshot(100))
	*s.shots = append(*s.shots, screenshot{name: name, png: png})
}

var unsafeFileChars = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// fileName turns a page path or test name into a file name, such as
// "schools_1_audits_1_report" for "/schools/1/audits/1/report".
func fileName(s string) string {
	name := strings.Trim(unsafeFileChars.ReplaceAllString(s, "_"), "_")
	if name == "" {
		return "home"
	}
	return name
}

// saveScreenshotsOnFailure writes the screenshots of a failed test, and one
// of the page at the moment of failure, to a new folder in the system's
// temporary directory. The folder outlives the test, so that a developer
// or CI can look at it, and it is never inside the repository.
func (s *session) saveScreenshotsOnFailure() {
	t := s.t
	if !t.Failed() {
		return
	}
	ctx, cancel := context.WithTimeout(s.ctx, stepTimeout)
	defer cancel()
	if png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)); err == nil {
		*s.shots = append(*s.shots, screenshot{name: "at-failure", png: png})
	}
	if len(*s.shots) == 0 {
		return
	}
	dir, err := os.MkdirTemp("", "imhars-e2e-"+fileName(t.Name())+"-")
	if err != nil {
		t.Logf("keep screenshots: %v", err)
		return
	}
	for i, shot := range *s.shots {
		name := fmt.Sprintf("%02d-%s.png", i+1, fileName(shot.name))
		if err := os.WriteFile(filepath.Join(dir, name), shot.png, 0o644); err != nil {
			t.Logf("keep screenshot: %v", err)
			return
		}
	}
	t.Logf("screenshots of the pages visited are in %s", dir)
}
