package main

import "fmt"

// try runs f and says what it recovered from.
func try(name string, f func()) {
	defer func() {
		fmt.Printf("%s: %v\n", name, recover())
	}()
	f()
}

// An index of an unsigned type at 2^63 or past it is out of range, printed as the unsigned
// number it is.
func main() {
	xs := []int{1, 2, 3}
	var big uint64 = 1 << 63
	var u8 uint8 = 200
	var u uint = 1<<64 - 1
	var p uintptr = 1<<64 - 2
	try("uint64", func() { _ = xs[big] })
	try("uint8", func() { _ = xs[u8] })
	try("uint", func() { _ = xs[u] })
	try("uintptr", func() { _ = xs[p] })
	try("assign", func() { xs[u] = 4 })
	try("assign op", func() { xs[big] += 4 })
	try("address", func() { _ = &xs[u] })
	try("string", func() { _ = "abc"[big] })
	arr := [3]int{}
	try("array", func() { _ = arr[u] })
	try("array pointer", func() { _ = (&arr)[u] })
	var one uint64 = 1
	fmt.Println(xs[one], "abc"[one], arr[one])
}
