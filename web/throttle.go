package web

import (
	"sync"
	"time"
)

// Sign-in attempts are slowed down per email address and client address
// together, so that someone guessing one person's password from one place
// is stopped without locking that person out everywhere. After
// freeFailures attempts within failureWindow that did not succeed, each
// further attempt must wait, and the wait doubles up to maxLockout.
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

// begin records an attempt for key before its password is checked, and
// returns how long key must wait when the attempt is refused. Counting
// before checking means that attempts sent at the same moment are limited
// too. A successful attempt is cleared again by succeed.
func (t *loginThrottle) begin(key string, now time.Time) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	f, ok := t.failures[key]
	if ok && now.Before(f.lockedUntil) {
		return f.lockedUntil.Sub(now)
	}
	if !ok || now.Sub(f.first) > failureWindow {
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
	return 0
}

// succeed forgets key's attempts.
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
