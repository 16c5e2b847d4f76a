package main

import "fmt"

type T struct{ a int }

func main() {
	var p *int
	var s []int
	var m map[string]int
	var c chan int
	var f func()
	var e error
	var i interface{}
	println(p, s, m, c, f, e, i)
	println(uint64(18446744073709551615), uint8(255), int8(-128), uint(1<<63), -7)
	println(1.5, float32(0.25), -0.0, 1e100, true, "str")
	s = make([]int, 3, 10)
	println(len(s), cap(s), s[:0] == nil)
	print("a", 1, 2, "b\n")
	defer println("deferred", 42, []byte(nil), (*T)(nil))
	defer print("first ")
	var a *[4]int
	fmt.Println(len(a), cap(a))
	for i := range a {
		fmt.Print(i)
	}
	fmt.Println()
}
