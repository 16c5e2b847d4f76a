package main

import "fmt"

func main() {
	var s []int
	s = append(s, 1, 2, 3)
	fmt.Println(len(s), cap(s), s)
	s = append(s, 4, 5, 6, 7)
	fmt.Println(len(s), cap(s), s)
	s = append(s, make([]int, 10)...)
	fmt.Println(len(s), cap(s))
	t := append([]int{}, make([]int, 5)...)
	fmt.Println(len(t), cap(t))
	u := append([]int(nil), make([]int, 11)...)
	fmt.Println(len(u), cap(u))
	v := append(make([]int, 3, 3), make([]int, 4)...)
	fmt.Println(len(v), cap(v))
	w := append(make([]int, 100), 1)
	fmt.Println(len(w), cap(w))
	x := append(make([]int, 300), 1)
	fmt.Println(len(x), cap(x))
	bs := append([]byte("hello"), " world"...)
	fmt.Println(string(bs), len(bs), cap(bs))
	b2 := append([]byte(nil), "abc"...)
	fmt.Println(len(b2), cap(b2))
	r := append([]rune(nil), 'a', 'b', 'c')
	fmt.Println(len(r), cap(r))
	s2 := append([]string{"a"}, "b", "c", "d", "e")
	fmt.Println(len(s2), cap(s2))
	e := append([]int{})
	fmt.Println(len(e), cap(e), e == nil)
	var nn []int
	nn = append(nn)
	fmt.Println(nn == nil)
	self := []int{1, 2, 3}
	self = append(self, self...)
	fmt.Println(self, len(self), cap(self))
}
