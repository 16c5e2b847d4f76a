// Conditions compiled to jumps: &&, || and ! nested, comparisons of every integer kind
// against variables and constants (on either side, at the kinds' edges), operations with a
// constant operand, conversions between integer kinds, multi-value calls and returns that
// swap named results.
package main

import "fmt"

var calls []string

func t(name string, v bool) bool {
	calls = append(calls, name)
	return v
}

func cond(a, b, c bool) string {
	calls = nil
	out := ""
	if t("a", a) && (t("b", b) || !t("c", c)) {
		out += "1"
	}
	if !(t("a", a) || t("b", b)) && t("c", c) {
		out += "2"
	}
	if !(!t("a", a) && !(t("b", b) && t("c", c))) {
		out += "3"
	}
	for i := 0; i < 3 && (a || i < 1); i++ {
		out += "4"
	}
	if false || (true && a) {
		out += "5"
	}
	return fmt.Sprint(out, calls)
}

func divmod(x, y int) (q, r int) {
	q, r = x/y, x%y
	if r < 0 {
		return q - 1, r + y
	}
	return
}

func swap(a, b int) (x, y int) {
	x, y = a, b
	return y, x
}

func rot(a, b, c string) (x, y, z string) {
	x, y, z = a, b, c
	return z, x, y
}

func pair() (int8, uint16) { return -3, 65535 }

func main() {
	for _, a := range []bool{false, true} {
		for _, b := range []bool{false, true} {
			for _, c := range []bool{false, true} {
				fmt.Println(a, b, c, cond(a, b, c))
			}
		}
	}

	i8s := []int8{-128, -1, 0, 1, 127}
	for _, x := range i8s {
		fmt.Println(x, x < 0, x <= -1, x > 126, x >= 127, x == -128, x != 1, 0 > x, -1 < x, 127 == x)
		if x < 0 || x > 100 {
			fmt.Println("  out", x+1, x-1, x<<1, x>>1, x&1, x|1, -x)
		}
	}
	u8s := []uint8{0, 1, 127, 128, 255}
	for _, x := range u8s {
		fmt.Println(x, x < 128, x <= 0, x > 127, x >= 255, x == 255, x != 0, 200 < x, 0 == x)
		if x >= 128 && x != 255 {
			fmt.Println("  high", x+1, x-1, x<<1, x>>1, x&15, x|1, ^x)
		}
	}
	u64s := []uint64{0, 1, 1 << 31, 1<<32 - 1, 1 << 63, 1<<64 - 1}
	for _, x := range u64s {
		fmt.Println(x, x < 5, x > 1<<31, x >= 1<<63, x == 1<<64-1, x <= 2147483647, x != 0)
		y := x - 1
		if y > x {
			fmt.Println("  wrapped", y, x+1, x<<1, x>>1, x>>63, x<<63, x&0xff, x|0x80000000)
		}
		fmt.Println("  ", uint32(x), int32(x), int8(x), uint16(x), int64(x), uint64(int32(x)), int(uint8(x)))
	}
	i64s := []int64{-1 << 63, -2147483649, -2147483648, -1, 0, 2147483647, 2147483648, 1<<63 - 1}
	for _, x := range i64s {
		fmt.Println(x, x < -2147483648, x > 2147483647, x >= 0, x == -1, x<<1, x>>1, x>>63, x-(-2147483648), x+2147483647)
		fmt.Println("  ", uint32(x), int32(x), int16(x), uint64(x), int(int32(x)) == int(x), uint32(x) == uint32(int32(x)))
	}
	var u uint = 10
	for u >= 3 {
		u -= 3
	}
	n := 0
	for n < 100 {
		n += 7
		n <<= 1
	}
	s := 1
	s++
	s *= 5
	s |= 64
	s &= 0x7e
	s >>= 2
	s -= -3
	fmt.Println(u, n, s)
	var k int8 = 120
	k += 10
	k++
	var w uint16 = 1
	w <<= 15
	w <<= 1
	fmt.Println(k, w)
	for _, p := range [][2]int{{7, 2}, {-7, 2}, {7, -2}, {-7, -2}} {
		q, r := divmod(p[0], p[1])
		fmt.Println(p, q, r)
	}
	x, y := swap(1, 2)
	fmt.Println(x, y)
	fmt.Println(rot("a", "b", "c"))
	a, b := pair()
	a, b2 := pair()
	fmt.Println(a, b, b2, uint16(a), int8(b))
	m := map[string]int{"one": 1}
	if v, ok := m["one"]; ok && v == 1 {
		fmt.Println("found", v)
	}
	if _, ok := m["two"]; !ok {
		fmt.Println("missing")
	}
	const big = 1 << 40
	z := int64(3)
	if z < big && z > -big && z != 1<<33 {
		fmt.Println("small", z+big, z-big, z&big, z|big)
	}
}
