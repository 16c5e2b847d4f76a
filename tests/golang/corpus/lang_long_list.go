package main

import "fmt"

// A list far longer than any stack is deep: building it, walking it and letting it go
// must not recurse once per node.

type node struct {
	value int
	next  *node
}

type peano *peano

func main() {
	var head *node
	for i := 0; i < 1000000; i++ {
		head = &node{i, head}
	}
	sum, n := 0, 0
	for p := head; p != nil; p = p.next {
		sum += p.value
		n++
	}
	fmt.Println(n, sum)
	head = nil

	var p peano
	for i := 0; i < 1000000; i++ {
		q := new(peano)
		*q = p
		p = q
	}
	depth := 0
	for q := p; q != nil; q = *q {
		depth++
	}
	fmt.Println(depth)
	p = nil
	fmt.Println(head == nil, p == nil)
}
