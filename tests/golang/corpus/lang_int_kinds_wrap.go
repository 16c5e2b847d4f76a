package main

import "fmt"

func main() {
	var i8 int8 = 127
	i8++
	fmt.Println(i8)
	i8 = -128
	i8--
	fmt.Println(i8)
	var u8 uint8 = 0
	u8--
	fmt.Println(u8)
	var u16 uint16 = 65535
	u16 += 2
	fmt.Println(u16)
	var i16 int16 = 32767
	i16 += 1
	fmt.Println(i16)
	var u32 uint32 = 1 << 31
	u32 *= 2
	fmt.Println(u32)
	var i32 int32 = 1 << 30
	i32 *= 4
	fmt.Println(i32)
	var u64 uint64 = 0
	u64--
	fmt.Println(u64)
	var i64 int64 = 1<<63 - 1
	i64++
	fmt.Println(i64)
	var u uint = 3
	u -= 5
	fmt.Println(u)
	var up uintptr = 10
	fmt.Println(up - 3)
	var b byte = 'A'
	var r rune = 'é'
	fmt.Println(b, r)

	// Conversions between kinds truncate or sign-extend.
	big := 300
	big2 := 70000
	fmt.Println(int8(big), uint8(big), int16(big2), uint16(big2))
	neg := -1
	fmt.Println(uint8(neg), uint16(neg), uint32(neg), uint64(neg))
	u200, u4e9, m5 := uint8(200), uint32(4000000000), int8(-5)
	fmt.Println(int8(u200), int32(u4e9))
	fmt.Println(int64(m5), uint64(m5))
	f := 3.99
	fmt.Println(int(f), int(-f), int64(1e18), uint8(int(f)))

	// Division truncates toward zero, % keeps the dividend's sign.
	fmt.Println(7/2, -7/2, 7%3, -7%3, 7%-3)
	var m8 int8 = -128
	fmt.Println(m8/-1, m8*-1)
	fmt.Println(^0, ^uint8(0), ^int8(5), 6&^5, 6|5, 6^5, 6&5)
}
