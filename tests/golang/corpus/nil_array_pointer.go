// A nil pointer to an array: its length is its type's, so a loop over its indexes runs
// without reading it, while slicing it or reading its elements dereferences it.
package main

import "fmt"

func try(name string, f func()) {
	defer func() { fmt.Println(name, recover()) }()
	f()
}

func main() {
	var p *[3]int
	fmt.Println(len(p), cap(p))
	try("range p (index)", func() {
		for i := range p {
			fmt.Print(i, " ")
		}
		fmt.Println()
	})
	try("range *p (index)", func() {
		for i := range *p {
			fmt.Print(i, " ")
		}
		fmt.Println()
	})
	try("range p (value)", func() {
		for _, v := range p {
			fmt.Println(v)
		}
	})
	try("slice p[:]", func() { fmt.Println(len(p[:])) })
	try("slice p[1:]", func() { fmt.Println(len(p[1:])) })
	try("copy(p[:])", func() { fmt.Println(copy(p[:], []int{1})) })
	try("index p[1]", func() { fmt.Println(p[1]) })
	a := [3]int{7, 8, 9}
	p = &a
	for i, v := range p {
		fmt.Print(i, ":", v, " ")
	}
	fmt.Println(p[1:], len(p[:2]))
}
