// gc stops at the tenth error it finds and prints those ten sorted: "strings" is unused, but
// unused imports are found last, after ten errors in the bodies, so it is not reported; and
// the last line names the tenth error found.
package main

import (
	"fmt"
	"strings"
)

type T struct{ a int }

func f(x int) (int, error) {
	if x > 0 {
		return x, nil
	}
}

func main() {
	var ch <-chan int
	ch <- 1
	s := "a" + 1
	var t T
	t.b = 2
	y := f(1)
	for i := range 10.5 {
		_ = i
	}
	var u uint8 = 256
	z := []int{1,2}
	z.Len()
	fmt.Println(y, u, undefinedVar)
	if x := 3; x {
	}
	var i interface{ M() } = t
}
