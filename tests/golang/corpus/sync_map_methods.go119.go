// Go 1.19 twin of sync_map_methods.go: Go 1.19's sync.Map has none of Swap,
// CompareAndSwap, CompareAndDelete and Clear, so this Map adds them over a mutex.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Map struct {
	mu sync.Mutex
	sync.Map
}

func (m *Map) Swap(k, v any) (any, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	prev, ok := m.Map.Load(k)
	m.Map.Store(k, v)
	return prev, ok
}

func (m *Map) CompareAndSwap(k, old, new any) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.Map.Load(k); ok && v == old {
		m.Map.Store(k, new)
		return true
	}
	return false
}

func (m *Map) CompareAndDelete(k, old any) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.Map.Load(k); ok && v == old {
		m.Map.Delete(k)
		return true
	}
	return false
}

func (m *Map) Clear() {
	m.Map.Range(func(k, _ any) bool {
		m.Map.Delete(k)
		return true
	})
}

func dump(m *Map) string {
	var entries []string
	m.Range(func(k, v any) bool {
		entries = append(entries, fmt.Sprint(k, "=", v))
		return true
	})
	sort.Strings(entries)
	return fmt.Sprint(entries)
}

func main() {
	var m Map
	m.Store("a", 1)
	prev, loaded := m.Swap("a", 2)
	fmt.Println(prev, loaded)
	prev, loaded = m.Swap("b", 3)
	fmt.Println(prev, loaded)
	fmt.Println(m.CompareAndSwap("a", 1, 10), m.CompareAndSwap("a", 2, 20), m.CompareAndSwap("zz", nil, 1))
	fmt.Println(m.CompareAndDelete("b", 4), m.CompareAndDelete("b", 3), m.CompareAndDelete("b", 3))
	actual, loaded := m.LoadOrStore("c", 5)
	fmt.Println(actual, loaded, dump(&m))
	v, ok := m.LoadAndDelete("c")
	fmt.Println(v, ok, dump(&m))
	m.Clear()
	_, ok = m.Load("a")
	fmt.Println(ok, dump(&m))

	var claims Map
	for k := 0; k < 5; k++ {
		claims.Store(k, "free")
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	won := map[int]int{}
	for w := 1; w <= 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for k := 0; k < 5; k++ {
				if claims.CompareAndSwap(k, "free", w) {
					mu.Lock()
					won[k]++
					mu.Unlock()
				}
			}
		}(w)
	}
	wg.Wait()
	fmt.Println(won)
	defer func() { fmt.Println("recovered:", recover()) }()
	claims.Store("slice", []int{1})
	claims.CompareAndSwap("slice", []int{1}, nil)
}
