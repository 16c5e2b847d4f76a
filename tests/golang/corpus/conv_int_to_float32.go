// A 64-bit integer converted to float32 is rounded once, from the integer: through float64
// it would round twice and, at a float32 halfway point, land on the wrong neighbour.
package main

import "fmt"

func main() {
	var u uint64 = 1<<63 + 1<<39 + 1
	var i int64 = 1<<62 + 1<<38 + 1
	var n int = 1<<40 + 1<<16 + 1
	var w uint = 1<<50 + 1<<26 + 1
	var p uintptr = 1<<60 + 1<<36 + 1
	var j int32 = 1<<24 + 1
	var k uint32 = 1<<31 + 1<<7 + 1
	fmt.Println(float32(u), float32(i), float32(-i), float32(n), float32(w), float32(p))
	fmt.Println(float32(j), float32(k), float64(float32(i)), float32(i)*2)
	for s := uint(25); s < 64; s += 9 {
		v := int64(1)<<s + int64(1)<<(s-24) + 1
		fmt.Printf("%d %v %v %v\n", s, float32(v), float32(-v), float32(uint64(v)))
	}
	// Exactly halfway: ties go to even.
	h := int64(1)<<40 + int64(1)<<16
	fmt.Println(float32(h), float32(h+int64(1)<<17), float32(h+1))
}
