// A map whose keys are interfaces of different dynamic types prints them as Go's fmt does:
// by type (the order Go's linker lays the type descriptors out in: by size, then by name),
// then by value.
package main

import (
	"fmt"
	"time"
)

type Alpha int
type Zed string
type S struct{ A int }
type S2 struct {
	A int
	B string
}
type M int

func (M) Foo() {}

type P struct{ X, Y int }

func (p P) String() string { return fmt.Sprintf("P(%d,%d)", p.X, p.Y) }

func main() {
	fmt.Println(map[interface{}]int{"a": 1, 2: 2, false: 3})
	fmt.Println(map[any]int{"a": 1, 2: 2, 1.5: 3, false: 4, "0": 5, 1: 6})

	m := map[interface{}]int{
		"a": 1, 2: 2, false: 3, 1.5: 4, int8(3): 5, uint(4): 6, Alpha(5): 7, Zed("z"): 8,
		S{1}: 9, S2{1, "x"}: 10, M(3): 11, P{1, 2}: 12, [1]int{1}: 13, [2]string{"a", "b"}: 14,
		time.Duration(5): 15, time.Month(3): 16, struct{}{}: 17, struct{ Q int }{1}: 18,
		complex(1, 2): 19, float32(2.5): 20, uintptr(7): 21, int64(8): 22, 'r': 23, byte(9): 24,
		true: 25, [0]int{}: 26, [3]int{}: 27, int16(-1): 28, uint32(1): 29,
	}
	fmt.Println(m)
	fmt.Printf("%v\n%+v\n", m, map[interface{}]string{Alpha(1): "alpha", 1: "int", "1": "string", S{1}: "s"})
}
