package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

func TestDeleteAudit(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		admin := app.setUpAdmin()
		school := admin.createSchool("Delete Primary")
		lead := app.join(admin.invite(school, "lead"), "Lee Lead")
		audit := lead.startAudit(school, "2026/27")
		otherAudit := lead.startAudit(school, "2025/26")
		q := app.openQuestionnaire(audit, imhars.AudienceStaff, true, "ethos.respect")
		app.respond(q, map[string]int{"i1": 3}, imhars.Comment{ComponentKey: "ethos", Text: exportRiskComment,
			Flagged: true, Phrase: "scared to go home"})

		if href, _ := lead.get(audit).doc.Find("#delete-audit").Attr("href"); href != audit+"/delete" {
			t.Errorf("delete link on the audit page = %q, want %q", href, audit+"/delete")
		}
		page := lead.get(audit + "/delete")
		wantStatus(t, page, http.StatusOK)
		if got, want := page.text("h1"), "Delete the audit for 2026/27"; got != want {
			t.Errorf("heading = %q, want %q", got, want)
		}
		mustContain(t, page.text("#deleted-contents"), "its 1 questionnaire")
		mustContain(t, page.text("#deleted-contents"), "the 1 response to those questionnaires")

		r := lead.post(audit+"/delete", nil)
		wantStatus(t, r, http.StatusSeeOther)
		if r.location != school {
			t.Errorf("redirect to %q, want the school page %q", r.location, school)
		}
		banner := lead.follow(r).text(".govuk-notification-banner__heading")
		if want := "The audit for 2026/27 has been deleted, with its 1 questionnaire and 1 response."; banner != want {
			t.Errorf("banner = %q, want %q", banner, want)
		}

		wantStatus(t, lead.get(audit), http.StatusNotFound)
		wantStatus(t, lead.get(otherAudit), http.StatusOK)
		_, err := app.store.Questionnaire(t.Context(), schoolIDOf(t, school), q.ID)
		if !errors.Is(err, imhars.ErrNotFound) {
			t.Errorf("questionnaire of the deleted audit: error %v, want not found", err)
		}
		flags, err := app.store.FlaggedComments(t.Context(), schoolIDOf(t, school))
		if err != nil {
			t.Fatal(err)
		}
		if len(flags) != 0 {
			t.Errorf("%d flagged comments left after deleting their audit", len(flags))
		}

		events, err := app.store.Events(t.Context(), schoolIDOf(t, school))
		if err != nil {
			t.Fatal(err)
		}
		want := []imhars.Event{{UserName: "Lee Lead", Action: "delete.audit",
			Detail: fmt.Sprintf("Audit 2026/27 (id %d) with 1 questionnaire and 1 response", auditIDOf(t, audit))}}
		if diff := cmp.Diff(want, events, cmpopts.IgnoreFields(imhars.Event{}, "At", "UserID", "SchoolID")); diff != "" {
			t.Errorf("events (-want +got):\n%s", diff)
		}
	})
}

// TestDeleteSchool deletes a school as a site administrator who is not one
// of its members, after attempts whose typed name does not match.
func TestDeleteSchool(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, store *sqlstore.Store) {
		app := newTestApp(t, store)
		admin := app.setUpAdmin()
		school := admin.createSchool("Highbury Primary")
		schoolID := schoolIDOf(t, school)
		lead := app.join(admin.invite(school, "lead"), "Lee Lead")
		audit := lead.startAudit(school, "2026/27")
		q := app.openQuestionnaire(audit, imhars.AudienceStaff, false, "ethos.respect")
		app.respond(q, map[string]int{"i1": 3})
		adminUser, err := app.store.UserByEmail(t.Context(), "ada@example.org")
		if err != nil {
			t.Fatal(err)
		}
		if err := app.store.RemoveMember(t.Context(), schoolID, adminUser.ID); err != nil {
			t.Fatal(err)
		}

		page := admin.get(school + "/delete")
		wantStatus(t, page, http.StatusOK)
		mustContain(t, page.text("#deleted-contents"), "1 audit (2026/27)")

		for _, typed := range []string{"", "highbury primary", "Highbury", "Highbury Primary School"} {
			t.Run(fmt.Sprintf("typed %q", typed), func(t *testing.T) {
				r := admin.post(school+"/delete", url.Values{"name": {typed}})
				wantStatus(t, r, http.StatusUnprocessableEntity)
				mustContain(t, r.text("#name-error"), "does not match")
				if got := r.value("#name"); got != typed {
					t.Errorf("name field = %q, want what was typed, %q", got, typed)
				}
				wantStatus(t, lead.get(school), http.StatusOK)
			})
		}

		r := admin.post(school+"/delete", url.Values{"name": {" Highbury Primary "}})
		wantStatus(t, r, http.StatusSeeOther)
		if r.location != "/" {
			t.Errorf("redirect to %q, want /", r.location)
		}
		banner := admin.follow(r).text(".govuk-notification-banner__heading")
		if want := "Highbury Primary has been deleted, with all its audits, questionnaires and responses."; banner != want {
			t.Errorf("banner = %q, want %q", banner, want)
		}

		wantStatus(t, admin.get(school), http.StatusNotFound)
		wantStatus(t, lead.get(school), http.StatusNotFound)
		if _, err := app.store.QuestionnaireByLink(t.Context(), q.LinkID); !errors.Is(err, imhars.ErrNotFound) {
			t.Errorf("questionnaire of the deleted school: error %v, want not found", err)
		}
		if _, err := app.store.UserByEmail(t.Context(), "lee.lead@example.org"); err != nil {
			t.Errorf("lead's account after deleting the school: %v", err)
		}

		events, err := app.store.EventsWithoutSchool(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		want := []imhars.Event{{UserID: adminUser.ID, UserName: "Ada Admin", Action: "delete.school",
			Detail: fmt.Sprintf("School Highbury Primary (id %d) with 1 audit, 1 questionnaire and 1 response", schoolID)}}
		if diff := cmp.Diff(want, events, cmpopts.IgnoreFields(imhars.Event{}, "At")); diff != "" {
			t.Errorf("events without a school (-want +got):\n%s", diff)
		}
	})
}
