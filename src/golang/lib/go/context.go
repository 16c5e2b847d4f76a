// Package context declares chanlab's context package. The contexts that Background,
// WithCancel, WithTimeout… return are the runtime's, so cancellation and deadlines are the
// runtime's events; any type implementing Context may be a parent.
package context

import (
	"errors"
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

// ctx is a context of the runtime.
type ctx struct {
	id int
}

func (c *ctx) Deadline() (deadline time.Time, ok bool)
func (c *ctx) Done() <-chan struct{}
func (c *ctx) Err() error
func (c *ctx) Value(key any) any
func (c *ctx) String() string

// Background returns a non-nil, empty Context that is never canceled.
func Background() Context

// TODO returns a non-nil, empty Context.
func TODO() Context

func WithCancel(parent Context) (ctx Context, cancel CancelFunc)
func WithCancelCause(parent Context) (ctx Context, cancel CancelCauseFunc)
func WithDeadline(parent Context, d time.Time) (Context, CancelFunc)
func WithDeadlineCause(parent Context, d time.Time, cause error) (Context, CancelFunc)
func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc)
func WithTimeoutCause(parent Context, timeout time.Duration, cause error) (Context, CancelFunc)
func WithValue(parent Context, key, val any) Context
func WithoutCancel(parent Context) Context

// Cause returns a non-nil error explaining why c was canceled (nil if it was not).
func Cause(c Context) error

// AfterFunc arranges to call f in its own goroutine after ctx is done.
func AfterFunc(ctx Context, f func()) (stop func() bool)
