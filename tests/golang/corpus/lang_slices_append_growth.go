package main

import "fmt"

func main() {
	var s []int
	fmt.Println(len(s), cap(s), s == nil)
	for i := 0; i <= 20; i++ {
		s = append(s, i)
		fmt.Println(len(s), cap(s))
	}
	var b []byte
	for i := 0; i < 40; i++ {
		b = append(b, byte(i))
		fmt.Print(cap(b), " ")
	}
	fmt.Println()
	var strs []string
	for i := 0; i < 10; i++ {
		strs = append(strs, "x")
		fmt.Print(cap(strs), " ")
	}
	fmt.Println()
	type big struct{ a, b, c int64 }
	var bs []big
	for i := 0; i < 10; i++ {
		bs = append(bs, big{})
		fmt.Print(cap(bs), " ")
	}
	fmt.Println()
	n := make([]int, 0, 1)
	for i := 0; i < 2000; i++ {
		old := cap(n)
		n = append(n, i)
		if cap(n) != old {
			fmt.Print(cap(n), " ")
		}
	}
	fmt.Println()
}
