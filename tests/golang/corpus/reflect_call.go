// reflect's calls: Value.Call and CallSlice (variadic functions, interface parameters and
// results, several results), methods as bound function values (Value.Method and
// MethodByName, on values, pointers and interfaces), a Method's Func called with its
// receiver, function types' In, Out and IsVariadic, Type.FieldByName through embedded
// structs, AssignableTo, and the panics of a bad call.
package main

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
)

type Point struct{ X, Y int }

func (p Point) Add(q Point) Point  { return Point{p.X + q.X, p.Y + q.Y} }
func (p Point) String() string     { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }
func (p *Point) Scale(k int)       { p.X *= k; p.Y *= k }
func (p Point) Both() (int, error) { return p.X + p.Y, nil }

type Base struct{ ID int }

type Named struct {
	Base
	Name string
}

type Outer struct {
	*Named
	Extra bool
}

func sum(label string, xs ...int) string {
	t := 0
	for _, x := range xs {
		t += x
	}
	return fmt.Sprintf("%s=%d (%d values)", label, t, len(xs))
}

func divide(a, b int) (q int, err error) {
	if b == 0 {
		return 0, errors.New("division by zero")
	}
	return a / b, nil
}

func describe(x any, s fmt.Stringer) string {
	return fmt.Sprintf("%v/%s", x, s)
}

func try(name string, f func()) {
	defer func() {
		fmt.Printf("%s: %v\n", name, recover())
	}()
	f()
}

func main() {
	up := reflect.ValueOf(strings.ToUpper)
	out := up.Call([]reflect.Value{reflect.ValueOf("gopher")})
	fmt.Println(len(out), out[0].String(), out[0].Kind(), out[0].Type())

	s := reflect.ValueOf(sum)
	t := s.Type()
	fmt.Println(t, t.NumIn(), t.In(0), t.In(1), t.NumOut(), t.Out(0), t.IsVariadic())
	fmt.Println(s.Call([]reflect.Value{reflect.ValueOf("none")})[0])
	fmt.Println(s.Call([]reflect.Value{reflect.ValueOf("three"), reflect.ValueOf(1), reflect.ValueOf(2), reflect.ValueOf(3)})[0])
	fmt.Println(s.CallSlice([]reflect.Value{reflect.ValueOf("slice"), reflect.ValueOf([]int{4, 5})})[0])

	d := reflect.ValueOf(divide)
	for _, b := range []int{4, 0} {
		res := d.Call([]reflect.Value{reflect.ValueOf(12), reflect.ValueOf(b)})
		fmt.Println(res[0].Int(), res[1].IsNil(), res[1].Kind(), res[1].Type(), res[1].Interface())
	}

	desc := reflect.ValueOf(describe)
	fmt.Println(desc.Call([]reflect.Value{reflect.ValueOf(42), reflect.ValueOf(Point{1, 2})})[0])

	p := Point{3, 4}
	v := reflect.ValueOf(p)
	fmt.Println(v.NumMethod(), v.Type().NumMethod())
	add := v.MethodByName("Add")
	fmt.Println(add.Type(), add.Kind())
	fmt.Println(add.Call([]reflect.Value{reflect.ValueOf(Point{10, 20})})[0].Interface())
	for i := 0; i < v.NumMethod(); i++ {
		m := v.Type().Method(i)
		fmt.Println(i, m.Name, m.Type, v.Method(i).Type())
	}
	both := v.MethodByName("Both").Call(nil)
	fmt.Println(both[0], both[1].IsNil())
	fmt.Println(v.MethodByName("Missing").IsValid())

	pv := reflect.ValueOf(&p)
	fmt.Println(pv.NumMethod())
	pv.MethodByName("Scale").Call([]reflect.Value{reflect.ValueOf(10)})
	fmt.Println(p)
	// A method value holds its receiver as it was when made.
	str := reflect.ValueOf(p).MethodByName("String")
	p.X = -1
	fmt.Println(str.Call(nil)[0], p)

	m, _ := reflect.TypeOf(p).MethodByName("Add")
	fmt.Println(m.Func.Call([]reflect.Value{reflect.ValueOf(p), reflect.ValueOf(Point{1, 1})})[0])
	fn := m.Func.Interface().(func(Point, Point) Point)
	fmt.Println(fn(Point{1, 2}, Point{3, 4}))

	var st fmt.Stringer = Point{7, 8}
	iv := reflect.ValueOf(&st).Elem()
	fmt.Println(iv.Kind(), iv.NumMethod(), iv.Method(0).Call(nil)[0])

	bound := add.Interface().(func(Point) Point)
	fmt.Println(bound(Point{1, 1}))

	ot := reflect.TypeOf(Outer{})
	for _, name := range []string{"Extra", "Name", "ID", "Base", "Named", "Nope"} {
		f, ok := ot.FieldByName(name)
		fmt.Println(name, ok, f.Name, f.Type, f.Index, f.Anonymous)
	}

	a := &struct{ x int }{}
	b := &struct {
		x int ""
	}{}
	fmt.Println(reflect.TypeOf(b).AssignableTo(reflect.TypeOf(a)))
	fmt.Println(reflect.TypeOf(p).AssignableTo(reflect.TypeOf((*fmt.Stringer)(nil)).Elem()))
	fmt.Println(reflect.TypeOf(p).AssignableTo(reflect.TypeOf(0)))

	try("too few", func() { d.Call([]reflect.Value{reflect.ValueOf(1)}) })
	try("too many", func() {
		d.Call([]reflect.Value{reflect.ValueOf(1), reflect.ValueOf(2), reflect.ValueOf(3)})
	})
	try("wrong type", func() { d.Call([]reflect.Value{reflect.ValueOf(1), reflect.ValueOf("2")}) })
	try("zero Value", func() { d.Call([]reflect.Value{reflect.ValueOf(1), {}}) })
	try("CallSlice", func() { d.CallSlice([]reflect.Value{reflect.ValueOf(1), reflect.ValueOf(2)}) })
	try("variadic element", func() {
		s.Call([]reflect.Value{reflect.ValueOf("x"), reflect.ValueOf("y")})
	})
	try("not a func", func() { reflect.ValueOf(1).Call(nil) })
	try("nil func", func() {
		var f func()
		reflect.ValueOf(f).Call(nil)
	})
	try("NumIn", func() { reflect.TypeOf(1).NumIn() })
	try("Method range", func() { v.Method(9) })
	try("panics inside", func() {
		reflect.ValueOf(func() { panic("from the callee") }).Call(nil)
	})
}
