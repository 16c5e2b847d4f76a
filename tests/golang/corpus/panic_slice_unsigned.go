// Slice bounds of an unsigned 64-bit type at 2^63 or past it print as the unsigned numbers
// they are, in every form of the slice expression.

package main

import "fmt"

func try(name string, f func()) {
	defer func() {
		fmt.Println(name, recover())
	}()
	f()
}

func main() {
	s := []int{1, 2, 3}
	str := "abc"
	arr := [3]int{1, 2, 3}
	var big uint = 1<<64 - 1
	var big64 uint64 = 1 << 63
	var two uint = 2
	try("hi", func() { _ = s[:big] })
	try("lo", func() { _ = s[big:] })
	try("lo2", func() { _ = s[big64:two] })
	try("max", func() { _ = s[0:1:big] })
	try("hi3", func() { _ = s[:big:3] })
	try("str hi", func() { _ = str[:big] })
	try("str lo", func() { _ = str[big64:] })
	try("arr", func() { _ = arr[:big] })
	try("arr lo", func() { _ = arr[big:2] })
	try("neg", func() { i := -1; _ = s[:i] })
	try("ok", func() { fmt.Println(s[two:], str[:two], arr[1:two:3]) })
	_ = s[1:big64]
}
