// append([]byte, s...) takes a type parameter whose types are strings and byte slices (Go's
// typeparam/issue376214.go), as it takes a string or a byte slice.
package main

import "fmt"

func add[S ~string | ~[]byte](buf []byte, s S) []byte { return append(buf, s...) }

type B []byte

type Str string

func main() {
	b := add(nil, "foo")
	b = add(b, []byte("bar"))
	b = add(b, B("!"))
	b = add(b, Str("?"))
	fmt.Println(string(b), len(b), cap(b))
	var x []byte
	x = append(x, "lit"...)
	x = append(x, B("b")...)
	fmt.Println(string(x))
}
