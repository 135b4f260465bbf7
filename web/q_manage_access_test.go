package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// TestQuestionnaireLeadOnly checks that members and viewers may read a
// questionnaire but get 403 for every change, while the lead may make it.
func TestQuestionnaireLeadOnly(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	school := admin.createSchool("Roles Primary")
	audit := admin.startAudit(school, "2026/27")
	path := admin.createQuestionnaireAs(audit, imhars.AudienceStaff)
	people := map[string]*client{
		"member": app.join(admin.invite(school, "member"), "Mo Member"),
		"viewer": app.join(admin.invite(school, "viewer"), "Vi Viewer"),
	}
	csv := "email\nana@school.org.uk\n"

	changes := []struct {
		name string
		do   func(c *client) *response
	}{
		{"new form", func(c *client) *response { return c.get(audit + "/questionnaires/new") }},
		{"first step", func(c *client) *response {
			return c.post(audit+"/questionnaires/new", firstStep(imhars.AudienceStaff, ""))
		}},
		{"create", func(c *client) *response {
			form := firstStep(imhars.AudienceStaff, "")
			form.Set("practices", "ethos.respect")
			form.Set("text-ethos.respect", "Wording")
			return c.post(audit+"/questionnaires", form)
		}},
		{"settings form", func(c *client) *response { return c.get(path + "/settings") }},
		{"save settings", func(c *client) *response { return c.post(path+"/settings", firstStep(imhars.AudienceStaff, "Changed")) }},
		{"item form", func(c *client) *response { return c.get(path + "/items/i1") }},
		{"reword", func(c *client) *response { return c.post(path+"/items/i1", url.Values{"text": {"Changed"}}) }},
		{"retire", func(c *client) *response { return c.post(path+"/items/i1/retire", nil) }},
		{"add items form", func(c *client) *response { return c.get(path + "/items/new") }},
		{"add items", func(c *client) *response { return c.post(path+"/items", url.Values{"practices": {"ethos.respect"}}) }},
		{"open", func(c *client) *response { return c.post(path+"/open", nil) }},
		{"close", func(c *client) *response { return c.post(path+"/close", nil) }},
		{"recipients", func(c *client) *response { return c.get(path + "/recipients") }},
		{"preview staff list", func(c *client) *response { return c.postFile(path+"/recipients/preview", "file", "s.csv", csv) }},
		{"import staff list", func(c *client) *response {
			return c.postMultipart(path+"/recipients", url.Values{"content": {csv}})
		}},
	}
	for role, c := range people {
		c.get(audit)
		for _, ch := range changes {
			t.Run(role+" "+ch.name, func(t *testing.T) {
				if r := ch.do(c); r.status != http.StatusForbidden {
					t.Errorf("status %d, want 403", r.status)
				}
			})
		}
		t.Run(role+" reads", func(t *testing.T) {
			list := c.get(audit + "/questionnaires")
			wantStatus(t, list, http.StatusOK)
			if list.doc.Find(`a[href$="/questionnaires/new"]`).Length() != 0 {
				t.Error("create link shown to a non-lead")
			}
			page := c.get(path)
			wantStatus(t, page, http.StatusOK)
			if page.doc.Find(`a[href*="/items/"], a[href$="/settings"], #open`).Length() != 0 {
				t.Error("change controls shown to a non-lead")
			}
			wantStatus(t, c.get(path+"/links"), http.StatusOK)
		})
	}

	q := app.questionnaireIn(path)
	items, err := app.store.Items(t.Context(), q.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	if q.Title == "Changed" || q.Status != imhars.QuestionnaireDraft || len(items) != len(itemsOfFramework(t, app)) || items[0].Retired {
		t.Errorf("non-leads changed the questionnaire: %+v", q)
	}
	if n := app.countQuestionnaires(audit); n != 1 {
		t.Errorf("%d questionnaires, want only the lead's", n)
	}

	t.Run("lead changes", func(t *testing.T) {
		admin.get(path)
		for _, ch := range changes[:len(changes)-3] {
			if r := ch.do(admin); r.status >= 400 && r.status != http.StatusUnprocessableEntity {
				t.Errorf("%s: status %d, want success or a form error", ch.name, r.status)
			}
		}
		if !strings.Contains(admin.get(path).body, "Changed") {
			t.Error("the lead's rewording was not saved")
		}
	})
}

func itemsOfFramework(t *testing.T, app *testApp) []string {
	t.Helper()
	fw, err := app.store.LatestFramework(t.Context(), "imhars")
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, c := range fw.Components {
		for _, p := range c.Practices {
			keys = append(keys, p.Key)
		}
	}
	return keys
}
