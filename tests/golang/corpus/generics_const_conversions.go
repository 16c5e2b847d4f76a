// A constant converted to a type parameter is converted, in each instance, to the type
// argument: to complex types too (Go's typeparam/issue50193.go), from integer, float and
// rune constants.
package main

import "fmt"

type Complex interface{ ~complex64 | ~complex128 }

type Num interface {
	~int | ~int8 | ~uint16 | ~float32 | ~float64 | ~complex64 | ~complex128
}

func pi[T Complex]() T { return T(3.14) }

func conv[T Num]() (T, T, T) { return T(2.0), T(1e2), T('a') }

func half[T Num]() T { return T(1) / 2 }

type S interface{ ~string }

func str[T S]() T { return T("x") + T(rune(66)) }

func main() {
	fmt.Println(pi[complex128](), pi[complex64]())
	fmt.Println(conv[int]())
	fmt.Println(conv[int8]())
	fmt.Println(conv[uint16]())
	fmt.Println(conv[float32]())
	fmt.Println(conv[complex64]())
	fmt.Println(half[int](), half[float64](), half[complex128]())
	fmt.Println(str[string]())
}
