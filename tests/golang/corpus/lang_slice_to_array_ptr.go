// A pointer to an array made from a slice, (*[N]T)(s), shares the slice's elements: read,
// written, loaded and stored whole (Go's fixedbugs/issue54467.go), ranged over, printed, with
// methods of a named array type, and the conversion's panic for a slice too short.
package main

import "fmt"

type A [3]int

func (a *A) Sum() int {
	t := 0
	for _, v := range a {
		t += v
	}
	return t
}

func (a A) First() int { return a[0] }

func writes() {
	s := []int{1, 2, 3, 4}
	p := (*[2]int)(s[1:3])
	fmt.Println(*p, len(p))
	p[0] = 9
	fmt.Println(s)
	*p = [2]int{7, 8}
	fmt.Println(s)
	*(*[2]int)(s[2:]) = *(*[2]int)(s[0:2])
	fmt.Println(s)
	a := (*[2]int)(s)
	b := *a
	b[0] = 100
	fmt.Println(s, b)
}

func main() {
	writes()
	s := []int{1, 2, 3, 4}
	p := (*[3]int)(s)
	fmt.Println(p, len(p), cap(p), p != nil)
	for i, v := range p {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	q := (*A)(s[1:])
	fmt.Println(q.Sum(), q.First(), *q)
	fmt.Printf("%v %d\n", *p, p[2])
	var e []int
	fmt.Println((*[0]int)(e) == nil)
	arr := *p
	arr[0] = 50
	fmt.Println(s, arr, p[:2])
	defer func() { fmt.Println("recovered:", recover()) }()
	_ = (*[5]int)(s)
}
