// Untyped integer constants stop at 512 bits, as in Go, and a float literal whose exponent
// no float can hold is malformed; below those limits constants are exact (c2 is 2^400).
package main

import "fmt"

const (
	c0 = 1 << 100
	c1 = c0 * c0
	c2 = c1 * c1
	c3 = c2 * c2
	c4 = c3 * c3
)

const f = 1e999999999999
const g = 0x1p-99999999999

func main() {
	fmt.Println(c2>>399, c4, f, g)
}
