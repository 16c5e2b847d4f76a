package main

import "fmt"

type T struct{ items []int }

func main() {
	f := 3.5
	for i := range f {
		fmt.Println(i)
	}
	t := T{}
	for _, v := range t {
		fmt.Println(v)
	}
	p := &[]int{1}
	for range p {
	}
}
