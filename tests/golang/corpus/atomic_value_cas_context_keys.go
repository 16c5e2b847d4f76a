package main

import (
	"context"
	"fmt"
	"sync/atomic"
)

type pair struct{ a, b int }

type bag struct{ items []int }

type key struct{ name string }

// try runs f and says what it recovered from.
func try(name string, f func()) {
	defer func() {
		fmt.Printf("%s: %v\n", name, recover())
	}()
	f()
}

func main() {
	var v atomic.Value
	try("cas on empty, old nil", func() { fmt.Println(v.CompareAndSwap(nil, pair{1, 2})) })
	try("cas on empty, old set", func() { fmt.Println(atomicValue().CompareAndSwap(pair{1, 2}, pair{3, 4})) })
	try("cas hit", func() { fmt.Println(v.CompareAndSwap(pair{1, 2}, pair{3, 4}), v.Load()) })
	try("cas miss", func() { fmt.Println(v.CompareAndSwap(pair{1, 2}, pair{5, 6}), v.Load()) })
	try("cas nil new", func() { v.CompareAndSwap(pair{3, 4}, nil) })
	try("cas old of another type", func() { v.CompareAndSwap("x", pair{5, 6}) })
	try("cas new of another type", func() { v.CompareAndSwap(nil, "x") })
	var b atomic.Value
	b.Store(bag{[]int{1}})
	try("cas uncomparable", func() { b.CompareAndSwap(bag{[]int{1}}, bag{}) })

	ctx := context.Background()
	try("value with a struct key", func() {
		c := context.WithValue(ctx, key{"k"}, 1)
		fmt.Println(c.Value(key{"k"}), c.Value(key{"j"}))
	})
	try("value with a slice key", func() { context.WithValue(ctx, []int{1}, 1) })
	try("value with a map key", func() { context.WithValue(ctx, map[string]int{}, 1) })
	try("value with a nil key", func() { context.WithValue(ctx, nil, 1) })
}

func atomicValue() *atomic.Value { return new(atomic.Value) }
