//go:build go1.21

package main

import "fmt"

// A file built with `//go:build go1.21` keeps Go 1.21's loop variables, one per loop.
func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * i })
	}
	for _, f := range fs {
		fmt.Println(f())
	}
	m := map[string]*string{}
	for _, k := range []string{"x", "y"} {
		m[k] = &k
	}
	fmt.Println(*m["x"], *m["y"])
}
