// reflect's conversions: Value.Convert, CanConvert and Type.ConvertibleTo between integer
// kinds (wrapping), floats (float32 rounding, truncation toward zero), complex numbers, an
// integer to its rune's string, strings to and from byte and rune slices, named and
// unnamed types of one underlying type, pointers to them, interfaces, and the panic of one
// Go does not allow.
package main

import (
	"fmt"
	"reflect"
)

type Celsius float64
type Label string
type Point struct{ X, Y int }
type Pair struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

func main() {
	to := func(x any, t any) {
		v := reflect.ValueOf(x)
		tt := reflect.TypeOf(t)
		c := v.Convert(tt)
		fmt.Printf("%T %v -> %v %v (%v)\n", x, x, c.Type(), c.Interface(), v.CanConvert(tt))
	}
	to(300, int8(0))
	to(-1, uint16(0))
	to(uint64(1<<63), int64(0))
	to(3.99, int(0))
	to(-3.99, int(0))
	to(1.1, float32(0))
	to(int64(-7), float64(0))
	to(uint8(200), float32(0))
	to(complex(1.1, 2.2), complex64(0))
	to(65, "")
	to(-1, "")
	to(int64(0x1F600), "")
	to("héllo", []byte(nil))
	to("héllo", []rune(nil))
	to([]byte("abc"), "")
	to([]rune{'x', 'é'}, "")
	to(21.5, Celsius(0))
	to(Celsius(-4), 0.0)
	to("name", Label(""))
	to(Point{1, 2}, Pair{})
	to(Pair{3, 4}, Point{})
	p := &Point{5, 6}
	q := reflect.ValueOf(p).Convert(reflect.TypeOf((*Pair)(nil)))
	fmt.Println(q.Type(), q.Elem().Field(0), q.Interface().(*Pair) == (*Pair)(nil))
	s := reflect.ValueOf(Point{7, 8}).Convert(reflect.TypeOf((*fmt.Stringer)(nil)).Elem())
	fmt.Println(s.Type(), s.Kind(), s.Elem().Type(), s.Interface())
	tint, tstr := reflect.TypeOf(0), reflect.TypeOf("")
	fmt.Println(tint.ConvertibleTo(tstr), tstr.ConvertibleTo(tint), reflect.TypeOf(Point{}).ConvertibleTo(reflect.TypeOf(Pair{})),
		reflect.TypeOf(Point{}).ConvertibleTo(tint), reflect.TypeOf([]byte{}).ConvertibleTo(tstr), reflect.TypeOf([]int{}).ConvertibleTo(tstr))
	fmt.Println(reflect.ValueOf("x").CanConvert(tint), reflect.ValueOf(1.5).CanConvert(tint))
	defer func() { fmt.Println(recover()) }()
	reflect.ValueOf("x").Convert(tint)
}
