// Splitting bytes that are not UTF-8 on an empty separator: package bytes keeps each such
// byte as it is, package strings gives U+FFFD's encoding for it; Repeat's panics name their
// package.
package main

import (
	"bytes"
	"fmt"
	"strings"
)

func main() {
	b := []byte("\xffab\xe2\x82cd\xf0")
	fmt.Printf("%q\n", bytes.Split(b, nil))
	for n := -1; n <= 4; n++ {
		fmt.Printf("%d %q %q\n", n, bytes.SplitN(b, nil, n), bytes.SplitAfterN(b, []byte{}, n))
		fmt.Printf("%d %q %q\n", n, strings.SplitN(string(b), "", n), strings.SplitAfterN(string(b), "", n))
	}
	fmt.Printf("%q\n", strings.Split(string(b), ""))
	parts := bytes.SplitN(b, nil, 3)
	fmt.Println(len(parts[2]), cap(parts[0]), cap(parts[2]))

	for _, count := range []int{-1, 1 << 62} {
		func() {
			defer func() { fmt.Println(recover()) }()
			fmt.Println(len(bytes.Repeat([]byte("ab"), count)))
		}()
	}
	fmt.Printf("%q %q\n", bytes.Repeat([]byte("ab"), 0), bytes.Repeat(nil, 3))
}
