package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

type S struct{ A, B int }

func inc(p *int) { *p++ }

func newInt(v int) *int { return &v }

func main() {
	x := 1
	p := &x
	*p = 2
	inc(p)
	inc(&x)
	fmt.Println(x, *p, p == &x)
	n := new(int)
	fmt.Println(*n)
	*n = 5
	q := n
	*q++
	fmt.Println(*n)
	a, b := newInt(1), newInt(1)
	fmt.Println(*a == *b, a == b)

	s := S{1, 2}
	pa := &s.A
	*pa = 10
	fmt.Println(s)
	ps := &s
	ps.B = 20
	(*ps).A++
	fmt.Println(s, *ps)
	s2 := *ps
	s2.A = 0
	fmt.Println(s, s2)

	arr := [3]int{1, 2, 3}
	pe := &arr[1]
	*pe = 200
	fmt.Println(arr)
	sl := []int{1, 2, 3}
	pe = &sl[2]
	sl[2] = 30
	fmt.Println(*pe)
	sl = append(sl, 4)
	sl[2] = 300
	fmt.Println(*pe, sl)

	var head *Node
	for i := 3; i > 0; i-- {
		head = &Node{i, head}
	}
	for n := head; n != nil; n = n.Next {
		fmt.Print(n.Val, " ")
	}
	fmt.Println()
	pp := &p
	**pp = 42
	fmt.Println(x)
	var nilp *S
	fmt.Println(nilp == nil, nilp)
	ns := new(S)
	ns.A = 3
	fmt.Println(*ns, ns)
}
