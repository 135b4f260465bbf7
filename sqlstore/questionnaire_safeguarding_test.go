package sqlstore_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

func TestFlaggedComments(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		other := newAuditFixtureNamed(t, s, "other")
		q := createQuestionnaire(t, s, fx.audit, imhars.AudiencePupils11to18, 1)
		otherQ := createQuestionnaire(t, s, other.audit, imhars.AudiencePupils11to18, 1)
		for i, qid := range []int64{q.ID, otherQ.ID} {
			r := &imhars.Response{QuestionnaireID: qid, SubmittedOn: submittedOn,
				Answers: []imhars.Answer{{ItemID: "i1", Value: 2}},
				Comments: []imhars.Comment{
					{ComponentKey: "ethos", Text: "Lunchtimes are fun."},
					{ComponentKey: "ethos", Text: "I am scared to go home.", Flagged: true, Phrase: "scared to go home"},
				}}
			if _, err := s.SubmitResponse(ctx, r, string(rune('a'+i)), ""); err != nil {
				t.Fatal(err)
			}
		}

		flags, err := s.FlaggedComments(ctx, fx.school.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(flags) != 1 {
			t.Fatalf("%d flagged comments, want the school's 1", len(flags))
		}
		f := flags[0]
		want := imhars.FlaggedComment{ID: f.ID, QuestionnaireID: q.ID, Audience: q.Audience, Title: q.Title,
			ComponentKey: "ethos", Text: "I am scared to go home.", Phrase: "scared to go home",
			SubmittedOn: submittedOn}
		if diff := cmp.Diff(want, f); diff != "" {
			t.Errorf("FlaggedComments (-want +got):\n%s", diff)
		}

		wantNotFound(t, s.MarkFlagReviewed(ctx, other.school.ID, f.ID, "Dee", testTime))
		if err := s.MarkFlagReviewed(ctx, fx.school.ID, f.ID, "Dee Patel", testTime); err != nil {
			t.Fatal(err)
		}
		flags, err = s.FlaggedComments(ctx, fx.school.ID)
		if err != nil {
			t.Fatal(err)
		}
		reviewedAt := testTime
		want.ReviewedBy, want.ReviewedAt = "Dee Patel", &reviewedAt
		if diff := cmp.Diff([]imhars.FlaggedComment{want}, flags); diff != "" {
			t.Errorf("FlaggedComments after review (-want +got):\n%s", diff)
		}
	})
}

// newAuditFixtureNamed is newAuditFixture with its own lead, school and
// framework, for a second school in the same database.
func newAuditFixtureNamed(t testing.TB, s *sqlstore.Store, name string) auditFixture {
	t.Helper()
	lead := createUser(t, s, name+"-lead")
	sc := createSchool(t, s, name+" school", lead)
	f := saveFramework(t, s, name, "1")
	return auditFixture{lead: lead, school: sc, framework: f, audit: createAudit(t, s, sc, f, "2026/27")}
}

func TestRiskPhrases(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		other := createSchool(t, s, "Other", fx.lead)

		got, err := s.RiskPhrases(ctx, fx.school.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(imhars.DefaultRiskPhrases, got); diff != "" {
			t.Errorf("RiskPhrases before any are set (-defaults +got):\n%s", diff)
		}
		got[0] = "changed"
		if imhars.DefaultRiskPhrases[0] == "changed" {
			t.Error("RiskPhrases returned the shared default slice")
		}

		phrases := []string{" run away ", "", "Self harm", "self HARM", "sleeping rough"}
		if err := s.SetRiskPhrases(ctx, fx.school.ID, phrases); err != nil {
			t.Fatal(err)
		}
		got, err = s.RiskPhrases(ctx, fx.school.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"run away", "Self harm", "sleeping rough"}, got); diff != "" {
			t.Errorf("RiskPhrases after set (-want +got):\n%s", diff)
		}
		otherPhrases, err := s.RiskPhrases(ctx, other.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(imhars.DefaultRiskPhrases, otherPhrases); diff != "" {
			t.Errorf("another school's RiskPhrases (-defaults +got):\n%s", diff)
		}

		wantCode(t, s.SetRiskPhrases(ctx, fx.school.ID, []string{" ", ""}), imhars.EINVALID)
		wantNotFound(t, s.SetRiskPhrases(ctx, other.ID+100, []string{"x"}))
	})
}

func TestSchoolPrivacy(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)

		got, err := s.SchoolPrivacy(ctx, fx.school.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(imhars.DefaultPrivacy(), got); diff != "" {
			t.Errorf("SchoolPrivacy of a new school (-defaults +got):\n%s", diff)
		}
		_, err = s.SchoolPrivacy(ctx, fx.school.ID+100)
		wantNotFound(t, err)

		tests := []struct {
			name string
			p    imhars.Privacy
			code string
		}{
			{"floor", imhars.Privacy{MinGroup: imhars.FloorMinGroup, MinComments: imhars.FloorMinGroup}, ""},
			{"larger", imhars.Privacy{MinGroup: 8, MinComments: 15}, ""},
			{"below floor", imhars.Privacy{MinGroup: imhars.FloorMinGroup - 1, MinComments: 10}, imhars.EINVALID},
			{"zero", imhars.Privacy{}, imhars.EINVALID},
			{"comments below group", imhars.Privacy{MinGroup: 6, MinComments: 5}, imhars.EINVALID},
		}
		saved := imhars.DefaultPrivacy()
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				err := s.SetSchoolPrivacy(ctx, fx.school.ID, tt.p)
				wantCode(t, err, tt.code)
				if err == nil {
					saved = tt.p
				}
				got, err := s.SchoolPrivacy(ctx, fx.school.ID)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(saved, got); diff != "" {
					t.Errorf("SchoolPrivacy (-want +got):\n%s", diff)
				}
			})
		}
		wantNotFound(t, s.SetSchoolPrivacy(ctx, fx.school.ID+100, imhars.DefaultPrivacy()))
	})
}

func TestSafeguardingLead(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		outsider := createUser(t, s, "outsider")
		other := createSchool(t, s, "Other", fx.lead)
		isLead := func(schoolID, userID int64) bool {
			t.Helper()
			lead, err := s.IsSafeguardingLead(ctx, schoolID, userID)
			if err != nil {
				t.Fatal(err)
			}
			return lead
		}

		if isLead(fx.school.ID, fx.lead.ID) {
			t.Error("new member is a safeguarding lead, want not")
		}
		if err := s.SetSafeguardingLead(ctx, fx.school.ID, fx.lead.ID, true); err != nil {
			t.Fatal(err)
		}
		if !isLead(fx.school.ID, fx.lead.ID) {
			t.Error("member not a safeguarding lead after being set")
		}
		if isLead(other.ID, fx.lead.ID) {
			t.Error("safeguarding lead of one school is one of another")
		}
		if err := s.SetSafeguardingLead(ctx, fx.school.ID, fx.lead.ID, false); err != nil {
			t.Fatal(err)
		}
		if isLead(fx.school.ID, fx.lead.ID) {
			t.Error("member still a safeguarding lead after being unset")
		}
		wantNotFound(t, s.SetSafeguardingLead(ctx, fx.school.ID, outsider.ID, true))
		if isLead(fx.school.ID, outsider.ID) {
			t.Error("non-member is a safeguarding lead")
		}
	})
}
