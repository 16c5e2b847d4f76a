package main

import "fmt"

func main() {
	a := []int{1, 2, 3, 4, 5}
	b := a[1:3]
	fmt.Println(b, len(b), cap(b))
	b[0] = 20
	fmt.Println(a)
	b = append(b, 30)
	fmt.Println(a, b)
	c := a[1:2:3]
	fmt.Println(c, len(c), cap(c))
	c = append(c, 99)
	fmt.Println(a)
	c = append(c, 100)
	c[0] = -1
	fmt.Println(a, c)

	d := make([]int, 3)
	n := copy(d, a)
	fmt.Println(n, d)
	n = copy(d, []int{7})
	fmt.Println(n, d)
	n = copy(a[1:], a)
	fmt.Println(n, a)
	bs := make([]byte, 3)
	n = copy(bs, "héllo")
	fmt.Println(n, bs)

	m := make([]int, 2, 10)
	fmt.Println(m, len(m), cap(m), m[:5], len(m[2:]), cap(m[2:]))
	grid := make([][]string, 2)
	for i := range grid {
		grid[i] = make([]string, 2)
		grid[i][i] = "x"
	}
	fmt.Println(grid, len(grid[0]))
	e := a[:0]
	fmt.Println(e, len(e), cap(e), e == nil)
	var nilS []int
	fmt.Println(nilS[:], nilS[0:0] == nil, len(nilS[:0]))
	s := []string{"a", "b", "c", "d"}
	s = append(s[:1], s[2:]...)
	fmt.Println(s, len(s), cap(s))
	arr := [4]int{1, 2, 3, 4}
	as := arr[2:]
	as[0] = 0
	fmt.Println(arr, as, cap(arr[1:3]))
}
