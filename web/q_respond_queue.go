package web

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/imhars/imhars/sqlstore"
)

// maxGroupSize bounds how many submissions one transaction stores, so
// that a transaction stays short and a group's wait stays bounded.
const maxGroupSize = 64

// submitQueue stores submissions in groups, one transaction per group.
// While a group's transaction runs, new submissions wait; then one of them
// stores all that have gathered. An idle queue stores a submission at once.
// On SQLite, where write transactions run one at a time, this shares a
// commit's fixed cost among everyone who submitted meanwhile. PostgreSQL
// runs transactions side by side and flushes concurrent commits together
// itself, so there each submission is stored at once in its own
// transaction, which measured faster than one queue.
type submitQueue struct {
	// storeMany stores submissions in one transaction, and storeOne
	// stores one on its own; the store's methods, except in tests.
	storeMany func(context.Context, []sqlstore.Submission) []sqlstore.SubmitResult
	storeOne  func(context.Context, sqlstore.Submission) (duplicate bool, err error)
	grouped   bool // false on PostgreSQL

	mu      sync.Mutex
	waiting []*queuedSubmission
	busy    bool // a goroutine is storing a group
}

// queuedSubmission is a submission waiting for its group to be stored.
type queuedSubmission struct {
	sub    sqlstore.Submission
	result sqlstore.SubmitResult
	done   chan struct{} // closed when result is set
	lead   chan struct{} // closed when this submission's goroutine must store the next group
}

func newSubmitQueue(store *sqlstore.Store) *submitQueue {
	return &submitQueue{
		storeMany: store.SubmitResponses,
		storeOne: func(ctx context.Context, sub sqlstore.Submission) (bool, error) {
			return store.SubmitResponse(ctx, sub.Response, sub.Key, sub.RecipientTokenHash)
		},
		grouped: store.Dialect() == "sqlite",
	}
}

// submit stores sub, alone or in a group, and returns whether its key had
// already been used. Once queued, a submission is stored even if ctx is
// cancelled, because other submissions may be in its group.
func (q *submitQueue) submit(ctx context.Context, sub sqlstore.Submission) (duplicate bool, err error) {
	if !q.grouped {
		return q.storeOne(ctx, sub)
	}
	qs := &queuedSubmission{sub: sub, done: make(chan struct{}), lead: make(chan struct{})}
	q.mu.Lock()
	q.waiting = append(q.waiting, qs)
	lead := !q.busy
	q.busy = true
	q.mu.Unlock()

	if !lead {
		select {
		case <-qs.done:
			return qs.result.Duplicate, qs.result.Err
		case <-qs.lead:
		}
	}
	q.storeGroup(context.WithoutCancel(ctx))
	<-qs.done
	return qs.result.Duplicate, qs.result.Err
}

// storeGroup stores the submissions waiting at the front of the queue, the
// caller's own first among them, then hands the queue to the next waiting
// submission's goroutine, or marks the queue idle.
func (q *submitQueue) storeGroup(ctx context.Context) {
	q.mu.Lock()
	n := min(len(q.waiting), maxGroupSize)
	group := q.waiting[:n:n]
	q.waiting = q.waiting[n:]
	q.mu.Unlock()

	subs := make([]sqlstore.Submission, len(group))
	for i, qs := range group {
		subs[i] = qs.sub
	}
	ctx, cancel := context.WithTimeout(ctx, groupTimeout)
	results := q.storeSafely(ctx, subs)
	cancel()
	for i, qs := range group {
		qs.result = results[i]
		close(qs.done)
	}

	q.mu.Lock()
	if len(q.waiting) > 0 {
		close(q.waiting[0].lead)
	} else {
		q.busy = false
	}
	q.mu.Unlock()
}

// groupTimeout bounds one group's transaction, so that a database that
// stops responding fails the group's requests instead of holding them.
const groupTimeout = 30 * time.Second

// storeSafely stores subs and turns a panic into an error for each of
// them, so that the queue is always handed on and no submission waits for
// ever.
func (q *submitQueue) storeSafely(ctx context.Context, subs []sqlstore.Submission) (results []sqlstore.SubmitResult) {
	defer func() {
		if v := recover(); v != nil {
			err := fmt.Errorf("store a group of %d submissions: panic: %v", len(subs), v)
			results = make([]sqlstore.SubmitResult, len(subs))
			for i := range results {
				results[i].Err = err
			}
		}
	}()
	return q.storeMany(ctx, subs)
}
