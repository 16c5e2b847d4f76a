// fmt.Formatter: a Format method formats its value for every verb in its place, seeing the
// verb's flags, width and precision through fmt.State; one in a slice, a map, a struct and
// an error (%w wraps it still), and one that panics, in Go's PANIC form.
package main

import (
	"errors"
	"fmt"
)

type Point struct{ X, Y int }

func (p Point) Format(f fmt.State, verb rune) {
	switch verb {
	case 'v':
		if f.Flag('+') {
			fmt.Fprintf(f, "Point{X: %d, Y: %d}", p.X, p.Y)
			return
		}
		if f.Flag('#') {
			fmt.Fprintf(f, "main.Point{%d, %d}", p.X, p.Y)
			return
		}
		fmt.Fprintf(f, "(%d, %d)", p.X, p.Y)
	case 'd':
		if w, ok := f.Width(); ok {
			fmt.Fprintf(f, "width %d ", w)
		}
		if p, ok := f.Precision(); ok {
			fmt.Fprintf(f, "precision %d ", p)
		}
		for _, c := range " +-#0" {
			fmt.Fprint(f, f.Flag(int(c)), " ")
		}
	default:
		fmt.Fprintf(f, "%%!%c(Point)", verb)
	}
}

type E struct{ msg string }

func (e *E) Error() string { return e.msg }
func (e *E) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('+') {
		fmt.Fprintf(f, "%s (with details)", e.msg)
		return
	}
	fmt.Fprint(f, e.msg)
}

type Boom struct{}

func (Boom) Format(fmt.State, rune) { panic("bad format") }

type Plain int

func main() {
	p := Point{1, 2}
	fmt.Println(p)
	fmt.Printf("%v|%+v|%#v|%s|%x\n", p, p, p, p, p)
	fmt.Printf("%-08.3d|%+ #5d|%d\n", p, p, p)
	fmt.Printf("%v %v\n", []Point{{1, 1}, {2, 2}}, map[string]Point{"a": {3, 4}})
	fmt.Printf("%v\n", struct{ P Point }{p})
	e := &E{"failed"}
	err := fmt.Errorf("wrap: %w", e)
	fmt.Printf("%v | %+v | %s\n", e, e, err)
	fmt.Println(errors.Unwrap(err) == e)
	fmt.Printf("%v %d\n", Boom{}, Boom{})
	fmt.Println(fmt.Sprint(p, Plain(3)), fmt.Sprintf("%6.2f", p))
}
