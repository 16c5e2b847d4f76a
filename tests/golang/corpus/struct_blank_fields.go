package main

import "fmt"

type T struct {
	a, _, c int
	_       string
}

func side() int { fmt.Println("evaluated"); return 2 }

func main() {
	x := T{1, side(), 3, "s"}
	y := T{a: 1, c: 3}
	fmt.Println(x == y)
	fmt.Printf("%v %+v\n", x, x)
}
