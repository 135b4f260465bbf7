package web

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

func TestExportWithholdsSmallGroups(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		lead := app.setUpAdmin()
		school := lead.createSchool("Withheld Primary")
		audit := lead.startAudit(school, "2026/27")

		// Staff are too few to export, parents too few for comments,
		// governors were sent personal links and are still answering, and
		// pupils have not responded.
		staff := app.openQuestionnaire(audit, imhars.AudienceStaff, true, "ethos.respect")
		for range 2 {
			app.respond(staff, map[string]int{"i1": 1}, imhars.Comment{ComponentKey: "ethos", Text: "Walrus comment"})
		}
		closeQuestionnaire(t, app, staff)
		parents := app.openQuestionnaire(audit, imhars.AudienceParents, true, "ethos.respect")
		for range 6 {
			app.respond(parents, map[string]int{"i1": 4}, imhars.Comment{ComponentKey: "ethos", Text: "Narwhal comment"})
		}
		closeQuestionnaire(t, app, parents)
		governors := app.openQuestionnaire(audit, imhars.AudienceGovernors, true, "ethos.respect")
		recipients := []imhars.Recipient{{Email: "gil@example.org", Name: "Gil", TokenHash: "gil-token-hash"}}
		if _, err := store.AddRecipients(t.Context(), governors.ID, recipients); err != nil {
			t.Fatal(err)
		}
		for range 12 {
			app.respond(governors, map[string]int{"i1": 2}, imhars.Comment{ComponentKey: "ethos", Text: "Osprey comment"})
		}
		pupils := app.openQuestionnaire(audit, imhars.AudiencePupils8to11, false, "ethos.respect")
		closeQuestionnaire(t, app, pupils)

		r := lead.get(school + "/export.zip")
		wantStatus(t, r, http.StatusOK)
		files := readZIP(t, r.body)
		var got exportResponsesFile
		decodeFile(t, files, "responses.json", &got)

		t.Run("withheld list", func(t *testing.T) {
			type withheld struct {
				ID      int64
				LeftOut string
				Reason  string
			}
			var list []withheld
			for _, w := range got.Withheld {
				list = append(list, withheld{w.QuestionnaireID, w.LeftOut, w.Reason})
			}
			want := []withheld{
				{staff.ID, "responses", "Fewer than 5 people responded, so someone who knows the group could " +
					"work out who gave which answers."},
				{parents.ID, "comments", "Fewer than 10 people responded, the minimum for comments, so the " +
					"comments are left out and the answers kept."},
				{governors.ID, "responses", "The questionnaire is still open and some people were sent " +
					"personal links, so responses could be matched to them while they answer. They are " +
					"included once it closes."},
			}
			sort := cmpopts.SortSlices(func(a, b withheld) bool { return a.ID < b.ID })
			if diff := cmp.Diff(want, list, sort); diff != "" {
				t.Errorf("withheld (-want +got):\n%s", diff)
			}
		})

		t.Run("responses", func(t *testing.T) {
			if len(got.Responses) != 6 {
				t.Errorf("responses.json has %d responses, want the 6 of parents", len(got.Responses))
			}
			for _, resp := range got.Responses {
				if resp.QuestionnaireID != parents.ID {
					t.Errorf("response %s is of questionnaire %d, want parents' %d", resp.ID, resp.QuestionnaireID, parents.ID)
				}
				if len(resp.Comments) != 0 {
					t.Errorf("response %s has comments %+v, want none", resp.ID, resp.Comments)
				}
			}
			for name, data := range files {
				for _, leak := range []string{"Walrus", "Narwhal", "Osprey"} {
					if bytes.Contains(data, []byte(leak)) {
						t.Errorf("%s contains %q", name, leak)
					}
				}
			}
		})

		t.Run("readme", func(t *testing.T) {
			readme := strings.Join(strings.Fields(string(files["README.txt"])), " ")
			for _, want := range []string{
				"It leaves out the responses to a questionnaire with fewer respondents than min_group",
				"the comments in responses to one with fewer than min_comments",
				"responses to a questionnaire that sent personal links until that questionnaire closes",
				`"withheld" in responses.json lists each questionnaire`,
			} {
				if !strings.Contains(readme, want) {
					t.Errorf("README.txt does not contain %q", want)
				}
			}
		})
	})
}
