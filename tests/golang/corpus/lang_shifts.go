package main

import "fmt"

func main() {
	x := 1
	for _, s := range []uint{0, 1, 10, 62, 63, 64, 100} {
		fmt.Println(s, x<<s)
	}
	var u8 uint8 = 0xF0
	fmt.Println(u8<<1, u8>>4, u8<<4, u8<<8)
	var i8 int8 = -64
	fmt.Println(i8>>1, i8>>7, i8>>10, i8<<1, i8<<2)
	var i64 int64 = -1
	fmt.Println(i64>>63, uint64(i64)>>63, i64<<63)
	var u32 uint32 = 1
	fmt.Println(u32<<31, u32<<32)
	n := 3
	fmt.Println(1<<n, 1024>>n, -1024>>n)
	var sh int = 5
	fmt.Println(uint16(1)<<sh, int32(-1)<<31)
	fmt.Printf("%08b %08b\n", u8, u8>>2)
	fmt.Printf("%x %X\n", uint32(0xdeadbeef)>>16, uint64(1)<<40)
}
