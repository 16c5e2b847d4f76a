// Package semaphore declares golang.org/x/sync/semaphore as chanlab supports it: a
// Weighted semaphore is the runtime's object.
package semaphore

import "context"

// Weighted provides a way to bound concurrent access to a resource.
type Weighted struct {
	id int
}

// NewWeighted creates a new weighted semaphore with the given maximum combined weight.
func NewWeighted(n int64) *Weighted

// Acquire acquires the semaphore with a weight of n, blocking until resources are
// available or ctx is done.
func (s *Weighted) Acquire(ctx context.Context, n int64) error

// TryAcquire acquires the semaphore with a weight of n without blocking.
func (s *Weighted) TryAcquire(n int64) bool

// Release releases the semaphore with a weight of n.
func (s *Weighted) Release(n int64)
