package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
)

const (
	A, B = iota, iota * 10
	C, D
	E, F
)

type Flags uint8

const (
	Read Flags = 1 << iota
	Write
	Exec
)

const big = 1 << 100
const pi = 3.14159
const greeting = "hello"
const typed int32 = 7

func main() {
	fmt.Println(Sunday, Monday, Tuesday, Thursday)
	fmt.Println(KB, MB, GB)
	fmt.Println(A, B, C, D, E, F)
	fmt.Println(Read, Write, Exec, Read|Exec)
	fmt.Printf("%T %T %T\n", Monday, Write, typed)
	fmt.Println(big >> 98)
	fmt.Println(pi*2, greeting+"!")
	var f float32 = pi
	fmt.Println(f)
	const local = 'x'
	fmt.Println(local, string(rune(local)))
	fmt.Printf("%T %v\n", local, local)
}
