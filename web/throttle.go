package web

import (
	"sync"
	"time"
)

// Failed sign-ins are slowed down per email address: after freeFailures
// failures within failureWindow, each further attempt must wait, and the
// wait doubles with every failure up to maxLockout.
const (
	freeFailures  = 5
	failureWindow = 15 * time.Minute
	baseLockout   = 30 * time.Second
	maxLockout    = 15 * time.Minute
	maxTracked    = 10000
)

// NOTE: the counts live in this process's memory, so they reset on restart
// and are not shared between several server processes.
type loginThrottle struct {
	mu       sync.Mutex
	failures map[string]*failureCount
}

type failureCount struct {
	count       int
	first       time.Time
	lockedUntil time.Time
}

func newLoginThrottle() *loginThrottle {
	return &loginThrottle{failures: make(map[string]*failureCount)}
}

// wait returns how long key must wait before its next attempt.
func (t *loginThrottle) wait(key string, now time.Time) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	f, ok := t.failures[key]
	if !ok || now.After(f.lockedUntil) {
		return 0
	}
	return f.lockedUntil.Sub(now)
}

// fail records a failed attempt for key.
func (t *loginThrottle) fail(key string, now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	f, ok := t.failures[key]
	if !ok || now.Sub(f.first) > failureWindow && now.After(f.lockedUntil) {
		if len(t.failures) >= maxTracked {
			t.prune(now)
		}
		f = &failureCount{first: now}
		t.failures[key] = f
	}
	f.count++
	if f.count >= freeFailures {
		lock := baseLockout << min(f.count-freeFailures, 10)
		f.lockedUntil = now.Add(min(lock, maxLockout))
	}
}

// succeed forgets key's failures.
func (t *loginThrottle) succeed(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.failures, key)
}

func (t *loginThrottle) prune(now time.Time) {
	for k, f := range t.failures {
		if now.Sub(f.first) > failureWindow && now.After(f.lockedUntil) {
			delete(t.failures, k)
		}
	}
}
