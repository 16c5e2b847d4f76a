// Package sync declares chanlab's sync package. Mutexes, wait groups, conditions and Once
// are the runtime's objects: each struct holds the handle of its runtime object (0 until the
// first method call creates it), so their zero values are ready to use as in Go.
package sync

// A Locker represents an object that can be locked and unlocked.
type Locker interface {
	Lock()
	Unlock()
}

// A Mutex is a mutual exclusion lock.
type Mutex struct {
	id int
}

func (m *Mutex) Lock()
func (m *Mutex) Unlock()
func (m *Mutex) TryLock() bool

// semacquire is Lock where Go's RWMutex waits on a semaphore of its own: a goroutine
// waiting in it shows Go's frame of that wait (runtime_SemacquireMutex) and no Mutex frames.
func (m *Mutex) semacquire()

// A RWMutex is a reader/writer mutual exclusion lock: any number of readers or one writer.
// A writer waiting for the readers to leave keeps new readers out, as Go's does. Every wait
// is on a Mutex, so a waiting goroutine is blocked on sync ([semacquire]), as in Go.
type RWMutex struct {
	w        Mutex // held by a writer, and briefly by a reader entering
	r        Mutex // guards readers and draining
	writer   bool  // a writer holds it
	readers  int
	draining bool  // a writer waits for the readers to leave, holding drain
	drain    Mutex // unlocked by the last reader to leave while a writer waits
}

func (rw *RWMutex) RLock() {
	rw.w.semacquire()
	rw.r.Lock()
	rw.readers++
	rw.r.Unlock()
	rw.w.Unlock()
}

func (rw *RWMutex) RUnlock() {
	rw.r.Lock()
	if rw.readers <= 0 {
		rw.r.Unlock()
		fatal("sync: RUnlock of unlocked RWMutex")
	}
	rw.readers--
	if rw.readers == 0 && rw.draining {
		rw.draining = false
		rw.drain.Unlock()
	}
	rw.r.Unlock()
}

func (rw *RWMutex) Lock() {
	rw.w.Lock()
	rw.r.Lock()
	if rw.readers == 0 {
		rw.r.Unlock()
		rw.writer = true
		return
	}
	// drain is free: taken now, it is taken again once the last reader has given it back.
	rw.draining = true
	rw.drain.Lock()
	rw.r.Unlock()
	rw.drain.semacquire()
	rw.drain.Unlock()
	rw.writer = true
}

func (rw *RWMutex) Unlock() {
	if !rw.writer {
		fatal("sync: Unlock of unlocked RWMutex")
	}
	rw.writer = false
	rw.w.Unlock()
}

func (rw *RWMutex) TryLock() bool {
	if !rw.w.TryLock() {
		return false
	}
	rw.r.Lock()
	defer rw.r.Unlock()
	if rw.readers > 0 {
		rw.w.Unlock()
		return false
	}
	rw.writer = true
	return true
}

func (rw *RWMutex) TryRLock() bool {
	if !rw.w.TryLock() {
		return false
	}
	rw.r.Lock()
	rw.readers++
	rw.r.Unlock()
	rw.w.Unlock()
	return true
}

// fatal ends the program with Go's unrecoverable `fatal error: msg`.
func fatal(msg string)

// RLocker returns a Locker that locks and unlocks rw for reading.
func (rw *RWMutex) RLocker() Locker {
	return (*rlocker)(rw)
}

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }

// A WaitGroup waits for a collection of goroutines to finish.
type WaitGroup struct {
	id int
}

func (wg *WaitGroup) Add(delta int)
func (wg *WaitGroup) Done()
func (wg *WaitGroup) Wait()

// Go calls f in a new goroutine and adds that task to the WaitGroup.
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

// Once is an object that will perform exactly one action.
type Once struct {
	done uint32 // 1 once f has returned (Go's fields, in Go's order, as fmt prints them)
	m    Mutex
}

// Do calls f if and only if Do is being called for the first time for this Once; other
// callers wait until f has returned.
func (o *Once) Do(f func()) {
	if o.done == 1 {
		return
	}
	o.m.Lock()
	defer o.m.Unlock()
	if o.done == 0 {
		// Done even if f panics: later calls return without calling it.
		defer func() { o.done = 1 }()
		f()
	}
}

// OnceFunc returns a function that invokes f only once. If f panics, the returned function
// panics with the same value on every call.
func OnceFunc(f func()) func() {
	g := OnceValue(func() struct{} {
		f()
		return struct{}{}
	})
	return func() { g() }
}

// OnceValue returns a function that invokes f only once and returns the value returned by
// f. If f panics, the returned function panics with the same value on every call.
func OnceValue[T any](f func() T) func() T {
	var (
		once   Once
		valid  bool
		p      any
		result T
	)
	g := func() {
		defer func() {
			p = recover()
			if !valid {
				panic(p)
			}
		}()
		result = f()
		f = nil
		valid = true
	}
	return func() T {
		once.Do(g)
		if !valid {
			panic(p)
		}
		return result
	}
}

// OnceValues returns a function that invokes f only once and returns the values returned
// by f. If f panics, the returned function panics with the same value on every call.
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	g := OnceValue(func() pair[T1, T2] {
		a, b := f()
		return pair[T1, T2]{a, b}
	})
	return func() (T1, T2) {
		r := g()
		return r.a, r.b
	}
}

// pair holds OnceValues's two results.
type pair[T1, T2 any] struct {
	a T1
	b T2
}

// Cond implements a condition variable, a rendezvous point for goroutines waiting for or
// announcing the occurrence of an event.
type Cond struct {
	// L is held while observing or changing the condition.
	L      Locker
	notify int
}

// NewCond returns a new Cond with Locker l.
func NewCond(l Locker) *Cond {
	return &Cond{L: l}
}

// Wait atomically unlocks c.L and suspends the goroutine until Signal or Broadcast wakes
// it; it locks c.L again before returning. Its ticket, taken before the unlock, keeps a
// signal sent between the unlock and the wait.
func (c *Cond) Wait() {
	t := c.ticket()
	c.L.Unlock()
	c.wait(t)
	c.L.Lock()
}

// Signal wakes one goroutine waiting on c, if there is any.
func (c *Cond) Signal()

// Broadcast wakes all goroutines waiting on c.
func (c *Cond) Broadcast()

func (c *Cond) ticket() uint32
func (c *Cond) wait(t uint32)

// Map is a map safe for concurrent use by multiple goroutines.
type Map struct {
	mu Mutex
	m  map[any]any
}

func (m *Map) Load(key any) (value any, ok bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	value, ok = m.m[key]
	return
}

func (m *Map) Store(key, value any) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
}

func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; ok {
		return v, true
	}
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
	return value, false
}

func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	value, loaded = m.m[key]
	delete(m.m, key)
	return
}

func (m *Map) Delete(key any) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.m, key)
}

func (m *Map) Swap(key, value any) (previous any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil {
		m.m = make(map[any]any)
	}
	previous, loaded = m.m[key]
	m.m[key] = value
	return
}

// CompareAndSwap swaps the old and new values for key if the value stored in the map is
// equal to old (which must be of a comparable type).
func (m *Map) CompareAndSwap(key, old, new any) (swapped bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; ok && v == old {
		m.m[key] = new
		return true
	}
	return false
}

// CompareAndDelete deletes the entry for key if its value is equal to old.
func (m *Map) CompareAndDelete(key, old any) (deleted bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; ok && v == old {
		delete(m.m, key)
		return true
	}
	return false
}

// Clear deletes all the entries.
func (m *Map) Clear() {
	m.mu.Lock()
	defer m.mu.Unlock()
	clear(m.m)
}

// Range calls f for each key and value in the map, until f returns false.
func (m *Map) Range(f func(key, value any) bool) {
	m.mu.Lock()
	keys := make([]any, 0, len(m.m))
	vals := make([]any, 0, len(m.m))
	for k, v := range m.m {
		keys = append(keys, k)
		vals = append(vals, v)
	}
	m.mu.Unlock()
	for i, k := range keys {
		if !f(k, vals[i]) {
			break
		}
	}
}

// A Pool is a set of temporary objects that may be individually saved and retrieved. It
// keeps them as Go's does on one processor: a private object, then the others, the newest
// first. (Go's collector empties pools; runtime.GC here does not.)
type Pool struct {
	private any
	shared  []any
	// New optionally specifies a function to generate a value when Get would otherwise
	// return nil.
	New func() any
}

func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	if p.private == nil {
		p.private = x
		return
	}
	p.shared = append(p.shared, x)
}

func (p *Pool) Get() any {
	x := p.private
	p.private = nil
	if x == nil {
		if n := len(p.shared); n > 0 {
			x = p.shared[n-1]
			p.shared[n-1] = nil
			p.shared = p.shared[:n-1]
		}
	}
	if x == nil && p.New != nil {
		x = p.New()
	}
	return x
}
