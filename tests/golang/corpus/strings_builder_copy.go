// A strings.Builder written to and then used through a copy panics, as Go's checks; Sscan
// into a value rather than a pointer reports it.
package main

import (
	"fmt"
	"strings"
)

func main() {
	var a strings.Builder
	b := a // a copy of a zero Builder is fine
	b.WriteString("b")
	a.WriteString("a")
	fmt.Println(a.String(), b.String())
	a.Reset()
	c := a
	c.WriteString("c")
	fmt.Println(c.String())
	var n int
	_, err := fmt.Sscan("12", n)
	fmt.Println(err)
	defer func() { fmt.Println("recovered:", recover()) }()
	d := c
	d.WriteByte('x')
	fmt.Println("not reached")
}
