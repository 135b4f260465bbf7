package sqlstore_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// testItems returns n items about the test framework's practices, with
// text "Q1", "Q2", ...
func testItems(n int) []imhars.Item {
	keys := []string{"ethos.respect", "ethos.safe", "learning.mistakes", "learning.feedback"}
	items := make([]imhars.Item, n)
	for i := range items {
		key := keys[i%len(keys)]
		component, _, _ := strings.Cut(key, ".")
		items[i] = imhars.Item{PracticeKey: key, ComponentKey: component, Text: fmt.Sprintf("Q%d", i+1)}
	}
	return items
}

func createQuestionnaire(t testing.TB, s *sqlstore.Store, a *imhars.Audit, audience imhars.Audience, items int) *imhars.Questionnaire {
	t.Helper()
	q := &imhars.Questionnaire{AuditID: a.ID, Audience: audience, Title: audience.Label() + " questionnaire",
		Status: imhars.QuestionnaireOpen, OpensOn: imhars.Date{Year: 2026, Month: 11, Day: 3},
		ClosesOn: imhars.Date{Year: 2026, Month: 11, Day: 21}, Comments: true}
	if err := s.CreateQuestionnaire(context.Background(), q, testItems(items)); err != nil {
		t.Fatalf("create questionnaire: %v", err)
	}
	return q
}

func TestCreateQuestionnaire(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		q := &imhars.Questionnaire{AuditID: fx.audit.ID, Audience: imhars.AudiencePupils8to11,
			Title: "How is school for you?", OpensOn: imhars.Date{Year: 2026, Month: 11, Day: 3},
			HelpText: "Talk to Ms Okafor in room 4."}
		items := testItems(3)
		items[2].Position = 10
		if err := s.CreateQuestionnaire(ctx, q, items); err != nil {
			t.Fatal(err)
		}

		if q.ID == 0 || q.CreatedAt.IsZero() {
			t.Errorf("ID = %d, CreatedAt = %v, want both set", q.ID, q.CreatedAt)
		}
		if q.SchoolID != fx.school.ID {
			t.Errorf("SchoolID = %d, want the audit's school %d", q.SchoolID, fx.school.ID)
		}
		if q.Status != imhars.QuestionnaireDraft {
			t.Errorf("Status = %q, want draft", q.Status)
		}
		if q.TimeZone != "Europe/London" {
			t.Errorf("TimeZone = %q, want the school's Europe/London", q.TimeZone)
		}
		if !regexp.MustCompile(`^[A-Za-z0-9_-]{22}$`).MatchString(q.LinkID) {
			t.Errorf("LinkID = %q, want 22 URL-safe characters", q.LinkID)
		}
		if !regexp.MustCompile(`^[` + imhars.ShortCodeAlphabet + `]{6}$`).MatchString(q.ShortCode) {
			t.Errorf("ShortCode = %q, want 6 characters of %s", q.ShortCode, imhars.ShortCodeAlphabet)
		}

		got, err := s.Questionnaire(ctx, fx.school.ID, q.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(q, got); diff != "" {
			t.Errorf("Questionnaire (-created +got):\n%s", diff)
		}
		var ids []string
		var positions []int
		for _, it := range items {
			ids = append(ids, it.ID)
			positions = append(positions, it.Position)
		}
		if diff := cmp.Diff([]string{"i1", "i2", "i3"}, ids); diff != "" {
			t.Errorf("item ids (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]int{1, 2, 10}, positions); diff != "" {
			t.Errorf("item positions (-want +got):\n%s", diff)
		}
		stored, err := s.Items(ctx, q.ID, false)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(items, stored); diff != "" {
			t.Errorf("Items (-created +stored):\n%s", diff)
		}
	})
}

func TestCreateQuestionnaireRejects(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		other := createSchool(t, s, "Other", fx.lead)

		bad := &imhars.Questionnaire{AuditID: fx.audit.ID, Audience: "teachers", Title: "T"}
		wantCode(t, s.CreateQuestionnaire(ctx, bad, nil), imhars.EINVALID)
		wrongSchool := &imhars.Questionnaire{AuditID: fx.audit.ID, SchoolID: other.ID,
			Audience: imhars.AudienceStaff, Title: "T"}
		wantNotFound(t, s.CreateQuestionnaire(ctx, wrongSchool, nil))
		noAudit := &imhars.Questionnaire{AuditID: fx.audit.ID + 100, Audience: imhars.AudienceStaff, Title: "T"}
		wantNotFound(t, s.CreateQuestionnaire(ctx, noAudit, nil))
	})
}

func TestQuestionnaireOtherSchool(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		other := createSchool(t, s, "Other", fx.lead)
		q := createQuestionnaire(t, s, fx.audit, imhars.AudienceStaff, 2)

		_, err := s.Questionnaire(ctx, other.ID, q.ID)
		wantNotFound(t, err)
		_, err = s.Questionnaire(ctx, fx.school.ID, q.ID+100)
		wantNotFound(t, err)
		moved := *q
		moved.SchoolID = other.ID
		moved.Title = "Taken over"
		wantNotFound(t, s.UpdateQuestionnaire(ctx, &moved))
	})
}

func TestQuestionnaireLookups(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		q := createQuestionnaire(t, s, fx.audit, imhars.AudienceParents, 1)
		createQuestionnaire(t, s, fx.audit, imhars.AudienceStaff, 1)
		code := q.ShortCode

		tests := []struct {
			name   string
			lookup func() (*imhars.Questionnaire, error)
			found  bool
		}{
			{"link", func() (*imhars.Questionnaire, error) { return s.QuestionnaireByLink(ctx, q.LinkID) }, true},
			{"unknown link", func() (*imhars.Questionnaire, error) { return s.QuestionnaireByLink(ctx, "nope") }, false},
			{"code", func() (*imhars.Questionnaire, error) { return s.QuestionnaireByCode(ctx, code) }, true},
			{"lower-case code", func() (*imhars.Questionnaire, error) {
				return s.QuestionnaireByCode(ctx, strings.ToLower(code))
			}, true},
			{"code with space and hyphen", func() (*imhars.Questionnaire, error) {
				return s.QuestionnaireByCode(ctx, " "+code[:3]+"-"+strings.ToLower(code[3:])+" ")
			}, true},
			{"unknown code", func() (*imhars.Questionnaire, error) { return s.QuestionnaireByCode(ctx, "AAAA") }, false},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := tt.lookup()
				if !tt.found {
					wantNotFound(t, err)
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if got.ID != q.ID {
					t.Errorf("found questionnaire %d, want %d", got.ID, q.ID)
				}
			})
		}
	})
}

func TestQuestionnairesOrder(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		later := createAudit(t, s, fx.school, fx.framework, "2027/28")
		for _, a := range []imhars.Audience{imhars.AudiencePupils8to11, imhars.AudienceParents, imhars.AudienceStaff} {
			createQuestionnaire(t, s, fx.audit, a, 1)
		}
		createQuestionnaire(t, s, later, imhars.AudienceGovernors, 1)

		list, err := s.Questionnaires(ctx, fx.audit.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got []imhars.Audience
		for _, q := range list {
			got = append(got, q.Audience)
		}
		want := []imhars.Audience{imhars.AudienceStaff, imhars.AudienceParents, imhars.AudiencePupils8to11}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("audiences (-want +got):\n%s", diff)
		}
	})
}

func TestUpdateQuestionnaire(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		q := createQuestionnaire(t, s, fx.audit, imhars.AudienceStaff, 1)

		q.Title = "Staff views, autumn"
		q.Status = imhars.QuestionnaireClosed
		q.OpensOn = imhars.Date{Year: 2027, Month: 1, Day: 4}
		q.ClosesOn = imhars.Date{Year: 2027, Month: 4, Day: 1}
		q.Comments = false
		q.HelpText = "Ask the office."
		if err := s.UpdateQuestionnaire(ctx, q); err != nil {
			t.Fatal(err)
		}
		got, err := s.Questionnaire(ctx, fx.school.ID, q.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(q, got); diff != "" {
			t.Errorf("Questionnaire after update (-want +got):\n%s", diff)
		}

		q.Status = "paused"
		wantCode(t, s.UpdateQuestionnaire(ctx, q), imhars.EINVALID)
	})
}

func TestSchoolTimeZone(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		if fx.school.TimeZone != "Europe/London" {
			t.Errorf("new school TimeZone = %q, want Europe/London", fx.school.TimeZone)
		}

		fx.school.TimeZone = "Europe/Dublin"
		if err := s.UpdateSchool(ctx, fx.school); err != nil {
			t.Fatal(err)
		}
		fx.school.TimeZone = ""
		if err := s.UpdateSchool(ctx, fx.school); err != nil {
			t.Fatal(err)
		}
		got, _, err := s.School(ctx, fx.school.ID, fx.lead)
		if err != nil {
			t.Fatal(err)
		}
		if got.TimeZone != "Europe/Dublin" {
			t.Errorf("TimeZone = %q, want Europe/Dublin kept by an update without one", got.TimeZone)
		}
		q := createQuestionnaire(t, s, fx.audit, imhars.AudienceStaff, 1)
		if q.TimeZone != "Europe/Dublin" {
			t.Errorf("questionnaire TimeZone = %q, want the school's Europe/Dublin", q.TimeZone)
		}
	})
}
