// Declarations Go accepts that are easy to get wrong: methods declared on an alias are the
// aliased type's; an interface may declare a method it also embeds; and appends of elements
// of no size get exactly the capacity they need.
package main

import (
	"fmt"
	"io"
	"strings"
)

type Base struct{ id int }
type Alias = Base
type Chain = Alias

func (a Alias) Double() int { return a.id * 2 }
func (c *Chain) Bump()      { c.id++ }
func (b Base) String() string {
	return fmt.Sprintf("Base#%d", b.id)
}

type Closer interface{ Close() error }
type ReadCloser interface {
	Closer
	io.Reader
	Close() error
	Read(p []byte) (int, error)
}

type rc struct{ *strings.Reader }

func (rc) Close() error { return nil }

func main() {
	b := Base{3}
	b.Bump()
	fmt.Println(b.Double(), b, Alias{7}.Double())
	var d interface{ Double() int } = Chain{5}
	fmt.Println(d.Double())

	var r ReadCloser = rc{strings.NewReader("hello")}
	buf := make([]byte, 3)
	n, err := r.Read(buf)
	fmt.Println(n, err, string(buf), r.Close())

	var s []struct{}
	for i := 0; i < 6; i++ {
		s = append(s, struct{}{})
		fmt.Print(len(s), ":", cap(s), " ")
	}
	s = append(s, make([]struct{}, 100)...)
	fmt.Println(len(s), cap(s), cap(s[2:]), cap(s[:3]))
	var e [][0]int
	e = append(e, [0]int{}, [0]int{}, [0]int{})
	fmt.Println(len(e), cap(e))
}
