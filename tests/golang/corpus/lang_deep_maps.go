package main

import "fmt"

// Maps nested through interfaces far deeper than any stack, freed without recursing once per
// level; and a literal that reads the variable it is assigned to reads its old value.

type pair struct{ a, b int }

func main() {
	var m any = 0
	for i := 0; i < 300000; i++ {
		m = map[string]any{"next": m}
	}
	depth := 0
	for next, ok := m.(map[string]any); ok; next, ok = next["next"].(map[string]any) {
		depth++
	}
	fmt.Println(depth)
	m = nil

	var key any = 0
	for i := 0; i < 300000; i++ {
		key = [1]any{key}
	}
	seen := map[any]bool{key: true}
	fmt.Println(len(seen), seen[key])
	seen = nil

	// Printed, nested as deep as fmt goes before it marks a value nested too deep.
	var nest any = 0
	for i := 0; i < 40; i++ {
		nest = []any{map[int]any{i: nest}}
	}
	text := fmt.Sprint(nest)
	fmt.Println(len(text), text[:20])

	var a any = 1
	a = [2]any{a, a}
	fmt.Println(a)
	var v any = pair{1, 2}
	v = [1]any{v}
	fmt.Println(v)
	var e any = "old"
	e = map[string]any{"k": e}
	fmt.Println(e)
	var s any = 4
	s = []any{2: s}
	fmt.Println(s)
	var p any = 0
	p = &[1]any{p}
	fmt.Println(*p.(*[1]any))
	var n any = 3
	n = [1]any{n}[0]
	fmt.Println(n)
}
