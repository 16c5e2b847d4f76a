// A map literal stores its constant entries first, then the others in order, as gc does:
// of two equal keys, the entry computed at run time wins over a constant one.
package main

import "fmt"

type P struct{ X, Y int }

var g = 42

func key(s string) string { fmt.Println("key", s); return s }

func main() {
	fmt.Println(map[[2]bool]int{[2]bool{false}: g, [2]bool{}: 2})
	fmt.Println(map[string]int{key("k"): 1, "k": 2, "j": 3, key("j"): 4})
	fmt.Println(map[P]string{{1, 2}: "static", {g - 41, 2}: "dynamic", P{X: 1, Y: 2}: "static again"})
	fmt.Println(map[interface{}]int{1: 1, g - 41: 2, "a": 3})
	fmt.Println(map[[1]P]int{{{1, 1}}: 1, {{g - 41, 1}}: 2})
	m := map[int][]int{1: {1}, g - 41: nil}
	fmt.Println(m, m[1] == nil)
}
