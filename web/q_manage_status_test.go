package web

import (
	"net/http"
	"strings"
	"testing"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

func TestStateOn(t *testing.T) {
	opens := imhars.Date{Year: 2027, Month: 3, Day: 3}
	closes := imhars.Date{Year: 2027, Month: 4, Day: 1}
	tests := []struct {
		name   string
		status imhars.QuestionnaireStatus
		today  imhars.Date
		want   questionnaireState
	}{
		{"draft", imhars.QuestionnaireDraft, opens,
			questionnaireState{Label: "Draft", Class: "govuk-tag--yellow"}},
		{"open before its dates", imhars.QuestionnaireOpen, imhars.Date{Year: 2027, Month: 3, Day: 2},
			questionnaireState{Label: "Open, not accepting answers until 3 March 2027", Class: "govuk-tag--blue"}},
		{"open on its first day", imhars.QuestionnaireOpen, opens,
			questionnaireState{Label: "Open", Class: "govuk-tag--green", Accepting: true}},
		{"open on its last day", imhars.QuestionnaireOpen, closes,
			questionnaireState{Label: "Open", Class: "govuk-tag--green", Accepting: true}},
		{"open after its dates", imhars.QuestionnaireOpen, imhars.Date{Year: 2027, Month: 4, Day: 2},
			questionnaireState{Label: "Closed on 1 April 2027", Class: "govuk-tag--grey"}},
		{"closed by the lead", imhars.QuestionnaireClosed, opens,
			questionnaireState{Label: "Closed", Class: "govuk-tag--grey"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := &imhars.Questionnaire{Status: tt.status, OpensOn: opens, ClosesOn: closes}
			if got := stateOn(q, tt.today); got != tt.want {
				t.Errorf("stateOn(%s) = %+v, want %+v", tt.today, got, tt.want)
			}
		})
	}
}

func TestQuestionnaireStatusShown(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	audit := admin.startAudit(admin.createSchool("Status Primary"), "2026/27")
	path := admin.createQuestionnaireAs(audit, imhars.AudienceStaff)

	// The test clock reads 2 November 2026.
	tests := []struct {
		name      string
		opens     imhars.Date
		closes    imhars.Date
		want      string
		wantAlert bool // whether the links page warns that no answers are taken
	}{
		{"open today", imhars.Date{Year: 2026, Month: 11, Day: 2}, imhars.Date{Year: 2026, Month: 11, Day: 20},
			"Open", false},
		{"opens later", imhars.Date{Year: 2027, Month: 3, Day: 3}, imhars.Date{Year: 2027, Month: 4, Day: 1},
			"Open, not accepting answers until 3 March 2027", true},
		{"close date passed", imhars.Date{Year: 2026, Month: 10, Day: 1}, imhars.Date{Year: 2026, Month: 11, Day: 1},
			"Closed on 1 November 2026", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := app.questionnaireIn(path)
			q.Status, q.OpensOn, q.ClosesOn = imhars.QuestionnaireOpen, tt.opens, tt.closes
			if err := app.store.UpdateQuestionnaire(t.Context(), q); err != nil {
				t.Fatal(err)
			}

			list := admin.get(audit + "/questionnaires")
			wantStatus(t, list, http.StatusOK)
			if got := list.text("#questionnaires tbody .govuk-tag"); got != tt.want {
				t.Errorf("status in the list = %q, want %q", got, tt.want)
			}
			show := admin.get(path)
			if got := show.text("#settings .govuk-tag"); got != tt.want {
				t.Errorf("status on the questionnaire page = %q, want %q", got, tt.want)
			}
			if got := show.text("#settings .govuk-summary-list__row:nth-child(2) dt"); got != "Dates" {
				t.Errorf("dates row label = %q, want Dates", got)
			}
			results := admin.get(path + "/results")
			if got, want := results.text("#status"), "Status: "+tt.want+"."; !strings.HasPrefix(got, want) {
				t.Errorf("status on the results page = %q, want it to start %q", got, want)
			}
			links := admin.get(path + "/links")
			if got := links.doc.Find("#not-open").Length() == 1; got != tt.wantAlert {
				t.Errorf("links page warns that no answers are taken = %t, want %t", got, tt.wantAlert)
			}
		})
	}
}
