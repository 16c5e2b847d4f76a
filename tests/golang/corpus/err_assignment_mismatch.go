package main

import "fmt"

func one() int { return 1 }

func two() (int, error) { return 2, nil }

func main() {
	a, b := one()
	c := two()
	var d, e int = 1
	var f, g, h = two()
	m := map[string]int{}
	v, ok, extra := m["x"]
	fmt.Println(a, b, c, d, e, f, g, h, v, ok, extra)
}
