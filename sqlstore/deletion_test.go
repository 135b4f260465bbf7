package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// fillAudit records an assessment, findings and a questionnaire with
// items, recipients and responses that carry comments, one flagged, and
// returns the questionnaire.
func fillAudit(t *testing.T, s *sqlstore.Store, a *imhars.Audit, prefix string) *imhars.Questionnaire {
	t.Helper()
	ctx := context.Background()
	p := &imhars.PracticeAssessment{AuditID: a.ID, PracticeKey: "ethos.safe", Rating: imhars.Emerging}
	if err := s.SaveAssessment(ctx, p); err != nil {
		t.Fatal(err)
	}
	f := &imhars.ComponentFindings{AuditID: a.ID, ComponentKey: "ethos", WorksWell: "Assemblies"}
	if err := s.SaveFindings(ctx, f); err != nil {
		t.Fatal(err)
	}
	q := createQuestionnaire(t, s, a, imhars.AudienceStaff, 2)
	addRecipients(t, s, q.ID, prefix+"-amy", prefix+"-ben")
	submitAll(t, s, q.ID, prefix, 2, 3, "i1", "i2")
	r := &imhars.Response{QuestionnaireID: q.ID, SubmittedOn: submittedOn,
		Answers: []imhars.Answer{{ItemID: "i1", DontKnow: true}},
		Comments: []imhars.Comment{
			{ComponentKey: "ethos", Text: "Lunchtimes are calm."},
			{ComponentKey: "ethos", Text: "I am scared to go home.", Flagged: true, Phrase: "scared to go home"},
		}}
	if _, err := s.SubmitResponse(ctx, r, prefix+"-commented", "hash-"+prefix+"-amy"); err != nil {
		t.Fatal(err)
	}
	return q
}

// auditTables lists every table holding an audit's data, with the column
// that links a row to the audit or to one of its questionnaires.
var auditTables = []struct {
	table           string
	byQuestionnaire bool
}{
	{"practice_assessments", false},
	{"component_findings", false},
	{"questionnaires", false},
	{"questionnaire_items", true},
	{"responses", true},
	{"answers", true},
	{"comments", true},
	{"recipients", true},
	{"submission_keys", true},
	{"answer_counts", true},
}

// countAuditRows returns the number of rows per table in auditTables that
// belong to the audit a, whose questionnaire is q.
func countAuditRows(t *testing.T, s *sqlstore.Store, a *imhars.Audit, q *imhars.Questionnaire) map[string]int {
	t.Helper()
	counts := make(map[string]int)
	for _, tt := range auditTables {
		where, id := "audit_id = ?", a.ID
		if tt.byQuestionnaire {
			where, id = "questionnaire_id = ?", q.ID
		}
		n, err := s.CountRows(context.Background(), tt.table, where, id)
		if err != nil {
			t.Fatal(err)
		}
		counts[tt.table] = n
	}
	return counts
}

func TestDeleteAuditCascades(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		otherAudit := createAudit(t, s, fx.school, fx.framework, "2025/26")
		deletedQ := fillAudit(t, s, fx.audit, "deleted")
		otherQ := fillAudit(t, s, otherAudit, "other")
		otherBefore := countAuditRows(t, s, otherAudit, otherQ)

		if err := s.DeleteAudit(ctx, fx.school.ID, fx.audit.ID); err != nil {
			t.Fatal(err)
		}

		for table, n := range countAuditRows(t, s, fx.audit, deletedQ) {
			if n != 0 {
				t.Errorf("%s has %d rows of the deleted audit, want 0", table, n)
			}
		}
		for table, n := range otherBefore {
			if n == 0 {
				t.Errorf("%s had no rows of the other audit before the deletion, so the test checks nothing", table)
			}
		}
		if diff := cmp.Diff(otherBefore, countAuditRows(t, s, otherAudit, otherQ)); diff != "" {
			t.Errorf("rows of the other audit (-before +after):\n%s", diff)
		}
		_, err := s.Audit(ctx, fx.school.ID, fx.audit.ID)
		wantNotFound(t, err)
		if _, _, err := s.School(ctx, fx.school.ID, fx.lead); err != nil {
			t.Errorf("school of the deleted audit: %v", err)
		}
	})
}

func TestDeleteAuditOfOtherSchool(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		other := createSchool(t, s, "Other School", fx.lead)

		wantNotFound(t, s.DeleteAudit(ctx, other.ID, fx.audit.ID))
		if _, err := s.Audit(ctx, fx.school.ID, fx.audit.ID); err != nil {
			t.Errorf("audit after a deletion through another school: %v", err)
		}
		if err := s.DeleteAudit(ctx, fx.school.ID, fx.audit.ID); err != nil {
			t.Fatal(err)
		}
		wantNotFound(t, s.DeleteAudit(ctx, fx.school.ID, fx.audit.ID))
	})
}

func TestEventsWithoutSchool(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		ada := createUser(t, s, "Ada")
		deleted := createSchool(t, s, "Deleted School", ada)
		other := createSchool(t, s, "Other School", ada)
		events := []*imhars.Event{
			{At: testTime, Action: "framework.import", Detail: "test 1"},
			{At: testTime.Add(time.Second), UserID: ada.ID, SchoolID: deleted.ID, Action: "delete.school",
				Detail: "Deleted School"},
			{At: testTime.Add(2 * time.Second), UserID: ada.ID, SchoolID: other.ID, Action: "export.all"},
		}
		for _, e := range events {
			if err := s.LogEvent(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.DeleteSchool(ctx, deleted.ID); err != nil {
			t.Fatal(err)
		}

		got, err := s.EventsWithoutSchool(ctx)
		if err != nil {
			t.Fatal(err)
		}
		deletion := *events[1]
		deletion.SchoolID = 0
		want := []imhars.Event{deletion, *events[0]}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("EventsWithoutSchool (-want +got):\n%s", diff)
		}
	})
}
