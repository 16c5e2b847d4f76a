// fmt's %#v calls a GoString method (a GoStringer), on values, pointers, fields, elements
// and map entries, padded by the width but not quoted; %v and %s still call String, and a
// GoString that panics prints Go's PANIC form.
package main

import "fmt"

type Color int

func (c Color) String() string   { return [...]string{"red", "green"}[c] }
func (c Color) GoString() string { return fmt.Sprintf("Color(%d)", int(c)) }

type Point struct{ X, Y int }

func (p *Point) GoString() string { return fmt.Sprintf("&Point{%d, %d}", p.X, p.Y) }

type Bad struct{}

func (Bad) GoString() string { panic("no Go syntax") }

type Box struct {
	C     Color
	P     *Point
	inner Color
}

func main() {
	c := Color(1)
	fmt.Printf("%v %s %#v %d\n", c, c, c, c)
	fmt.Printf("[%#12v] [%-12v] [%#-12v]\n", c, c, c)
	p := &Point{1, 2}
	fmt.Printf("%#v %v %+v\n", p, p, *p)
	fmt.Printf("%#v\n", []Color{0, 1})
	fmt.Printf("%#v\n", map[Color]*Point{0: p})
	fmt.Printf("%#v\n", Box{C: 1, P: p, inner: 0})
	fmt.Printf("%#v\n", Bad{})
	fmt.Printf("%#v %#v\n", []any{c, nil}, [2]Color{})
	fmt.Println(fmt.Sprintf("%#v", c) == c.GoString())
}
