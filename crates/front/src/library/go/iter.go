// Package iter declares the iterator types of Go 1.23: functions that a `for range` loop
// calls with its body as `yield`; and Pull and Pull2, which turn such an iterator into
// functions that give its values one at a time.
//
// Go runs a pulled iterator as a coroutine. Here it runs on a goroutine of its own, started
// at the first call of next (or stop), and the two sides take turns: a side gives the turn
// by sending on resume or paused and waits for the other to give it back, so only one runs
// at a time, as with a coroutine switch. An iterator left unfinished and not stopped leaves
// that goroutine waiting, as Go leaves its coroutine.
package iter

import "runtime"

// Seq is an iterator over sequences of individual values.
type Seq[V any] func(yield func(V) bool)

// Seq2 is an iterator over sequences of pairs of values.
type Seq2[K, V any] func(yield func(K, V) bool)

// goexitPanicValue marks an iterator that called runtime.Goexit: next and stop then call it
// too.
var goexitPanicValue any = new(int)

// puller is the state both sides of a pulled iterator share.
type puller struct {
	done       bool // the iterator has finished or been stopped
	yieldNext  bool // next is waiting for a value
	seqDone    bool // the iterator returned (it did not panic or call Goexit)
	started    bool
	panicValue any
	resume     chan struct{}
	paused     chan struct{}
}

func newPuller() *puller {
	return &puller{resume: make(chan struct{}), paused: make(chan struct{})}
}

// run runs the iterator, calling it through call, on the iterator's goroutine.
func (p *puller) run(call func()) {
	<-p.resume
	defer func() { p.paused <- struct{}{} }()
	if p.done {
		return
	}
	defer func() {
		if r := recover(); r != nil {
			p.panicValue = r
		} else if !p.seqDone {
			p.panicValue = goexitPanicValue
		}
		p.done = true
	}()
	call()
	p.seqDone = true
}

// yielded hands the turn back to next, the value being stored, and reports whether the
// iterator is to go on.
func (p *puller) yielded() bool {
	p.paused <- struct{}{}
	<-p.resume
	return !p.done
}

// canYield reports whether yield may store a value (false once stopped), and panics as Go
// does for a yield that next did not ask for.
func (p *puller) canYield() bool {
	if p.done {
		return false
	}
	if !p.yieldNext {
		panic("iter.Pull: yield called again before next")
	}
	p.yieldNext = false
	return true
}

// switchTo gives the turn to the iterator (starting it first) and waits for it back, then
// propagates a panic or Goexit of the iterator.
func (p *puller) switchTo(start func()) {
	if !p.started {
		p.started = true
		go start()
	}
	p.resume <- struct{}{}
	<-p.paused
	if p.panicValue != nil {
		if p.panicValue == goexitPanicValue {
			runtime.Goexit()
		}
		panic(p.panicValue)
	}
}

// next asks for the next value: false once the iterator is done.
func (p *puller) next(start func()) bool {
	if p.done {
		return false
	}
	if p.yieldNext {
		panic("iter.Pull: next called again reentrantly")
	}
	p.yieldNext = true
	p.switchTo(start)
	return true
}

// stop ends the iterator: its yield returns false.
func (p *puller) stop(start func()) {
	if !p.done {
		p.done = true
		p.switchTo(start)
	}
}

// Pull converts the "push-style" iterator sequence seq into a "pull-style" iterator
// accessed by the two functions next and stop.
func Pull[V any](seq Seq[V]) (next func() (V, bool), stop func()) {
	var (
		v  V
		ok bool
	)
	p := newPuller()
	start := func() {
		p.run(func() {
			seq(func(v1 V) bool {
				if !p.canYield() {
					return false
				}
				v, ok = v1, true
				return p.yielded()
			})
			var v0 V
			v, ok = v0, false
		})
	}
	next = func() (V, bool) {
		if !p.next(start) {
			var v0 V
			return v0, false
		}
		return v, ok
	}
	stop = func() { p.stop(start) }
	return next, stop
}

// Pull2 converts the "push-style" iterator sequence seq into a "pull-style" iterator
// accessed by the two functions next and stop.
func Pull2[K, V any](seq Seq2[K, V]) (next func() (K, V, bool), stop func()) {
	var (
		k  K
		v  V
		ok bool
	)
	p := newPuller()
	start := func() {
		p.run(func() {
			seq(func(k1 K, v1 V) bool {
				if !p.canYield() {
					return false
				}
				k, v, ok = k1, v1, true
				return p.yielded()
			})
			var k0 K
			var v0 V
			k, v, ok = k0, v0, false
		})
	}
	next = func() (K, V, bool) {
		if !p.next(start) {
			var k0 K
			var v0 V
			return k0, v0, false
		}
		return k, v, ok
	}
	stop = func() { p.stop(start) }
	return next, stop
}
