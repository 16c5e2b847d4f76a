// Package signal gives a program the signals sent to it, as Go's: Notify relays them to
// channels, Ignore drops them, Reset and Stop undo both. In chanlab no signal comes from
// outside the program: it receives those it sends itself (syscall.Kill, os.Process.Signal),
// and a program that waits for one that never comes is reported as deadlocked, where Go's
// would wait until killed.
package signal

import (
	"context"
	"internal/signals"
	"os"
	"sync"
	"syscall"
)

// numSig is the number of signals (1 to 64 on linux/amd64).
const numSig = 65

// A handler is a channel Notify registered, and the signals it wants.
type handler struct {
	c    chan<- os.Signal
	want [numSig]bool
}

var (
	mu       sync.Mutex
	handlers []*handler
	ignored  [numSig]bool
)

func init() {
	signals.Notify = process
}

// process relays signal sig to the channels that want it (dropping it for one that is not
// ready, as Go's does), and reports whether the program handles it.
func process(sig int) bool {
	mu.Lock()
	defer mu.Unlock()
	if sig <= 0 || sig >= numSig {
		return false
	}
	if ignored[sig] {
		return true
	}
	handled := false
	for _, h := range handlers {
		if h.want[sig] {
			handled = true
			select {
			case h.c <- syscall.Signal(sig):
			default:
			}
		}
	}
	return handled
}

// signum is the number of signal s, or -1 for one chanlab does not know.
func signum(s os.Signal) int {
	if n, ok := s.(syscall.Signal); ok && n > 0 && int(n) < numSig {
		return int(n)
	}
	return -1
}

// each calls f for each of sigs' numbers, or for every signal when sigs is empty.
func each(sigs []os.Signal, f func(n int)) {
	if len(sigs) == 0 {
		for n := 1; n < numSig; n++ {
			f(n)
		}
		return
	}
	for _, s := range sigs {
		if n := signum(s); n >= 0 {
			f(n)
		}
	}
}

// Notify causes package signal to relay the signals sig (every signal when none is given)
// to c, without blocking: c should be buffered.
func Notify(c chan<- os.Signal, sig ...os.Signal) {
	if c == nil {
		panic("os/signal: Notify using nil channel")
	}
	mu.Lock()
	defer mu.Unlock()
	var h *handler
	for _, old := range handlers {
		if old.c == c {
			h = old
		}
	}
	if h == nil {
		h = &handler{c: c}
		handlers = append(handlers, h)
	}
	each(sig, func(n int) {
		h.want[n] = true
		ignored[n] = false
	})
}

// Stop causes package signal to stop relaying signals to c.
func Stop(c chan<- os.Signal) {
	mu.Lock()
	defer mu.Unlock()
	for i, h := range handlers {
		if h.c == c {
			handlers = append(handlers[:i:i], handlers[i+1:]...)
			return
		}
	}
}

// cancel stops relaying sigs (every signal when none is given) to any channel, and sets
// whether they are ignored.
func cancel(sigs []os.Signal, ignore bool) {
	mu.Lock()
	defer mu.Unlock()
	each(sigs, func(n int) {
		for _, h := range handlers {
			h.want[n] = false
		}
		ignored[n] = ignore
	})
}

// Ignore causes the signals sig (every signal when none is given) to be ignored.
func Ignore(sig ...os.Signal) { cancel(sig, true) }

// Ignored reports whether sig is ignored.
func Ignored(sig os.Signal) bool {
	mu.Lock()
	defer mu.Unlock()
	n := signum(sig)
	return n >= 0 && ignored[n]
}

// Reset undoes the effect of Notify and Ignore for the signals sig (every signal when none
// is given).
func Reset(sig ...os.Signal) { cancel(sig, false) }

// NotifyContext returns a copy of parent that is marked done (its Done channel closed) when
// one of the signals arrives, when stop is called, or when parent's Done channel is closed,
// whichever happens first. stop unregisters the signal behavior.
func NotifyContext(parent context.Context, signals ...os.Signal) (ctx context.Context, stop context.CancelFunc) {
	ctx, cancel := context.WithCancel(parent)
	c := &signalCtx{Context: ctx, cancel: cancel, signals: signals, ch: make(chan os.Signal, 1)}
	Notify(c.ch, c.signals...)
	if ctx.Err() == nil {
		go func() {
			select {
			case <-c.ch:
				c.cancel()
			case <-c.Done():
			}
		}()
	}
	return c, c.stop
}

type signalCtx struct {
	context.Context
	cancel  context.CancelFunc
	signals []os.Signal
	ch      chan os.Signal
}

func (c *signalCtx) stop() {
	c.cancel()
	Stop(c.ch)
}

// String names the context as Go's does: signal.NotifyContext(<parent>, [interrupt]).
func (c *signalCtx) String() string {
	name := c.Context.(interface{ String() string }).String()
	name = name[:len(name)-len(".WithCancel")]
	s := "signal.NotifyContext(" + name
	if len(c.signals) != 0 {
		s += ", ["
		for i, sig := range c.signals {
			if i > 0 {
				s += " "
			}
			s += sig.String()
		}
		s += "]"
	}
	return s + ")"
}
