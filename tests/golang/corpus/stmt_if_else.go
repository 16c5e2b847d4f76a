package main

import "fmt"

func lookup(k string) (int, bool) {
	m := map[string]int{"a": 1}
	v, ok := m[k]
	return v, ok
}

func main() {
	for _, k := range []string{"a", "b"} {
		if v, ok := lookup(k); ok {
			fmt.Println("found", v)
		} else if v == 0 {
			fmt.Println("missing", k, v)
		} else {
			fmt.Println("unreachable")
		}
	}
	if x := 10; x > 5 {
		fmt.Println("big", x)
	}
	if n := len("abc"); n == 0 {
		fmt.Println("empty")
	} else if n < 3 {
		fmt.Println("short")
	} else {
		fmt.Println("long", n)
	}
}
