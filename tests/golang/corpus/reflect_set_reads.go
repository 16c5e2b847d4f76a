// An addressable reflect.Value reads where its value lives: after Set, SetInt or a store
// through the variable, it sees the new value, as Go's Value does. New, MakeSlice,
// MakeMap, SetMapIndex and Addr.
package main

import (
	"fmt"
	"reflect"
)

type T struct {
	N int
	P *int
	M map[string]int
}

func main() {
	x := 1
	v := reflect.ValueOf(&x).Elem()
	v.SetInt(5)
	fmt.Println(v.Int(), x, v)
	x = 9
	fmt.Println(v.Int(), v.Interface())

	var t T
	tv := reflect.ValueOf(&t).Elem()
	p := tv.Field(1)
	fmt.Println(p.IsNil())
	p.Set(reflect.New(p.Type().Elem()))
	p.Elem().SetInt(42)
	fmt.Println(p.IsNil(), *t.P)

	m := tv.Field(2)
	m.Set(reflect.MakeMap(m.Type()))
	m.SetMapIndex(reflect.ValueOf("a"), reflect.ValueOf(1))
	m.SetMapIndex(reflect.ValueOf("b"), reflect.ValueOf(2))
	m.SetMapIndex(reflect.ValueOf("a"), reflect.Value{})
	fmt.Println(t.M, m.Len())

	s := reflect.MakeSlice(reflect.TypeOf([]string{}), 2, 5)
	s.Index(1).SetString("z")
	fmt.Printf("%q %d %d\n", s.Interface(), s.Len(), s.Cap())

	n := tv.Field(0)
	pn := n.Addr()
	pn.Elem().SetInt(7)
	fmt.Println(t.N, pn.Type(), reflect.PointerTo(n.Type()) == pn.Type())

	defer func() { fmt.Println("recovered:", recover()) }()
	reflect.ValueOf(3).Addr()
}
