// What fmt prints for methods that panic (what a Format method wrote stays; a panic(nil)
// prints nothing), and %w of operands that are not errors (a basic type's leaves the wrapped
// error alone, a []byte's prints element by element).
package main

import (
	"errors"
	"fmt"
)

type FMP struct{ V int }

func (m *FMP) Format(f fmt.State, verb rune) {
	f.Write([]byte("FMP:"))
	fmt.Fprintf(f, "%d", m.V)
}

type Partial struct{}

func (Partial) Format(f fmt.State, c rune) {
	f.Write([]byte("partial"))
	panic("fmpanic")
}

type NilPanic struct{}

func (NilPanic) String() string { panic(nil) }

type NilPanicErr struct{}

func (NilPanicErr) Error() string { panic(nil) }

type Code int

func main() {
	fmt.Printf("[%v] [%d]\n", (*FMP)(nil), []*FMP{{1}, nil})
	fmt.Printf("[%v] [%s] [%x]\n", Partial{}, []Partial{{}}, map[string]Partial{"k": {}})
	fmt.Printf("[%v] [%s] [%d]\n", NilPanic{}, []NilPanic{{}}, NilPanic{})
	fmt.Printf("[%v]\n", NilPanicErr{})
	fmt.Println(NilPanic{}, "after")

	base := errors.New("base")
	for _, e := range []error{
		fmt.Errorf("%w|%w", base, 1),
		fmt.Errorf("%w|%w", "s", base),
		fmt.Errorf("%w: %w", 2.5, base),
		fmt.Errorf("%w %w", Code(3), base),
		fmt.Errorf("%w %w", base, base),
		fmt.Errorf("x%w|%-6w", []byte("b"), []byte{7}),
	} {
		fmt.Printf("%v|%T|%v\n", e, e, errors.Unwrap(e))
	}
	fmt.Printf("%w|%w\n", []byte("hi"), true)
}
