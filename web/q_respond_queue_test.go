package web

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore"
)

// fakeGroupStore records the groups a queue stores. Keys that start with
// "dup" are reported as repeats.
type fakeGroupStore struct {
	mu     sync.Mutex
	groups [][]string
	// hold, when not nil, makes the first group wait for it to close,
	// after closing entered.
	hold    chan struct{}
	entered chan struct{}
}

func (f *fakeGroupStore) storeMany(_ context.Context, subs []sqlstore.Submission) []sqlstore.SubmitResult {
	f.mu.Lock()
	first := len(f.groups) == 0
	keys := make([]string, len(subs))
	for i, s := range subs {
		keys[i] = s.Key
	}
	f.groups = append(f.groups, keys)
	f.mu.Unlock()
	if first && f.hold != nil {
		close(f.entered)
		<-f.hold
	}
	results := make([]sqlstore.SubmitResult, len(subs))
	for i, s := range subs {
		results[i].Duplicate = strings.HasPrefix(s.Key, "dup")
	}
	return results
}

func submission(key string) sqlstore.Submission {
	return sqlstore.Submission{Response: &imhars.Response{}, Key: key}
}

func (q *submitQueue) waitingCount() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.waiting)
}

func TestSubmitQueueGroupsWaiting(t *testing.T) {
	store := &fakeGroupStore{hold: make(chan struct{}), entered: make(chan struct{})}
	q := &submitQueue{storeMany: store.storeMany, grouped: true}
	keys := []string{"k0", "k1", "dup-2", "k3", "k4"}
	duplicate := make(map[string]bool)
	var mu sync.Mutex
	var wg sync.WaitGroup
	submit := func(key string) {
		wg.Go(func() {
			dup, err := q.submit(t.Context(), submission(key))
			if err != nil {
				t.Errorf("submit %s: %v", key, err)
			}
			mu.Lock()
			duplicate[key] = dup
			mu.Unlock()
		})
	}

	submit("first")
	<-store.entered
	for _, k := range keys {
		submit(k)
	}
	for q.waitingCount() < len(keys) {
		time.Sleep(time.Millisecond)
	}
	close(store.hold)
	wg.Wait()

	if len(store.groups) != 2 {
		t.Fatalf("groups = %v, want the first submission alone, then the rest together", store.groups)
	}
	if diff := cmp.Diff([]string{"first"}, store.groups[0]); diff != "" {
		t.Errorf("first group (-want +got):\n%s", diff)
	}
	if got := len(store.groups[1]); got != len(keys) {
		t.Errorf("second group has %d submissions, want %d", got, len(keys))
	}
	want := map[string]bool{"first": false, "k0": false, "k1": false, "dup-2": true, "k3": false, "k4": false}
	if diff := cmp.Diff(want, duplicate); diff != "" {
		t.Errorf("duplicate (-want +got):\n%s", diff)
	}
	if q.busy {
		t.Error("the queue is still busy after every submission was stored")
	}
}

func TestSubmitQueueGroupSizeLimit(t *testing.T) {
	store := &fakeGroupStore{hold: make(chan struct{}), entered: make(chan struct{})}
	q := &submitQueue{storeMany: store.storeMany, grouped: true}
	var wg sync.WaitGroup
	wg.Go(func() { q.submit(t.Context(), submission("first")) })
	<-store.entered
	total := maxGroupSize + 10
	for range total {
		wg.Go(func() { q.submit(t.Context(), submission("k")) })
	}
	for q.waitingCount() < total {
		time.Sleep(time.Millisecond)
	}
	close(store.hold)
	wg.Wait()

	var sizes []int
	for _, g := range store.groups {
		sizes = append(sizes, len(g))
	}
	if diff := cmp.Diff([]int{1, maxGroupSize, 10}, sizes); diff != "" {
		t.Errorf("group sizes (-want +got):\n%s", diff)
	}
}

func TestSubmitQueueSurvivesPanic(t *testing.T) {
	calls := 0
	q := &submitQueue{grouped: true, storeMany: func(_ context.Context, subs []sqlstore.Submission) []sqlstore.SubmitResult {
		calls++
		if calls == 1 {
			panic("database driver bug")
		}
		return make([]sqlstore.SubmitResult, len(subs))
	}}

	_, err := q.submit(t.Context(), submission("a"))
	if err == nil || !strings.Contains(err.Error(), "database driver bug") {
		t.Errorf("submit during a panic returned %v, want an error naming the panic", err)
	}
	if _, err := q.submit(t.Context(), submission("b")); err != nil {
		t.Errorf("submit after a panic: %v", err)
	}
}

func TestSubmitQueueUngrouped(t *testing.T) {
	var stored []string
	q := &submitQueue{storeOne: func(_ context.Context, sub sqlstore.Submission) (bool, error) {
		stored = append(stored, sub.Key)
		return sub.Key == "dup", nil
	}}
	for _, key := range []string{"a", "dup"} {
		dup, err := q.submit(t.Context(), submission(key))
		if err != nil {
			t.Fatal(err)
		}
		if dup != (key == "dup") {
			t.Errorf("submit %s: duplicate = %v", key, dup)
		}
	}
	if diff := cmp.Diff([]string{"a", "dup"}, stored); diff != "" {
		t.Errorf("stored one at a time (-want +got):\n%s", diff)
	}
}
