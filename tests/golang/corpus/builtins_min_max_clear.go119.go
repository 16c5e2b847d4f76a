package main

import "fmt"

func main() {
	fmt.Println(1, 3, 5, -1)
	fmt.Println(1.0, 2.5, "a", "b")
	x, y := 7, 9
	_, _ = x, y
	fmt.Println(7, 9)
	fmt.Println(-1, 2.5)
	fmt.Println(0, []int{0, 0})
	var u8 uint8 = 200
	fmt.Printf("%v %T\n", u8, u8)
	m := map[string]int{"a": 1, "b": 2}
	for k := range m {
		delete(m, k)
	}
	fmt.Println(len(m), m)
	m["c"] = 3
	fmt.Println(m)
	s := []int{1, 2, 3}
	t := s[:2]
	for i := range t {
		t[i] = 0
	}
	fmt.Println(s, len(t))
	var nm map[int]int
	fmt.Println(nm == nil)
}
