// unsafe.Sizeof, Alignof and Offsetof: constants in gc's 64-bit layout, padding between
// fields and at the end, a struct ending in a zero-size field, promoted fields, and use
// in constant expressions.
package main

import (
	"fmt"
	"unsafe"
)

type Padded struct {
	A bool
	B int64
	C bool
}

type Packed struct {
	B int64
	A bool
	C bool
}

type Inner struct {
	X int32
	Y [3]byte
}

type Outer struct {
	Flag bool
	Inner
	Tail struct{}
}

type Everything struct {
	s   string
	sl  []int
	m   map[int]int
	ch  chan int
	f   func()
	i   any
	p   *int
	c64 complex64
	c   complex128
	f32 float32
	u16 uint16
	arr [0]int64
}

const words = unsafe.Sizeof(Padded{}) / unsafe.Sizeof(int64(0))

var buf [unsafe.Sizeof(Packed{})]byte

func main() {
	var p Padded
	var q Packed
	var o Outer
	var e Everything
	fmt.Println(unsafe.Sizeof(p), unsafe.Alignof(p), unsafe.Offsetof(p.B), unsafe.Offsetof(p.C))
	fmt.Println(unsafe.Sizeof(q), unsafe.Offsetof(q.A), unsafe.Offsetof(q.C))
	fmt.Println(unsafe.Sizeof(o), unsafe.Offsetof(o.Inner), unsafe.Offsetof(o.Y), unsafe.Offsetof(o.Tail), unsafe.Alignof(o.Y))
	fmt.Println(unsafe.Sizeof(e), unsafe.Offsetof(e.sl), unsafe.Offsetof(e.c64), unsafe.Offsetof(e.c), unsafe.Offsetof(e.u16), unsafe.Offsetof(e.arr))
	fmt.Println(unsafe.Sizeof(1), unsafe.Sizeof(1.5), unsafe.Sizeof("abc"), unsafe.Sizeof('x'), unsafe.Sizeof(struct{}{}), unsafe.Sizeof([4]Padded{}))
	fmt.Println(words, len(buf))
	fmt.Printf("%T %v\n", unsafe.Sizeof(p), unsafe.Sizeof(p) == 24)
}
