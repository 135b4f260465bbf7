package sqlstore_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// benchItems is the number of statements in a long staff questionnaire.
const benchItems = 40

// BenchmarkSubmitResponse stores responses of 40 answers and one comment,
// one at a time and from as many goroutines as GOMAXPROCS.
func BenchmarkSubmitResponse(b *testing.B) {
	for _, db := range []struct {
		name string
		open func(testing.TB) *sqlstore.Store
	}{
		{"sqlite", sqlstoretest.OpenSQLite},
		{"postgres", sqlstoretest.OpenPostgres},
	} {
		b.Run(db.name+"/serial", func(b *testing.B) {
			s, q := benchQuestionnaire(b, db.open(b))
			var n atomic.Int64
			for b.Loop() {
				submitBenchResponse(b, s, q.ID, &n)
			}
		})
		b.Run(db.name+"/parallel", func(b *testing.B) {
			s, q := benchQuestionnaire(b, db.open(b))
			var n atomic.Int64
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					submitBenchResponse(b, s, q.ID, &n)
				}
			})
		})
	}
}

func submitBenchResponse(b *testing.B, s *sqlstore.Store, questionnaireID int64, n *atomic.Int64) {
	i := n.Add(1)
	r := benchResponse(questionnaireID, int(i))
	if _, err := s.SubmitResponse(context.Background(), r, fmt.Sprint(i), ""); err != nil {
		b.Error(err)
	}
}

// BenchmarkAnswerCounts counts the answers of 2,000 responses to 40
// items, as the report does for each questionnaire.
func BenchmarkAnswerCounts(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) { benchmarkAnswerCounts(b, sqlstoretest.OpenSQLite(b)) })
	b.Run("postgres", func(b *testing.B) { benchmarkAnswerCounts(b, sqlstoretest.OpenPostgres(b)) })
}

// benchResponses is the number of responses in the report benchmarks.
const benchResponses = 2000

func benchmarkAnswerCounts(b *testing.B, s *sqlstore.Store) {
	const responses = benchResponses
	ctx := context.Background()
	q := answeredQuestionnaire(b, s)

	b.ResetTimer()
	for b.Loop() {
		counts, err := s.AnswerCounts(ctx, q.ID)
		if err != nil {
			b.Fatal(err)
		}
		c := counts["i1"]
		if got := c.DontKnow + c.ByValue[1] + c.ByValue[2] + c.ByValue[3] + c.ByValue[4] + c.ByValue[5]; got != responses {
			b.Fatalf("%d answers to i1, want %d", got, responses)
		}
	}
}

func benchQuestionnaire(b *testing.B, s *sqlstore.Store) (*sqlstore.Store, *imhars.Questionnaire) {
	fx := newAuditFixture(b, s)
	return s, createQuestionnaire(b, s, fx.audit, imhars.AudienceStaff, benchItems)
}

// benchResponse answers every item, with a spread of values and "don't
// know", and writes one comment.
func benchResponse(questionnaireID int64, seed int) *imhars.Response {
	r := &imhars.Response{QuestionnaireID: questionnaireID, SubmittedOn: submittedOn,
		Answers:  make([]imhars.Answer, benchItems),
		Comments: []imhars.Comment{{ComponentKey: "ethos", Text: "Staff briefings help us notice pupils who are struggling."}}}
	for i := range r.Answers {
		v := (seed+i)%6 + 1
		r.Answers[i] = imhars.Answer{ItemID: fmt.Sprintf("i%d", i+1), Value: v, DontKnow: v == 6}
		if v == 6 {
			r.Answers[i].Value = 0
		}
	}
	return r
}

// BenchmarkResponses loads 2,000 responses of 40 answers and one comment
// each, as the exports do.
func BenchmarkResponses(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) { benchmarkResponses(b, sqlstoretest.OpenSQLite(b)) })
	b.Run("postgres", func(b *testing.B) { benchmarkResponses(b, sqlstoretest.OpenPostgres(b)) })
}

func benchmarkResponses(b *testing.B, s *sqlstore.Store) {
	ctx := context.Background()
	q := answeredQuestionnaire(b, s)

	b.ResetTimer()
	for b.Loop() {
		list, err := s.Responses(ctx, q.ID)
		if err != nil {
			b.Fatal(err)
		}
		if len(list) != benchResponses || len(list[0].Answers) != benchItems {
			b.Fatalf("%d responses with %d answers, want %d with %d",
				len(list), len(list[0].Answers), benchResponses, benchItems)
		}
	}
}

// answeredQuestionnaire returns a questionnaire of 40 items with 2,000
// responses.
func answeredQuestionnaire(b *testing.B, s *sqlstore.Store) *imhars.Questionnaire {
	ctx := context.Background()
	s, q := benchQuestionnaire(b, s)
	for i := range benchResponses {
		if _, err := s.SubmitResponse(ctx, benchResponse(q.ID, i), fmt.Sprint(i), ""); err != nil {
			b.Fatal(err)
		}
	}
	return q
}
