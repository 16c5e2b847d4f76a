package main

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"time"
)

type Point struct {
	X, Y int
	name string
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type Celsius float64

type Node struct {
	Val  int
	Next *Node
}

type Shape interface{ Area() float64 }

type Square struct{ S float64 }

func (s Square) Area() float64 { return s.S * s.S }

type Inner struct{ A []int }
type Outer struct {
	Inner
	M map[string]*Inner
}

func main() {
	for _, v := range []any{1, "s", 2.5, true, 'r', byte(1), []int{1}, [3]string{}, map[string]int{},
		Point{}, &Point{}, Celsius(1), time.Second, make(chan int), make(<-chan bool), func(int) string { return "" },
		errors.New("x"), Pair[string, int]{}, struct{ A int }{}, uint16(3), complex(1, 2), int64(4)} {
		t := reflect.TypeOf(v)
		fmt.Printf("%-22s kind=%-10v name=%q pkg=%q comparable=%v\n", t.String(), t.Kind(), t.Name(), t.PkgPath(), t.Comparable())
	}
	fmt.Println(reflect.TypeOf(nil) == nil)
	fmt.Println(reflect.TypeOf(1) == reflect.TypeOf(2), reflect.TypeOf(1) == reflect.TypeOf("x"))
	fmt.Println(reflect.TypeOf([]string{}).Elem(), reflect.TypeOf(map[string]bool{}).Key(), reflect.TypeOf(map[string]bool{}).Elem())
	fmt.Println(reflect.TypeOf([4]int{}).Len(), reflect.TypeOf(&Point{}).Elem().Name())
	t := reflect.TypeOf(Outer{})
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fmt.Println(f.Name, f.Type, f.Anonymous, f.IsExported(), f.Index, f.PkgPath)
	}
	p := reflect.TypeOf(Point{})
	fmt.Println(p.Field(2).Name, p.Field(2).PkgPath, p.Field(2).IsExported())
	fmt.Println(reflect.TypeOf(make(chan<- int)).ChanDir(), reflect.TypeOf(make(chan int)).ChanDir())
	shape := reflect.TypeOf((*Shape)(nil)).Elem()
	fmt.Println(shape, shape.Kind(), reflect.TypeOf(Square{}).Implements(shape), reflect.TypeOf(Point{}).Implements(shape))
	fmt.Println(reflect.Ptr == reflect.Pointer, reflect.Kind(99), reflect.Uintptr, reflect.UnsafePointer)
	fmt.Printf("%v %d %s\n", reflect.Struct, reflect.Struct, reflect.Map)

	// DeepEqual
	fmt.Println(reflect.DeepEqual([]int{1, 2}, []int{1, 2}), reflect.DeepEqual([]int{1, 2}, []int{1, 3}))
	fmt.Println(reflect.DeepEqual([]int(nil), []int{}), reflect.DeepEqual([]int(nil), []int(nil)))
	fmt.Println(reflect.DeepEqual(map[string][]int{"a": {1}}, map[string][]int{"a": {1}}))
	fmt.Println(reflect.DeepEqual(map[string]int{"a": 1}, map[string]int{"b": 1}))
	fmt.Println(reflect.DeepEqual(map[string]int(nil), map[string]int{}))
	fmt.Println(reflect.DeepEqual(&Point{1, 2, "a"}, &Point{1, 2, "a"}), reflect.DeepEqual(Point{1, 2, "a"}, Point{1, 2, "b"}))
	fmt.Println(reflect.DeepEqual(1, 1.0), reflect.DeepEqual(int32(1), int64(1)), reflect.DeepEqual(nil, nil), reflect.DeepEqual(nil, 0))
	fmt.Println(reflect.DeepEqual(math.NaN(), math.NaN()), reflect.DeepEqual([]float64{math.NaN()}, []float64{math.NaN()}))
	nan := []float64{math.NaN()}
	fmt.Println(reflect.DeepEqual(nan, nan))
	var f func()
	fmt.Println(reflect.DeepEqual(f, f), reflect.DeepEqual(main, main))
	a := &Node{Val: 1}
	a.Next = a
	b := &Node{Val: 1}
	b.Next = b
	fmt.Println(reflect.DeepEqual(a, b))
	c := &Node{Val: 1, Next: &Node{Val: 2}}
	c.Next.Next = c
	fmt.Println(reflect.DeepEqual(a, c))
	var l1, l2 *Node
	for i := 0; i < 100000; i++ {
		l1 = &Node{i, l1}
		l2 = &Node{i, l2}
	}
	fmt.Println(reflect.DeepEqual(l1, l2))
	o1 := Outer{Inner{[]int{1}}, map[string]*Inner{"x": {[]int{2}}}}
	o2 := Outer{Inner{[]int{1}}, map[string]*Inner{"x": {[]int{2}}}}
	fmt.Println(reflect.DeepEqual(o1, o2))
	o2.M["x"].A[0] = 3
	fmt.Println(reflect.DeepEqual(o1, o2))
	var e1, e2 error = errors.New("x"), errors.New("x")
	fmt.Println(reflect.DeepEqual(e1, e2), e1 == e2)
	fmt.Println(reflect.DeepEqual([]any{1, "a", nil}, []any{1, "a", nil}), reflect.DeepEqual([]any{1}, []any{int8(1)}))
	ch := make(chan int)
	fmt.Println(reflect.DeepEqual(ch, ch), reflect.DeepEqual(ch, make(chan int)))
	s := []int{1, 2, 3}
	fmt.Println(reflect.DeepEqual(s[:2], s[:2]), reflect.DeepEqual(s[1:], []int{2, 3}), reflect.DeepEqual([2][]int{{1}, nil}, [2][]int{{1}, {}}))

	defer func() { fmt.Println("recovered:", recover()) }()
	reflect.TypeOf(3).Elem()
}
