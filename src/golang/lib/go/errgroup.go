// Package errgroup declares golang.org/x/sync/errgroup as chanlab supports it: a Group is
// the runtime's object.
package errgroup

import "context"

// A Group is a collection of goroutines working on subtasks that are part of the same
// overall task.
type Group struct {
	id int
}

// WithContext returns a new Group and an associated Context derived from ctx, canceled
// when a function passed to Go returns a non-nil error or when Wait returns.
func WithContext(ctx context.Context) (*Group, context.Context)

// Go calls the given function in a new goroutine, blocking while the group is at its
// limit.
func (g *Group) Go(f func() error)

// TryGo calls the given function in a new goroutine only if the group is below its limit.
func (g *Group) TryGo(f func() error) bool

// Wait blocks until all function calls from the Go method have returned, then returns
// the first non-nil error (if any) from them.
func (g *Group) Wait() error

// SetLimit limits the number of active goroutines in this group to at most n (negative:
// no limit).
func (g *Group) SetLimit(n int)
