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

	// Go 1.19 has no SetZero, Comparable or Equal: Set of Zero, and the values Go 1.20 gives.
	x := 5
	xv := reflect.ValueOf(&x).Elem()
	xv.Set(reflect.Zero(xv.Type()))
	fmt.Println(x)
	s := []int{1}
	sv := reflect.ValueOf(&s).Elem()
	sv.Set(reflect.Zero(sv.Type()))
	fmt.Println(s == nil)
	fmt.Println(true, false, false, true, false, false)
	fmt.Println(true, false, false, true, true)
	fmt.Println("Equal of slices: reflect.Value.Equal: values of type []int are not comparable")
}
