package main

import "fmt"

var (
	counter int
	name    = "chanlab"
	x, y    = 1, 2.5
)

type Celsius float64
type Point struct{ X, Y int }
type Op func(int, int) int
type Pair = [2]string

func add(a, b int) int { return a + b }

func divmod(a, b int) (int, int) { return a / b, a % b }

func apply(op Op, a, b int) int { return op(a, b) }

func init() {
	counter = 10
}

func main() {
	var z int
	var s string
	var p *Point
	var sl []int
	var m map[string]int
	fmt.Println(z, s == "", p == nil, sl == nil, m == nil, len(m))
	fmt.Println(counter, name, x, y)
	c := Celsius(36.6)
	fmt.Printf("%v %T\n", c, c)
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	fmt.Println(apply(add, 3, 4))
	fmt.Println(apply(func(a, b int) int { return a * b }, 3, 4))
	var pair Pair = Pair{"a", "b"}
	fmt.Printf("%v %T\n", pair, pair)
	pt := Point{1, 2}
	pt2 := Point{Y: 5}
	fmt.Println(pt, pt2)
	type local struct{ n int }
	fmt.Printf("%+v\n", local{3})
	var f func() = nil
	fmt.Println(f == nil)
}
