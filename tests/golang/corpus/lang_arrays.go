package main

import "fmt"

func modify(a [3]int) { a[0] = 100 }

func modifyPtr(a *[3]int) { a[0] = 100 }

func main() {
	var a [3]int
	b := [3]int{1, 2, 3}
	c := [...]string{"x", "y"}
	d := [5]int{1: 10, 3: 30}
	fmt.Println(a, b, c, d, len(c), len(d))
	e := b
	e[0] = 9
	fmt.Println(b, e, b == e, b == [3]int{1, 2, 3})
	modify(b)
	fmt.Println(b)
	modifyPtr(&b)
	fmt.Println(b)
	var grid [2][3]int
	grid[1][2] = 5
	g2 := grid
	g2[0][0] = 1
	fmt.Println(grid, g2)
	for i, v := range b {
		b[2] = 77
		fmt.Print(i, v, " ")
	}
	fmt.Println(b)
	s := b[:]
	s[1] = -1
	fmt.Println(b, s, len(s), cap(s))
	p := &b
	fmt.Println(p[1], len(p))
	for i := range p {
		p[i] *= 2
	}
	fmt.Println(b)
	type T struct{ arr [2]int }
	t1 := T{[2]int{1, 2}}
	t2 := t1
	t2.arr[0] = 5
	fmt.Println(t1, t2)
}
