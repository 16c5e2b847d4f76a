// base64's Encode and Decode write into dst as Go's do: a dst too short panics at the index
// Go's panics at, after the bytes Go's wrote.
package main

import (
	"encoding/base64"
	"fmt"
)

func try(f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
		}
	}()
	f()
}

func main() {
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawURLEncoding} {
		for _, src := range []string{"abc", "abcd", "ab", "hello, world"} {
			for _, n := range []int{0, 1, 2, 3, 5, 7} {
				dst := make([]byte, n)
				try(func() { enc.Encode(dst, []byte(src)) })
				fmt.Printf("%q %d %q\n", src, n, dst)
			}
		}
	}
	for _, src := range []string{"YWJj", "YWJjZA==", "YWJjZGVmZ2hp", "YWI="} {
		for _, n := range []int{0, 1, 2, 4, 5} {
			dst := make([]byte, n)
			try(func() {
				k, err := base64.StdEncoding.Decode(dst, []byte(src))
				fmt.Println(k, err)
			})
			fmt.Printf("%q %d %q\n", src, n, dst)
		}
	}
}
