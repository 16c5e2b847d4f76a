// sync.Map's Go 1.20 and 1.23 methods: Swap, CompareAndSwap, CompareAndDelete and Clear,
// beside Load, Store, LoadOrStore and LoadAndDelete, with goroutines racing to claim keys
// through CompareAndSwap (each key is claimed exactly once).
package main

import (
	"fmt"
	"sort"
	"sync"
)

func dump(m *sync.Map) string {
	var entries []string
	m.Range(func(k, v any) bool {
		entries = append(entries, fmt.Sprint(k, "=", v))
		return true
	})
	sort.Strings(entries)
	return fmt.Sprint(entries)
}

func main() {
	var m sync.Map
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

	var claims sync.Map
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
