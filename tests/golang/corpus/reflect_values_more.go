// More of reflect's Value: MapRange's iterator (its panics too), Bytes and SetBytes (on a
// named byte slice type), FieldByIndex through an embedded pointer (Value's and Type's), and
// Go 1.20's SetZero, Comparable and Equal.
package main

import (
	"fmt"
	"reflect"
	"sort"
)

type Blob []byte

type Inner struct{ N int }

type Outer struct {
	*Inner
	Name string
}

func try(name string, f func()) {
	defer func() { fmt.Printf("%s: %v\n", name, recover()) }()
	f()
}

func main() {
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	var pairs []string
	it := reflect.ValueOf(m).MapRange()
	for it.Next() {
		pairs = append(pairs, fmt.Sprint(it.Key(), "=", it.Value()))
	}
	sort.Strings(pairs)
	fmt.Println(pairs)
	try("exhausted", func() { it.Next() })
	try("before Next", func() { reflect.ValueOf(m).MapRange().Key() })
	empty := reflect.ValueOf(map[int]int{}).MapRange()
	fmt.Println(empty.Next())
	it.Reset(reflect.ValueOf(map[string]int{"z": 26}))
	for it.Next() {
		fmt.Println(it.Key(), it.Value())
	}
	try("not a map", func() { reflect.ValueOf(1).MapRange() })

	b := Blob("hello")
	v := reflect.ValueOf(&b).Elem()
	fmt.Println(string(v.Bytes()), v.Type())
	v.SetBytes([]byte("bye"))
	fmt.Println(string(b), len(b))
	try("Bytes of ints", func() { reflect.ValueOf([]int{1}).Bytes() })
	try("SetBytes unaddressable", func() { reflect.ValueOf(b).SetBytes(nil) })

	o := Outer{Inner: &Inner{N: 7}, Name: "o"}
	ov := reflect.ValueOf(&o).Elem()
	n := ov.FieldByIndex([]int{0, 0})
	fmt.Println(n, n.CanSet())
	n.SetInt(8)
	fmt.Println(o.N)
	f := reflect.TypeOf(o).FieldByIndex([]int{0, 0})
	fmt.Println(f.Name, f.Type, f.Index)
	try("nil embedded", func() { reflect.ValueOf(Outer{}).FieldByIndex([]int{0, 0}) })

	x := 5
	xv := reflect.ValueOf(&x).Elem()
	xv.SetZero()
	fmt.Println(x)
	s := []int{1}
	sv := reflect.ValueOf(&s).Elem()
	sv.SetZero()
	fmt.Println(s == nil)
	var e any = []int{1}
	fmt.Println(reflect.ValueOf(1).Comparable(), reflect.ValueOf(s).Comparable(),
		reflect.ValueOf(&e).Elem().Comparable(), reflect.ValueOf([2]any{1, "a"}).Comparable(),
		reflect.ValueOf(struct{ F any }{[]int{}}).Comparable(), reflect.Value{}.Comparable())
	fmt.Println(reflect.ValueOf(3).Equal(reflect.ValueOf(3)), reflect.ValueOf(3).Equal(reflect.ValueOf(int64(3))),
		reflect.ValueOf("a").Equal(reflect.ValueOf("b")), reflect.Value{}.Equal(reflect.Value{}),
		reflect.ValueOf(Inner{1}).Equal(reflect.ValueOf(Inner{1})))
	try("Equal of slices", func() { reflect.ValueOf(s).Equal(reflect.ValueOf(s)) })
}
