package main

import "fmt"

// try prints the run-time error f panics with: Go's text for a negative index or bound
// names no length or capacity.
func try(what string, f func()) {
	defer func() {
		fmt.Printf("%-10s %v\n", what, recover())
	}()
	f()
}

func main() {
	s := make([]int, 3, 5)
	a := [4]int{}
	str := "hello"
	i, j, k := -1, 2, -3
	try("s[i]", func() { _ = s[i] })
	try("a[i]", func() { _ = a[i] })
	try("str[i]", func() { _ = str[i] })
	try("s[i:]", func() { _ = s[i:] })
	try("s[:i]", func() { _ = s[:i] })
	try("s[i:j]", func() { _ = s[i:j] })
	try("s[j:i]", func() { _ = s[j:i] })
	try("s[i:j:4]", func() { _ = s[i:j:4] })
	try("s[0:i:4]", func() { _ = s[0:i:4] })
	try("s[0:j:k]", func() { _ = s[0:j:k] })
	try("a[i:]", func() { _ = a[i:] })
	try("a[:k]", func() { _ = a[:k] })
	try("str[i:]", func() { _ = str[i:] })
	try("str[:k]", func() { _ = str[:k] })
	try("s[4]", func() { _ = s[i+5] })
	try("s[j:9]", func() { _ = s[j : j+7] })
	try("s[3:j]", func() { _ = s[j+1 : j] })
	defer fmt.Println("deferred")
	fmt.Println(s[k+2])
}
