package web

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/imhars/imhars/framework"
	"github.com/imhars/imhars/sqlstore"
)

// testApp is a server on a real store, with a clock tests can move.
type testApp struct {
	t      *testing.T
	store  *sqlstore.Store
	server *Server
	http   *httptest.Server
	now    time.Time
}

func newTestApp(t *testing.T, store *sqlstore.Store) *testApp {
	t.Helper()
	if _, err := store.EnsureDefaultFramework(t.Context(), framework.Default(), framework.DefaultSource()); err != nil {
		t.Fatal(err)
	}
	app := &testApp{t: t, store: store, now: time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)}
	srv, err := New(Config{
		Store:         store,
		Logger:        slog.New(slog.NewTextHandler(io.Discard, nil)),
		SecureCookies: true,
		Now:           func() time.Time { return app.now },
	})
	if err != nil {
		t.Fatal(err)
	}
	app.server = srv
	app.http = httptest.NewServer(srv)
	t.Cleanup(app.http.Close)
	return app
}

// client is one browser: it keeps its cookies, whatever their Secure flag,
// and the CSRF token of the last page it loaded.
type client struct {
	app     *testApp
	cookies map[string]string
	csrf    string
}

func (app *testApp) client() *client {
	return &client{app: app, cookies: map[string]string{}}
}

// response is a page as the test sees it.
type response struct {
	status   int
	location string
	header   http.Header
	body     string
	doc      *goquery.Document
}

func (c *client) do(method, path string, body io.Reader, contentType string) *response {
	t := c.app.t
	t.Helper()
	req, err := http.NewRequest(method, c.app.http.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for name, value := range c.cookies {
		req.AddCookie(&http.Cookie{Name: name, Value: value})
	}
	httpClient := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := httpClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	for _, ck := range res.Cookies() {
		if ck.MaxAge < 0 || ck.Value == "" {
			delete(c.cookies, ck.Name)
		} else {
			c.cookies[ck.Name] = ck.Value
		}
	}
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	r := &response{status: res.StatusCode, location: res.Header.Get("Location"), header: res.Header, body: string(raw)}
	if strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		r.doc, err = goquery.NewDocumentFromReader(strings.NewReader(r.body))
		if err != nil {
			t.Fatal(err)
		}
		if token, ok := r.doc.Find(`input[name="csrf_token"]`).Attr("value"); ok && token != "" {
			c.csrf = token
		}
	}
	return r
}

// get loads path without following redirects.
func (c *client) get(path string) *response {
	c.app.t.Helper()
	return c.do(http.MethodGet, path, nil, "")
}

// follow loads path and follows redirects, as a browser does.
func (c *client) follow(r *response) *response {
	c.app.t.Helper()
	for i := 0; i < 5 && r.location != ""; i++ {
		r = c.get(r.location)
	}
	return r
}

// post submits a form with the client's CSRF token added.
func (c *client) post(path string, form url.Values) *response {
	c.app.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if form.Get("csrf_token") == "" && c.csrf != "" {
		form.Set("csrf_token", c.csrf)
	}
	return c.do(http.MethodPost, path, strings.NewReader(form.Encode()), "application/x-www-form-urlencoded")
}

// text returns the trimmed text of the first element matching selector.
func (r *response) text(selector string) string {
	if r.doc == nil {
		return ""
	}
	return strings.TrimSpace(r.doc.Find(selector).First().Text())
}

// value returns the value attribute of the first matching element.
func (r *response) value(selector string) string {
	if r.doc == nil {
		return ""
	}
	v, _ := r.doc.Find(selector).First().Attr("value")
	return v
}

func wantStatus(t *testing.T, r *response, want int) {
	t.Helper()
	if r.status != want {
		t.Fatalf("status = %d, want %d; body:\n%s", r.status, want, truncate(r.body, 1500))
	}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
