package main

import (
	"fmt"
	"math"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64         { return r.W * r.H }
func (r Rect) Perimeter() float64    { return 2 * (r.W + r.H) }
func (c *Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 2 * math.Pi * c.R }
func (c *Circle) String() string     { return fmt.Sprintf("Circle(%g)", c.R) }

type Named interface{ Name() string }
type NamedShape interface {
	Shape
	Named
}

type Square struct{ Rect }

func (Square) Name() string { return "square" }

func describe(s Shape) string {
	return fmt.Sprintf("%T area=%.2f perim=%.2f", s, s.Area(), s.Perimeter())
}

func main() {
	shapes := []Shape{Rect{3, 4}, &Circle{1}, Square{Rect{2, 2}}}
	for _, s := range shapes {
		fmt.Println(describe(s))
	}
	var ns NamedShape = Square{Rect{1, 1}}
	fmt.Println(ns.Name(), ns.Area())
	var s Shape = ns
	fmt.Println(s.Area())

	if r, ok := s.(Rect); ok {
		fmt.Println("rect", r)
	} else {
		fmt.Println("not a Rect:", r)
	}
	if n, ok := s.(Named); ok {
		fmt.Println("named", n.Name())
	}
	c := shapes[1].(*Circle)
	fmt.Println(c, c.R)
	if st, ok := shapes[1].(fmt.Stringer); ok {
		fmt.Println("stringer:", st.String())
	}
	var e interface{} = 42
	i, ok := e.(int)
	str, ok2 := e.(string)
	fmt.Printf("%d %v %q %v\n", i, ok, str, ok2)
	var any1, any2 interface{} = 3, 3
	fmt.Println(any1 == any2, any1 == interface{}(3.0), any1 != nil)
	var a1, a2 Shape = Rect{1, 2}, Rect{1, 2}
	fmt.Println(a1 == a2)
	var none Shape
	fmt.Println(none == nil, none)
	fmt.Printf("%v %T\n", none, none)
}
