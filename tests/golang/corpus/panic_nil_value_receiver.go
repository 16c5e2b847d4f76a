// A value method called through an interface holding a nil pointer: Go's wrapper panics
// with `value method main.T.F called using nil *T pointer` (fixedbugs/issue19040.go), a
// runtime error, not a nil dereference.
package main

import (
	"fmt"
	"runtime"
)

type T int

func (t T) F() string { return fmt.Sprint("F of ", int(t)) }

type I interface{ F() string }

type point struct{ x, y int }

func (p point) String() string { return fmt.Sprint(p.x, ",", p.y) }

func main() {
	var t *T
	var i I = t
	func() {
		defer func() {
			err := recover().(error)
			_, isRuntime := err.(runtime.Error)
			fmt.Println(err, isRuntime)
		}()
		i.F()
	}()
	n := T(3)
	i = &n
	fmt.Println(i.F())
	// Through a slice, so that Go's compiler cannot call the method directly (it would
	// dereference the nil pointer itself).
	var p *point
	stringers := []fmt.Stringer{point{1, 2}, p}
	for _, s := range stringers {
		fmt.Println(s.String())
	}
}
