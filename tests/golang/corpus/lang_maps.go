package main

import (
	"fmt"
	"sort"
)

func main() {
	m := map[string]int{"b": 2, "a": 1}
	m["c"] = 3
	m["a"] += 10
	fmt.Println(len(m), m)
	v, ok := m["a"]
	fmt.Println(v, ok)
	v, ok = m["zz"]
	fmt.Println(v, ok)
	fmt.Println(m["missing"])
	delete(m, "b")
	delete(m, "nope")
	fmt.Println(len(m), m)
	keys := make([]string, 0, len(m))
	sum := 0
	for k, v := range m {
		keys = append(keys, k)
		sum += v
	}
	sort.Strings(keys)
	fmt.Println(keys, sum)

	counts := make(map[rune]int)
	for _, r := range "mississippi" {
		counts[r]++
	}
	fmt.Println(counts)
	var nm map[string]bool
	fmt.Println(nm["x"], len(nm), nm == nil)
	for range nm {
		fmt.Println("never")
	}
	delete(nm, "x")

	nested := map[string][]int{}
	nested["a"] = append(nested["a"], 1, 2)
	nested["b"] = append(nested["b"], 3)
	fmt.Println(nested)
	mm := map[int]map[string]int{1: {"x": 1}}
	mm[1]["y"] = 2
	fmt.Println(mm)
	alias := m
	alias["z"] = 26
	fmt.Println(m["z"], len(m))
	fm := map[float64]string{2.5: "a", -1: "b", 10: "c"}
	fmt.Println(fm)
	bm := map[bool]int{true: 1, false: 0}
	fmt.Println(bm)
	// Deleting during iteration is allowed.
	for k := range m {
		delete(m, k)
	}
	fmt.Println(len(m), m)
}
