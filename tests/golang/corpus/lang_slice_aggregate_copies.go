// Arrays and structs held in a slice are values: a slice grown by append holds copies of
// them (the old array keeps its own), each spare element of a grown slice is a zero value of
// its own, and make's elements are distinct.
package main

import "fmt"

type P struct{ x int }

func grown() {
	a := make([][2]int, 1, 1)
	b := append(a, [2]int{})
	b[0][0] = 5
	fmt.Println(a[0][0], b[0][0])
	s := []P{{1}}
	t := append(s, P{2})
	t[0].x = 9
	fmt.Println(s[0].x, t[0].x)
	u := make([][2]int, 2, 10)
	v := u[:1]
	v = append(v, [2]int{3, 3})
	fmt.Println(u[1], v[1])
}

func spare() {
	var s [][2]int
	for i := 0; i < 5; i++ {
		s = append(s, [2]int{i, i})
	}
	fmt.Println(len(s), cap(s))
	r := s[:cap(s)]
	r[5][0] = 7
	fmt.Println(r[5], r[6], r[7])
	type P struct{ n int }
	var ps []P
	ps = append(ps, P{1}, P{2}, P{3}, P{4}, P{5})
	q := ps[:cap(ps)]
	q[5].n = 9
	fmt.Println(len(ps), cap(ps), q[5:])
}

func made() {
	s := make([][2]int, 3)
	s[0][0] = 1
	ps := make([]P, 2, 4)
	ps[1].x = 5
	ps = ps[:4]
	ps[3].x = 6
	var arr [3][2]int
	arr[1][1] = 4
	m := map[int][2]int{}
	fmt.Println(s, ps, arr, m[1])
	t := append([][2]int(nil), s...)
	t[0][1] = 9
	fmt.Println(s, t)
	big := make([][2]int, 2000)
	big[1999][0] = 1
	fmt.Println(big[0], big[1998], big[1999])
}

func main() {
	grown()
	spare()
	made()
}
