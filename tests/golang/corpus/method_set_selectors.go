// Which promoted methods a type's method set holds at run time, by Go's selector rule: the
// shallowest depth with the name wins, a field or a pointer method there hides deeper
// methods from a value, and a name found twice at one depth is in the set through neither.
package main

import (
	"fmt"
	"io"
	"reflect"
)

type A struct{}

func (A) String() string { return "A" }
func (A) Only() string   { return "only A" }

type B struct{}

func (B) String() string { return "B" }

// Both has two String methods at depth 1: fmt prints its fields.
type Both struct {
	A
	B
}

// Field hides A.String with a field.
type Field struct {
	A
	String int
}

type Rect struct{}

func (Rect) Name() string { return "rect" }

// Square declares Name on its pointer: a Square value has no Name at all.
type Square struct{ Rect }

func (*Square) Name() string { return "square" }

type Namer interface{ Name() string }

// Twice embeds A twice at depth 2, through two paths.
type Left struct{ A }
type Right struct{ A }
type Twice struct {
	Left
	Right
}

// Deeper is unambiguous: Outer.String at depth 1 hides the two at depth 2.
type Outer struct{}

func (Outer) String() string { return "outer" }

type Deeper struct {
	Outer
	Twice
}

type E1 struct{}

func (E1) Error() string { return "e1" }

type E2 struct{}

func (E2) Error() string { return "e2" }

type Errs struct {
	E1
	E2
	N int
}

type Readers struct {
	io.Reader
	io.ReadCloser
}

func main() {
	fmt.Println(Both{}, Field{String: 5}, Twice{}, Deeper{}, Errs{N: 3})
	fmt.Println(Left{}, &Both{})

	_, ok := any(Both{}).(fmt.Stringer)
	fmt.Println("Both is a Stringer:", ok)
	_, ok = any(Twice{}).(interface{ Only() string })
	fmt.Println("Twice has Only:", ok)
	_, ok = any(Deeper{}).(fmt.Stringer)
	fmt.Println("Deeper is a Stringer:", ok)
	_, ok = any(Errs{}).(error)
	fmt.Println("Errs is an error:", ok)

	_, ok = any(Square{}).(Namer)
	fmt.Println("Square is a Namer:", ok)
	n, ok := any(&Square{}).(Namer)
	fmt.Println("*Square is a Namer:", ok, n.Name())
	fmt.Println(Square{}.Rect.Name())

	_, ok = any(Readers{}).(io.Reader)
	_, closer := any(Readers{}).(io.Closer)
	fmt.Println("Readers is a Reader:", ok, "a Closer:", closer)

	for _, v := range []any{Both{}, Field{}, Square{}, &Square{}, Twice{}, Deeper{}, Readers{}} {
		t := reflect.TypeOf(v)
		names := []string{}
		for i := 0; i < t.NumMethod(); i++ {
			names = append(names, t.Method(i).Name)
		}
		fmt.Println(t, names)
	}
}
