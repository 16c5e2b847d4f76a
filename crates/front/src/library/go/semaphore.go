// Package semaphore provides a weighted semaphore implementation
// (golang.org/x/sync/semaphore), written on the runtime's Mutex and channels as the original
// is: waiters queue in order and are woken by closing their channel.
package semaphore

import (
	"context"
	"sync"
)

type waiter struct {
	n     int64
	ready chan struct{} // closed when the semaphore is acquired
}

// Weighted provides a way to bound concurrent access to a resource.
type Weighted struct {
	size    int64
	cur     int64
	mu      sync.Mutex
	waiters []*waiter
}

// NewWeighted creates a new weighted semaphore with the given maximum combined weight for
// concurrent access.
func NewWeighted(n int64) *Weighted {
	return &Weighted{size: n}
}

// Acquire acquires the semaphore with a weight of n, blocking until resources are available
// or ctx is done. On success, returns nil. On failure, returns ctx.Err() and leaves the
// semaphore unchanged. If ctx is already done, Acquire may still succeed without blocking.
func (s *Weighted) Acquire(ctx context.Context, n int64) error {
	// As the golang.org/x/sync this follows (Debian's golang-golang-x-sync-dev): a context
	// already done does not stop an acquisition that need not wait (later versions refuse it).
	s.mu.Lock()
	if s.size-s.cur >= n && len(s.waiters) == 0 {
		s.cur += n
		s.mu.Unlock()
		return nil
	}
	if n > s.size {
		// Don't make other Acquire calls block on one that's doomed to fail.
		s.mu.Unlock()
		<-ctx.Done()
		return ctx.Err()
	}
	ready := make(chan struct{})
	w := &waiter{n: n, ready: ready}
	s.waiters = append(s.waiters, w)
	s.mu.Unlock()

	select {
	case <-ctx.Done():
		err := ctx.Err()
		s.mu.Lock()
		select {
		case <-ready:
			// Acquired the semaphore after we were canceled: keep it, as if the cancelation
			// came later.
			err = nil
		default:
			isFront := len(s.waiters) > 0 && s.waiters[0] == w
			for i, x := range s.waiters {
				if x == w {
					s.waiters = append(s.waiters[:i], s.waiters[i+1:]...)
					break
				}
			}
			// If we're at the front and there are extra tokens left, notify other waiters.
			if isFront && s.size > s.cur {
				s.notifyWaiters()
			}
		}
		s.mu.Unlock()
		return err

	case <-ready:
		return nil
	}
}

// TryAcquire acquires the semaphore with a weight of n without blocking. On success, returns
// true. On failure, returns false and leaves the semaphore unchanged.
func (s *Weighted) TryAcquire(n int64) bool {
	s.mu.Lock()
	success := s.size-s.cur >= n && len(s.waiters) == 0
	if success {
		s.cur += n
	}
	s.mu.Unlock()
	return success
}

// Release releases the semaphore with a weight of n.
func (s *Weighted) Release(n int64) {
	s.mu.Lock()
	s.cur -= n
	if s.cur < 0 {
		s.mu.Unlock()
		panic("semaphore: released more than held")
	}
	s.notifyWaiters()
	s.mu.Unlock()
}

func (s *Weighted) notifyWaiters() {
	for len(s.waiters) > 0 {
		w := s.waiters[0]
		if s.size-s.cur < w.n {
			// Not enough tokens for the next waiter: wait, so that a large request is not
			// starved by small ones.
			break
		}
		s.cur += w.n
		s.waiters = s.waiters[1:]
		close(w.ready)
	}
}
