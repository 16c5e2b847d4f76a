// An assignment of several values reads them all before assigning any, and gc reads a
// value that an earlier assignment could change before the others: which index panics first
// shows it (heap.Pop on an empty heap swaps h[0] and h[-1]).
package main

import "fmt"

type T struct{ a, b int }

func try(name string, f func()) {
	defer func() { fmt.Println(name, recover()) }()
	f()
}

var g = 5

func main() {
	a := []int{1, 2}
	b := []int{1, 2}
	p, q, r, s := 10, 11, 12, 13
	try("swap", func() { a[p], a[q] = a[q], a[p] })
	try("swap back", func() { a[q], a[p] = a[p], a[q] })
	try("four", func() { a[p], a[q] = a[r], a[s] })
	try("two slices", func() { a[p], b[q] = b[r], a[s] })
	try("constants", func() { a[p], b[q] = 1, 2 })
	try("one", func() { a[p] = a[r] })
	try("constant last", func() { a[p], a[q] = a[q], 1 })
	try("constant first", func() { a[p], a[q] = 1, a[p] })
	try("global", func() { a[p], a[q] = a[r], g })
	try("three", func() { a[p], a[q], a[r] = a[s], a[r], a[q] })
	var h []int
	i, j := 0, -1
	try("empty heap", func() { h[i], h[j] = h[j], h[i] })

	st := T{4, 12}
	st.a, st.b = st.b, st.a
	x := 0
	st.b, x = 99, st.b
	fmt.Println(st, x)
	y := 0
	y, st.a = st.a, 77
	arr := [2]int{1, 2}
	arr[0], arr[1] = arr[1], arr[0]
	arr[1], x = 50, arr[1]
	fmt.Println(st, y, arr, x)
	ts := []T{{1, 2}, {3, 4}}
	ts[0], ts[1] = ts[1], ts[0]
	ts[0].a, ts[1].b, g = ts[1].b, g, ts[0].a
	fmt.Println(ts, g)
	x, y = y, x
	z := 3
	ip := &z
	*ip, z, x = z+1, *ip*10, z
	fmt.Println(x, y, z)
}
