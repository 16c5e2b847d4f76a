package main

import (
	"fmt"
	"sort"
	"strings"
)

func main() {
	m := map[string]int{"b": 2, "a": 1, "c": 3, "d": 4}
	var keys []string
	var vals []int
	for k, v := range m {
		keys = append(keys, k)
		vals = append(vals, v)
	}
	sort.Strings(keys)
	sort.Ints(vals)
	fmt.Println(keys)
	fmt.Println(vals)
	xs := []string{"x", "y", "z"}
	for i := len(xs) - 1; i >= 0; i-- {
		fmt.Print(i, xs[i], " ")
	}
	fmt.Println()
	s := []int{1, 2, 3, 4, 5}
	for i := 0; i < len(s); i += 2 {
		end := 2
		if len(s[i:]) < end {
			end = len(s[i:])
		}
		c := s[i : i+end : i+end]
		fmt.Print(c, len(c), cap(c), " ")
	}
	fmt.Println()
	items := []string{"p", "q"}
	for i, s := range items {
		fmt.Println(i, s)
	}
	m2 := map[int]string{}
	for i, s := range items {
		m2[i] = s
	}
	fmt.Println(m2)
	m2[0] = "r"
	fmt.Println(len(m2), m2[0])
	fmt.Println(strings.ToUpper("great"))
	evens := []int{2, 4, 6}
	fmt.Println(evens, append([]int{0}, evens...))
	fmt.Println([]string{"a", "bb", "ccc"})
	fmt.Println(10)
}
