package main

import "fmt"

type Shape interface{ Area() float64 }
type Square struct{ S float64 }

func (s Square) Area() float64 { return s.S * s.S }

func main() {
	var i interface{} = "hello"
	if n, ok := i.(int); !ok {
		fmt.Println("comma-ok is safe:", n, ok)
	}
	var sh Shape = Square{2}
	fmt.Println(sh.(Square).S)
	n := i.(int)
	fmt.Println(n)
}
