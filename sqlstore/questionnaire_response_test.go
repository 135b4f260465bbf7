package sqlstore_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

var submittedOn = imhars.Date{Year: 2026, Month: 11, Day: 5}

func TestSubmitResponse(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		q := createQuestionnaire(t, s, fx.audit, imhars.AudienceStaff, 3)
		r := &imhars.Response{QuestionnaireID: q.ID, SubmittedOn: submittedOn,
			Answers: []imhars.Answer{
				{ItemID: "i1", Value: 5},
				{ItemID: "i2", DontKnow: true},
				{ItemID: "i3", Value: 1},
			},
			Comments: []imhars.Comment{
				{ComponentKey: "ethos", Text: "Zoë said \"it's better\", café, 😊\nsecond line"},
				{ComponentKey: "learning", Text: "  "},
			}}
		dup, err := s.SubmitResponse(ctx, r, "key-1", "")
		if err != nil {
			t.Fatal(err)
		}
		if dup {
			t.Error("first submission reported as a duplicate")
		}
		if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(r.ID) {
			t.Errorf("response ID = %q, want 32 hexadecimal digits", r.ID)
		}

		list, err := s.Responses(ctx, q.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := []imhars.Response{{ID: r.ID, QuestionnaireID: q.ID, SubmittedOn: submittedOn,
			Answers: r.Answers, Comments: r.Comments[:1]}}
		if diff := cmp.Diff(want, list); diff != "" {
			t.Errorf("Responses (-want +got):\n%s", diff)
		}
	})
}

func TestSubmitResponseToday(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		fx := newAuditFixture(t, s)
		q := createQuestionnaire(t, s, fx.audit, imhars.AudienceStaff, 1)
		r := &imhars.Response{QuestionnaireID: q.ID, Answers: []imhars.Answer{{ItemID: "i1", Value: 3}}}
		// A run across midnight in London may see either day.
		before := imhars.DateOf(time.Now().In(q.Location()))
		if _, err := s.SubmitResponse(context.Background(), r, "key", ""); err != nil {
			t.Fatal(err)
		}
		after := imhars.DateOf(time.Now().In(q.Location()))
		if r.SubmittedOn != before && r.SubmittedOn != after {
			t.Errorf("SubmittedOn = %v, want today in %s, %v", r.SubmittedOn, q.TimeZone, after)
		}
	})
}

func TestSubmitResponseRejects(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		q := createQuestionnaire(t, s, fx.audit, imhars.AudienceStaff, 2)

		tests := []struct {
			name string
			r    imhars.Response
			key  string
			code string
		}{
			{"unknown item", imhars.Response{QuestionnaireID: q.ID,
				Answers: []imhars.Answer{{ItemID: "i9", Value: 3}}}, "k1", imhars.EINVALID},
			{"value off the scale", imhars.Response{QuestionnaireID: q.ID,
				Answers: []imhars.Answer{{ItemID: "i1", Value: 6}}}, "k2", imhars.EINVALID},
			{"no value", imhars.Response{QuestionnaireID: q.ID,
				Answers: []imhars.Answer{{ItemID: "i1"}}}, "k4", imhars.EINVALID},
			{"item answered twice", imhars.Response{QuestionnaireID: q.ID,
				Answers: []imhars.Answer{{ItemID: "i1", Value: 2}, {ItemID: "i1", Value: 3}}}, "k5", imhars.EINVALID},
			{"unknown questionnaire", imhars.Response{QuestionnaireID: q.ID + 100,
				Answers: []imhars.Answer{{ItemID: "i1", Value: 3}}}, "k3", imhars.ENOTFOUND},
			{"empty key", imhars.Response{QuestionnaireID: q.ID}, "", imhars.EINTERNAL},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				tt.r.SubmittedOn = submittedOn
				_, err := s.SubmitResponse(ctx, &tt.r, tt.key, "")
				wantCode(t, err, tt.code)
			})
		}
		n, err := s.RespondentCount(ctx, q.ID)
		if err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("RespondentCount = %d after rejected submissions, want 0", n)
		}
		// A rejected submission leaves its key unused.
		ok := &imhars.Response{QuestionnaireID: q.ID, SubmittedOn: submittedOn,
			Answers: []imhars.Answer{{ItemID: "i1", Value: 3}}}
		if dup, err := s.SubmitResponse(ctx, ok, "k1", ""); err != nil || dup {
			t.Errorf("resubmit with key of a rejected submission: duplicate %t, error %v", dup, err)
		}
	})
}

func TestSubmitResponseDuplicate(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		q := createQuestionnaire(t, s, fx.audit, imhars.AudienceStaff, 1)
		other := createQuestionnaire(t, s, fx.audit, imhars.AudienceParents, 1)
		submit := func(qid int64, key string) bool {
			t.Helper()
			r := &imhars.Response{QuestionnaireID: qid, SubmittedOn: submittedOn,
				Answers: []imhars.Answer{{ItemID: "i1", Value: 4}}}
			dup, err := s.SubmitResponse(ctx, r, key, "")
			if err != nil {
				t.Fatal(err)
			}
			if dup && r.ID != "" {
				t.Errorf("duplicate submission set ID %q", r.ID)
			}
			return dup
		}

		if submit(q.ID, "same") {
			t.Error("first submission reported as a duplicate")
		}
		if !submit(q.ID, "same") {
			t.Error("repeated key not reported as a duplicate")
		}
		if submit(other.ID, "same") {
			t.Error("same key on another questionnaire reported as a duplicate")
		}
		n, err := s.RespondentCount(ctx, q.ID)
		if err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("RespondentCount = %d, want 1", n)
		}
		if got := answerTotals(t, s, q.ID)["i1"]; got != 1 {
			t.Errorf("answers stored = %d, want 1", got)
		}
	})
}

func TestSubmitResponseConcurrent(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		q := createQuestionnaire(t, s, fx.audit, imhars.AudiencePupils8to11, 5)
		const submitters = 20

		var wg sync.WaitGroup
		dups := make([]bool, submitters)
		errs := make([]error, submitters)
		for i := range submitters {
			wg.Go(func() {
				r := &imhars.Response{QuestionnaireID: q.ID, SubmittedOn: submittedOn,
					Comments: []imhars.Comment{{ComponentKey: "ethos", Text: "Fine."}}}
				for _, id := range []string{"i1", "i2", "i3", "i4", "i5"} {
					r.Answers = append(r.Answers, imhars.Answer{ItemID: id, Value: 3})
				}
				dups[i], errs[i] = s.SubmitResponse(ctx, r, "the-same-key", "")
			})
		}
		wg.Wait()

		duplicates := 0
		for i, err := range errs {
			if err != nil {
				t.Errorf("submitter %d: %v", i, err)
			}
			if dups[i] {
				duplicates++
			}
		}
		if duplicates != submitters-1 {
			t.Errorf("%d duplicates, want %d", duplicates, submitters-1)
		}
		n, err := s.RespondentCount(ctx, q.ID)
		if err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("RespondentCount = %d, want 1", n)
		}
		comments, err := s.Comments(ctx, q.ID, true)
		if err != nil {
			t.Fatal(err)
		}
		if len(comments) != 1 {
			t.Errorf("%d comments stored, want 1", len(comments))
		}
	})
}

func TestSubmitResponseConcurrentDistinct(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		q := createQuestionnaire(t, s, fx.audit, imhars.AudienceStaff, 3)
		const submitters = 20

		// Submitters answer the items in opposite orders with different
		// values, so their answer counts are updated in conflicting orders.
		var wg sync.WaitGroup
		errs := make([]error, submitters)
		for i := range submitters {
			wg.Go(func() {
				ids := []string{"i1", "i2", "i3"}
				if i%2 == 1 {
					slices.Reverse(ids)
				}
				r := &imhars.Response{QuestionnaireID: q.ID, SubmittedOn: submittedOn}
				for _, id := range ids {
					r.Answers = append(r.Answers, imhars.Answer{ItemID: id, Value: i%5 + 1})
				}
				_, errs[i] = s.SubmitResponse(ctx, r, fmt.Sprint("key-", i), "")
			})
		}
		wg.Wait()

		for i, err := range errs {
			if err != nil {
				t.Errorf("submitter %d: %v", i, err)
			}
		}
		want := map[string]int{"i1": submitters, "i2": submitters, "i3": submitters}
		if diff := cmp.Diff(want, answerTotals(t, s, q.ID)); diff != "" {
			t.Errorf("answers per item (-want +got):\n%s", diff)
		}
		n, err := s.RespondentCount(ctx, q.ID)
		if err != nil {
			t.Fatal(err)
		}
		if n != submitters {
			t.Errorf("RespondentCount = %d, want %d", n, submitters)
		}
	})
}

func TestResponseIDsRandom(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		q := createQuestionnaire(t, s, fx.audit, imhars.AudienceStaff, 1)
		const n = 20
		var ids []string
		for i := range n {
			r := &imhars.Response{QuestionnaireID: q.ID, SubmittedOn: submittedOn,
				Answers: []imhars.Answer{{ItemID: "i1", Value: 2}}}
			if _, err := s.SubmitResponse(ctx, r, fmt.Sprint(i), ""); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, r.ID)
		}

		// Twenty random ids come out sorted with probability 1/20!, about
		// 4e-19.
		if slices.IsSorted(ids) {
			t.Errorf("response ids in submission order are sorted, want random: %v", ids)
		}
		if got := len(slices.Compact(slices.Sorted(slices.Values(ids)))); got != n {
			t.Errorf("%d distinct ids, want %d", got, n)
		}
		list, err := s.Responses(ctx, q.ID)
		if err != nil {
			t.Fatal(err)
		}
		var listed []string
		for _, r := range list {
			listed = append(listed, r.ID)
		}
		if diff := cmp.Diff(slices.Sorted(slices.Values(ids)), listed); diff != "" {
			t.Errorf("Responses order (-sorted ids +got):\n%s", diff)
		}
	})
}

func TestAnswerCounts(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		q := createQuestionnaire(t, s, fx.audit, imhars.AudienceStaff, 2)
		// 4, 5, don't know, don't know, 3 on i1; nothing on i2.
		for i, a := range []imhars.Answer{
			{ItemID: "i1", Value: 4}, {ItemID: "i1", Value: 5}, {ItemID: "i1", DontKnow: true},
			{ItemID: "i1", DontKnow: true, Value: 3}, {ItemID: "i1", Value: 3},
		} {
			r := &imhars.Response{QuestionnaireID: q.ID, SubmittedOn: submittedOn, Answers: []imhars.Answer{a}}
			if _, err := s.SubmitResponse(ctx, r, fmt.Sprint(i), ""); err != nil {
				t.Fatal(err)
			}
		}

		got, err := s.AnswerCounts(ctx, q.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]imhars.ItemCounts{
			"i1": {ItemID: "i1", ByValue: map[int]int{3: 1, 4: 1, 5: 1}, DontKnow: 2},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("AnswerCounts (-want +got):\n%s", diff)
		}
	})
}

func TestRecipientResponded(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		q := createQuestionnaire(t, s, fx.audit, imhars.AudienceStaff, 1)
		other := createQuestionnaire(t, s, fx.audit, imhars.AudienceGovernors, 1)
		addRecipients(t, s, q.ID, "amy", "ben")
		addRecipients(t, s, other.ID, "cat")

		for _, token := range []string{"hash-amy", "hash-cat"} {
			r := &imhars.Response{QuestionnaireID: q.ID, SubmittedOn: submittedOn,
				Answers: []imhars.Answer{{ItemID: "i1", Value: 4}}}
			if _, err := s.SubmitResponse(ctx, r, token, token); err != nil {
				t.Fatal(err)
			}
		}

		responded := make(map[string]bool)
		for _, qid := range []int64{q.ID, other.ID} {
			list, err := s.Recipients(ctx, qid)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range list {
				responded[r.Name] = r.Responded
			}
		}
		want := map[string]bool{"amy": true, "ben": false, "cat": false}
		if diff := cmp.Diff(want, responded); diff != "" {
			t.Errorf("responded (-want +got); a token of another questionnaire must not count:\n%s", diff)
		}
	})
}

func TestComments(t *testing.T) {
	sqlstoretest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		fx := newAuditFixture(t, s)
		q := createQuestionnaire(t, s, fx.audit, imhars.AudiencePupils11to18, 1)
		safe := imhars.Comment{ComponentKey: "ethos", Text: "Assemblies help."}
		flagged := imhars.Comment{ComponentKey: "ethos", Text: "I want to hurt myself.", Flagged: true,
			Phrase: "hurt myself"}
		formula := imhars.Comment{ComponentKey: "learning", Text: "=HYPERLINK(\"x\")"}
		r := &imhars.Response{QuestionnaireID: q.ID, SubmittedOn: submittedOn,
			Answers:  []imhars.Answer{{ItemID: "i1", Value: 2}},
			Comments: []imhars.Comment{safe, flagged, formula}}
		if _, err := s.SubmitResponse(ctx, r, "key", ""); err != nil {
			t.Fatal(err)
		}

		tests := []struct {
			name        string
			withFlagged bool
			want        []imhars.Comment
		}{
			{"without flagged", false, []imhars.Comment{safe, formula}},
			{"with flagged", true, []imhars.Comment{safe, flagged, formula}},
		}
		sortByText := func(list []imhars.Comment) {
			slices.SortFunc(list, func(a, b imhars.Comment) int {
				if a.ComponentKey != b.ComponentKey {
					return strings.Compare(a.ComponentKey, b.ComponentKey)
				}
				return strings.Compare(a.Text, b.Text)
			})
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := s.Comments(ctx, q.ID, tt.withFlagged)
				if err != nil {
					t.Fatal(err)
				}
				sortByText(got)
				sortByText(tt.want)
				if diff := cmp.Diff(tt.want, got, cmpopts.IgnoreFields(imhars.Comment{}, "ID")); diff != "" {
					t.Errorf("Comments (-want +got):\n%s", diff)
				}
				for _, c := range got {
					if c.ID <= 0 {
						t.Errorf("comment %q has ID %d, want the positive stored id", c.Text, c.ID)
					}
				}
			})
		}

		list, err := s.Responses(ctx, q.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 1 {
			t.Fatalf("%d responses, want 1", len(list))
		}
		for _, c := range list[0].Comments {
			if c.Flagged || c.Text == flagged.Text {
				t.Errorf("Responses includes flagged comment %q", c.Text)
			}
		}
		if len(list[0].Comments) != 2 {
			t.Errorf("Responses has %d comments, want the 2 unflagged", len(list[0].Comments))
		}
	})
}
