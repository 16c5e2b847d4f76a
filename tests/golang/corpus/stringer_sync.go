// String and Error methods that take a lock, wait on a WaitGroup with nothing to wait for
// or run a Once: fmt calls them as any other code does.
package main

import (
	"errors"
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Inc() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
}

func (c *Counter) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return fmt.Sprintf("Counter(%d)", c.n)
}

type Table struct {
	mu   sync.RWMutex
	rows []string
}

func (t *Table) String() string {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return fmt.Sprint(t.rows)
}

type Lazy struct {
	once sync.Once
	wg   sync.WaitGroup
	text string
}

func (l *Lazy) String() string {
	l.once.Do(func() { l.text = "made once" })
	l.wg.Wait()
	return l.text
}

type OpError struct {
	mu sync.Mutex
	op string
}

func (e *OpError) Error() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return "op " + e.op + " failed"
}

func main() {
	c := &Counter{}
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc()
		}()
	}
	wg.Wait()
	fmt.Println(c)
	fmt.Printf("%v %s\n", c, c)
	t := &Table{rows: []string{"a", "b"}}
	fmt.Println(t, fmt.Sprint(t))
	l := &Lazy{}
	fmt.Println(l, l)
	err := fmt.Errorf("wrapped: %w", &OpError{op: "read"})
	fmt.Println(err)
	var target *OpError
	fmt.Println(errors.As(err, &target), target)
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	panic(&OpError{op: "write"})
}
