package main

import "fmt"

// The results of one call as the arguments.
func pair() (float64, float64) { return 2.5, -1 }

func main() {
	fmt.Println(min(3, 1, 2), max(3, 1, 2), min(5), max(-1, -2))
	fmt.Println(min(2.5, 1.0), max(1, 2.5), min("b", "a", "c"), max("b", "ab"))
	x, y := 7, 9
	fmt.Println(min(x, y), max(x, y, 8))
	fmt.Println(min(pair()), max(pair()))
	cm, cs := map[int]int{1: 1}, []int{1, 2}
	func() {
		defer clear(cm)
		defer clear(cs)
	}()
	fmt.Println(len(cm), cs)
	var u8 uint8 = 200
	fmt.Printf("%v %T\n", max(u8, 100), max(u8, 100))
	m := map[string]int{"a": 1, "b": 2}
	clear(m)
	fmt.Println(len(m), m)
	m["c"] = 3
	fmt.Println(m)
	s := []int{1, 2, 3}
	t := s[:2]
	clear(t)
	fmt.Println(s, len(t))
	var nm map[int]int
	clear(nm)
	fmt.Println(nm == nil)
}
