package web

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// TestOtherSchoolGets404 walks every route that takes a school or audit id
// and checks that a lead of another school gets 404, by GET and by POST
// with a valid CSRF token, and that the owner does not.
func TestOtherSchoolGets404(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		admin := app.setUpAdmin()
		schoolA := admin.createSchool("School A")
		auditA := admin.startAudit(schoolA, "2026/27")
		schoolB := admin.createSchool("School B")
		outsider := app.join(admin.invite(schoolB, "lead"), "Bea Lead")
		outsider.get(schoolB)

		values := map[string]string{
			"school": strconv.FormatInt(schoolIDOf(t, schoolA), 10), "audit": lastID(auditA),
			"component": "ethos", "practice": "ethos.respect", "invitation": "1", "user": "1",
			"questionnaire": "1", "item": "i1",
		}
		walked := 0
		for _, pattern := range app.server.patterns {
			method, path, _ := strings.Cut(pattern, " ")
			if !strings.Contains(path, "{school}") {
				continue
			}
			walked++
			url := fillPattern(path, values)
			var r *response
			if method == http.MethodPost {
				r = outsider.post(url, nil)
			} else {
				r = outsider.get(url)
			}
			if r.status != http.StatusNotFound {
				t.Errorf("%s %s as another school's lead: status %d, want 404", method, url, r.status)
			}
		}
		if walked < 20 {
			t.Errorf("walked %d school routes, want every one (at least 20)", walked)
		}
		for _, path := range []string{schoolA, auditA, auditA + "/report", auditA + "/report.pdf", auditA + "/practices/ethos.respect"} {
			if r := admin.get(path); r.status != http.StatusOK {
				t.Errorf("GET %s as the school's lead: status %d, want 200", path, r.status)
			}
		}
	})
}

func fillPattern(path string, values map[string]string) string {
	for name, v := range values {
		path = strings.ReplaceAll(path, "{"+name+"}", v)
	}
	return path
}

func lastID(path string) string {
	return path[strings.LastIndex(path, "/")+1:]
}

func schoolIDOf(t *testing.T, path string) int64 {
	t.Helper()
	m := idPattern.FindStringSubmatch(path)
	if m == nil {
		t.Fatalf("%q has no school id", path)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}
