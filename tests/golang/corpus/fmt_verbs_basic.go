package main

import "fmt"

type Point struct {
	X, Y int
}

type Inner struct{ A []int }
type Outer struct {
	Name  string
	In    Inner
	Ptr   *Point
	M     map[string]int
	Iface interface{}
}

func main() {
	p := Point{1, 2}
	fmt.Printf("%v|%+v|%#v|%T\n", p, p, p, p)
	fmt.Printf("%v|%+v|%#v|%T\n", &p, &p, &p, &p)
	o := Outer{"o", Inner{[]int{1, 2}}, nil, map[string]int{"b": 2, "a": 1}, 3.5}
	fmt.Printf("%v\n%+v\n", o, o)
	fmt.Printf("%#v\n", []string{"a", "b"})
	fmt.Printf("%#v %#v %#v\n", 42, "hi", 3.0)
	fmt.Printf("%#v %#v\n", map[string]bool{"x": true}, []interface{}{1, "a", nil})
	fmt.Printf("%T %T %T %T %T\n", 1, "s", 2.5, []int{}, map[string][]bool{})
	fmt.Printf("%T %T %T %T\n", nil, struct{}{}, make(chan int), func(int) string { return "" })
	fmt.Printf("%d %d %d\n", 42, -7, int8(-128))
	fmt.Printf("%s %s\n", "str", []byte("bytes"))
	fmt.Printf("%q %q %q\n", "quo\"te", 'x', "tab\there")
	fmt.Printf("%x %X %x %X\n", 255, 255, "hi", []byte{1, 171})
	fmt.Printf("%o %O %b %b\n", 8, 8, 5, -5)
	fmt.Printf("%c %c %U %#U\n", 65, 0x4e16, 0x1F600, 'é')
	fmt.Printf("%e %E %f %g %G\n", 1234.5678, 1234.5678, 1234.5678, 1234.5678, 1e-10)
	fmt.Printf("%t %t\n", true, false)
	fmt.Printf("%p\n", nil)
	fmt.Printf("%v %v %v\n", nil, []int(nil), map[string]int(nil))
	fmt.Printf("%d %s\n", []int{1, 2}, []string{"a", "b"})
	fmt.Printf("%x % x %#x\n", "hello", "hello", "hello")
	fmt.Printf("%08.3f|%+.2e|%x\n", 3.14159, 12345.678, 3.5)
	fmt.Printf("%5.1f%%\n", 99.5)
	fmt.Printf("%v %.2v %10.3v|\n", 3.14159, 3.14159, "abcdef")
	fmt.Printf("%*d|%-*d|\n", 5, 42, 4, 7)
}
