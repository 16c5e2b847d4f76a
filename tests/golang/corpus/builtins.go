package main

import "fmt"

func main() {
	s := make([]int, 3, 10)
	fmt.Println(len(s), cap(s))
	m := make(map[string]int, 100)
	m["a"] = 1
	fmt.Println(len(m))
	ch := make(chan string, 4)
	ch <- "x"
	fmt.Println(len(ch), cap(ch))
	close(ch)
	fmt.Println(<-ch, len(ch))
	p := new([3]int)
	p[1] = 2
	fmt.Println(*p, len(p), cap(p[:2]))
	s = append(s, 4, 5)
	fmt.Println(s)
	n := copy(s, []int{7, 8})
	fmt.Println(n, s)
	delete(m, "a")
	fmt.Println(len(m))
	fmt.Println(len("héllo"), len([]rune("héllo")), cap([]int(nil)))
	const c = len("abc")
	var arr [c]int
	fmt.Println(len(arr))
	var unbuf chan int
	fmt.Println(len(unbuf), cap(unbuf))
	print("print writes to stderr ", 1, " ", true, "\n")
	println("println", "adds", "spaces", 42, -7, true)
	println()
	println(3.5, 1e6, 'x', "", uint8(255))
	var ip *int
	var e error
	println(ip == nil, e == nil)
	fmt.Println("stdout after")
}
