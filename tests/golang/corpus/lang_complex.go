package main

import "fmt"

type C complex128

func main() {
	c := 1 + 2i
	d := complex(3.0, -4)
	fmt.Println(c, d, c*d, c/d, c+d, c-d, -c)
	fmt.Println(real(c), imag(d), c == d, c != d)
	var f complex64 = complex(float32(1.5), 2.25)
	fmt.Printf("%v %.2f %g %T %T\n", f, c, d, f, c)
	fmt.Printf("%8.3f|%+v|%e\n", c, c, c)
	m := map[complex128]int{1i: 1, 2: 2}
	m[1i]++
	fmt.Println(m, len(m))
	var z complex128
	fmt.Println(c/z, z/z)
	println(c, f)
	var x C = 3 + 4i
	fmt.Println(x, C(c)*x)
	const k = 2i * 2i
	fmt.Println(k, real(k), imag(3+4i))
	var i interface{} = c
	fmt.Printf("%v %T\n", i, i)
	c += 1
	c *= 2i
	fmt.Println(c)
	a := []complex64{1, 2i}
	fmt.Println(a, fmt.Sprint(complex64(c)))
	defer func() { fmt.Println(recover()) }()
	panic(c)
}
