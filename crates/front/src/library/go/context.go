// Package context carries cancellation, deadlines and values across goroutines, as Go's does:
// a cancelled context closes its Done channel and cancels its children; a deadline is a
// timer (time.AfterFunc) that cancels with DeadlineExceeded. Every channel, mutex and timer
// here is the runtime's own, so the timeline shows what Go's context does.
package context

import (
	"errors"
	"sync"
	"time"
)

// A Context carries a deadline, a cancellation signal, and other values across API
// boundaries.
type Context interface {
	Deadline() (deadline time.Time, ok bool)
	Done() <-chan struct{}
	Err() error
	Value(key any) any
}

// A CancelFunc tells an operation to abandon its work.
type CancelFunc func()

// A CancelCauseFunc behaves like a CancelFunc but additionally sets the cancellation cause.
type CancelCauseFunc func(cause error)

// Canceled is the error returned by Context.Err when the context is canceled.
var Canceled = errors.New("context canceled")

// DeadlineExceeded is the error returned by Context.Err when the context's deadline passes.
var DeadlineExceeded error = deadlineExceededError{}

type deadlineExceededError struct{}

func (deadlineExceededError) Error() string   { return "context deadline exceeded" }
func (deadlineExceededError) Timeout() bool   { return true }
func (deadlineExceededError) Temporary() bool { return true }

// emptyCtx is Background and TODO: never canceled, no values, no deadline.
type emptyCtx struct{ name string }

func (*emptyCtx) Deadline() (deadline time.Time, ok bool) { return }
func (*emptyCtx) Done() <-chan struct{}                   { return nil }
func (*emptyCtx) Err() error                              { return nil }
func (*emptyCtx) Value(key any) any                       { return nil }
func (e *emptyCtx) String() string                        { return e.name }

var (
	background = &emptyCtx{"context.Background"}
	todo       = &emptyCtx{"context.TODO"}
)

// Background returns a non-nil, empty Context. It is never canceled.
func Background() Context { return background }

// TODO returns a non-nil, empty Context, for code that does not know which one to use yet.
func TODO() Context { return todo }

// cancelCtxKey is the key a cancelCtx returns itself for (finding the nearest cancelCtx
// parent through value contexts).
var cancelCtxKey int

// A cancelCtx can be canceled; canceling it cancels its children.
type cancelCtx struct {
	Context // the parent

	mu       sync.Mutex
	done     chan struct{}
	children map[*cancelCtx]bool
	err      error
	cause    error
	// deadline and timer, for a context with a deadline.
	deadline    time.Time
	hasDeadline bool
	timer       *time.Timer
}

func (c *cancelCtx) Value(key any) any {
	if key == &cancelCtxKey {
		return c
	}
	return c.Context.Value(key)
}

func (c *cancelCtx) Done() <-chan struct{} { return c.done }

func (c *cancelCtx) Err() error {
	c.mu.Lock()
	err := c.err
	c.mu.Unlock()
	return err
}

func (c *cancelCtx) Deadline() (deadline time.Time, ok bool) {
	if c.hasDeadline {
		return c.deadline, true
	}
	return c.Context.Deadline()
}

func (c *cancelCtx) String() string {
	if c.hasDeadline {
		return contextName(c.Context) + ".WithDeadline(" + c.deadline.String() +
			" [" + time.Until(c.deadline).String() + "])"
	}
	return contextName(c.Context) + ".WithCancel"
}

type stringer interface {
	String() string
}

// contextName is c's String, or the name of its type.
func contextName(c Context) string {
	if s, ok := c.(stringer); ok {
		return s.String()
	}
	return typeString(c)
}

// typeString returns the name of v's dynamic type.
func typeString(v any) string

// stringify is v's String, or v if it is a string.
func stringify(v any) string {
	switch s := v.(type) {
	case stringer:
		return s.String()
	case string:
		return s
	}
	return "<not Stringer>"
}

// cancel closes c's done channel, cancels its children and, if removeFromParent, removes c
// from its parent's children.
func (c *cancelCtx) cancel(removeFromParent bool, err, cause error) {
	if cause == nil {
		cause = err
	}
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return // already canceled
	}
	c.err = err
	c.cause = cause
	close(c.done)
	children := c.children
	c.children = nil
	if c.timer != nil {
		c.timer.Stop()
		c.timer = nil
	}
	c.mu.Unlock()
	for child := range children {
		child.cancel(false, err, cause)
	}
	if removeFromParent {
		if p, ok := parentCancelCtx(c.Context); ok {
			p.mu.Lock()
			if p.children != nil {
				delete(p.children, c)
			}
			p.mu.Unlock()
		}
	}
}

// parentCancelCtx returns the nearest cancelCtx of parent, if its Done is that one's.
func parentCancelCtx(parent Context) (*cancelCtx, bool) {
	done := parent.Done()
	if done == nil {
		return nil, false
	}
	p, ok := parent.Value(&cancelCtxKey).(*cancelCtx)
	if !ok || p.done != done {
		return nil, false
	}
	return p, true
}

// newCancelCtx makes a child of parent that is canceled when parent is.
func newCancelCtx(parent Context) *cancelCtx {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	c := &cancelCtx{Context: parent, done: make(chan struct{})}
	done := parent.Done()
	if done == nil {
		return c // the parent is never canceled
	}
	select {
	case <-done:
		c.cancel(false, parent.Err(), Cause(parent))
		return c
	default:
	}
	if p, ok := parentCancelCtx(parent); ok {
		p.mu.Lock()
		if p.err != nil {
			p.mu.Unlock()
			c.cancel(false, p.err, p.cause)
			return c
		}
		if p.children == nil {
			p.children = make(map[*cancelCtx]bool)
		}
		p.children[c] = true
		p.mu.Unlock()
		return c
	}
	// A parent of another kind: watch it.
	go func() {
		select {
		case <-done:
			c.cancel(false, parent.Err(), Cause(parent))
		case <-c.done:
		}
	}()
	return c
}

// WithCancel returns a copy of parent with a new Done channel, closed when cancel is called
// or when the parent's Done channel is closed, whichever happens first.
func WithCancel(parent Context) (ctx Context, cancel CancelFunc) {
	c := newCancelCtx(parent)
	return c, func() { c.cancel(true, Canceled, nil) }
}

// WithCancelCause behaves like WithCancel but returns a CancelCauseFunc.
func WithCancelCause(parent Context) (ctx Context, cancel CancelCauseFunc) {
	c := newCancelCtx(parent)
	return c, func(cause error) { c.cancel(true, Canceled, cause) }
}

// Cause returns a non-nil error explaining why c was canceled.
func Cause(c Context) error {
	if cc, ok := c.Value(&cancelCtxKey).(*cancelCtx); ok {
		cc.mu.Lock()
		cause := cc.cause
		cc.mu.Unlock()
		return cause
	}
	return c.Err()
}

// A timerCtx is a cancelCtx with a deadline (the type Go's %T names).
type timerCtx struct {
	*cancelCtx
}

// WithDeadline returns a copy of parent that is canceled with DeadlineExceeded at d.
func WithDeadline(parent Context, d time.Time) (Context, CancelFunc) {
	return WithDeadlineCause(parent, d, nil)
}

// WithDeadlineCause behaves like WithDeadline but also sets the cause when the deadline
// passes.
func WithDeadlineCause(parent Context, d time.Time, cause error) (Context, CancelFunc) {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	if cur, ok := parent.Deadline(); ok && cur.Before(d) {
		// The parent's deadline is earlier already.
		return WithCancel(parent)
	}
	c := newCancelCtx(parent)
	c.deadline = d
	c.hasDeadline = true
	dur := time.Until(d)
	if dur <= 0 {
		c.cancel(true, DeadlineExceeded, cause)
		return &timerCtx{c}, func() { c.cancel(false, Canceled, nil) }
	}
	c.mu.Lock()
	if c.err == nil {
		c.timer = time.AfterFunc(dur, func() {
			c.cancel(true, DeadlineExceeded, cause)
		})
	}
	c.mu.Unlock()
	return &timerCtx{c}, func() { c.cancel(true, Canceled, nil) }
}

// WithTimeout returns WithDeadline(parent, time.Now().Add(timeout)).
func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc) {
	return WithDeadline(parent, time.Now().Add(timeout))
}

// WithTimeoutCause behaves like WithTimeout but also sets the cause when the timeout
// expires.
func WithTimeoutCause(parent Context, timeout time.Duration, cause error) (Context, CancelFunc) {
	return WithDeadlineCause(parent, time.Now().Add(timeout), cause)
}

type valueCtx struct {
	Context
	key, val any
}

func (c *valueCtx) String() string {
	return contextName(c.Context) + ".WithValue(type " + typeString(c.key) +
		", val " + stringify(c.val) + ")"
}

func (c *valueCtx) Value(key any) any {
	if c.key == key {
		return c.val
	}
	return c.Context.Value(key)
}

// WithValue returns a copy of parent in which the value associated with key is val.
func WithValue(parent Context, key, val any) Context {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	if key == nil {
		panic("nil key")
	}
	if !isComparable(key) {
		panic("key is not comparable")
	}
	return &valueCtx{parent, key, val}
}

// isComparable reports whether v's dynamic type supports ==.
func isComparable(v any) bool

type withoutCancelCtx struct{ c Context }

func (withoutCancelCtx) Deadline() (deadline time.Time, ok bool) { return }
func (withoutCancelCtx) Done() <-chan struct{}                   { return nil }
func (withoutCancelCtx) Err() error                              { return nil }
func (c withoutCancelCtx) Value(key any) any                     { return c.c.Value(key) }

// WithoutCancel returns a copy of parent that is not canceled when parent is.
func WithoutCancel(parent Context) Context {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	return withoutCancelCtx{parent}
}

// AfterFunc arranges to call f in its own goroutine after ctx is done. Calling stop stops
// that; it returns true if it did.
func AfterFunc(ctx Context, f func()) (stop func() bool) {
	stopped := make(chan struct{})
	var mu sync.Mutex
	state := 0 // 0 waiting, 1 ran, 2 stopped
	go func() {
		select {
		case <-ctx.Done():
			mu.Lock()
			if state == 0 {
				state = 1
				mu.Unlock()
				f()
				return
			}
			mu.Unlock()
		case <-stopped:
		}
	}()
	return func() bool {
		mu.Lock()
		defer mu.Unlock()
		if state != 0 {
			return false
		}
		state = 2
		close(stopped)
		return true
	}
}
