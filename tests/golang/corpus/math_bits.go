package main

import (
	"fmt"
	"math/bits"
)

func main() {
	for _, x := range []uint64{0, 1, 2, 3, 0x80, 0xff, 0x1234_5678_9abc_def0, 1 << 63, ^uint64(0)} {
		fmt.Println(x, bits.Len64(x), bits.LeadingZeros64(x), bits.TrailingZeros64(x), bits.OnesCount64(x),
			bits.Reverse64(x), bits.ReverseBytes64(x), bits.RotateLeft64(x, 5), bits.RotateLeft64(x, -7))
	}
	for _, x := range []uint8{0, 1, 0x80, 0xa5, 0xff} {
		fmt.Println(x, bits.Len8(x), bits.LeadingZeros8(x), bits.TrailingZeros8(x), bits.OnesCount8(x), bits.Reverse8(x), bits.RotateLeft8(x, 3), bits.RotateLeft8(x, -1))
	}
	for _, x := range []uint16{0, 1, 0x8000, 0xbeef} {
		fmt.Println(x, bits.Len16(x), bits.LeadingZeros16(x), bits.TrailingZeros16(x), bits.OnesCount16(x), bits.Reverse16(x), bits.ReverseBytes16(x), bits.RotateLeft16(x, 4))
	}
	for _, x := range []uint32{0, 1, 0x8000_0000, 0xdead_beef} {
		fmt.Println(x, bits.Len32(x), bits.LeadingZeros32(x), bits.TrailingZeros32(x), bits.OnesCount32(x), bits.Reverse32(x), bits.ReverseBytes32(x), bits.RotateLeft32(x, 9))
	}
	fmt.Println(bits.UintSize, bits.Len(1023), bits.LeadingZeros(1), bits.TrailingZeros(0), bits.OnesCount(255), bits.Reverse(1), bits.ReverseBytes(1), bits.RotateLeft(1, -1))

	max := ^uint64(0)
	fmt.Println(bits.Add64(max, 1, 0))
	fmt.Println(bits.Add64(max, max, 1))
	fmt.Println(bits.Add64(3, 4, 1))
	fmt.Println(bits.Sub64(0, 1, 0))
	fmt.Println(bits.Sub64(5, 3, 1))
	fmt.Println(bits.Sub64(0, max, 1))
	fmt.Println(bits.Mul64(max, max))
	fmt.Println(bits.Mul64(0x1234_5678_9abc_def0, 0xfedc_ba98_7654_3210))
	fmt.Println(bits.Div64(1, 0, 3))
	fmt.Println(bits.Div64(0x1234, 0x5678_9abc_def0_1234, 0xffff_ffff_ffff_fff1))
	fmt.Println(bits.Rem64(10, 7, 3), bits.Rem32(7, 9, 5))
	fmt.Println(bits.Add32(0xffff_ffff, 1, 1))
	fmt.Println(bits.Sub32(0, 1, 1))
	fmt.Println(bits.Mul32(0xffff_ffff, 0xffff_ffff))
	fmt.Println(bits.Div32(1, 7, 9))
	fmt.Println(bits.Add(1, 2, 0))
	fmt.Println(bits.Sub(1, 2, 0))
	fmt.Println(bits.Mul(1<<40, 1<<40))
	fmt.Println(bits.Div(0, 100, 7))
	fmt.Println(bits.Rem(3, 100, 7))
	for _, f := range []func(){
		func() { bits.Div64(1, 0, 0) },
		func() { bits.Div64(5, 0, 5) },
		func() { bits.Div32(2, 0, 1) },
		func() { bits.Rem64(1, 2, 0) },
	} {
		func() {
			defer func() {
				r := recover()
				_, isErr := r.(error)
				fmt.Println("panic:", r, isErr)
			}()
			f()
		}()
	}
}
