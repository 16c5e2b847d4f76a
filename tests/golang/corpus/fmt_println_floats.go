package main

import "fmt"

func main() {
	fmt.Println(1e6, 1e5, 123456.0, 1234567.0, 3.14, 1e-7, 0.0001, 0.00001)
	fmt.Println(1e20, 1e21, 1e100, 2.0, -0.5, 100.25)
	fmt.Println(float32(0.1), float32(1e6), float32(1e7), float32(3.14159265))
	fmt.Println(1.0/3.0, 2.0/3.0, 0.1+0.2, 1e-320)
	var f32 float32 = 1.0 / 3.0
	fmt.Println(f32, float64(f32))
	fmt.Print(1.5, 2.5, "\n")
	fmt.Print("a", 1, 2, "b", 3.5, true, "\n")
	fmt.Print(1, 2, "\n")
	fmt.Print("x", "y", "\n")
	s := fmt.Sprint(1, 2, "a", "b", 3)
	fmt.Println(s)
	s = fmt.Sprintln("a", 1, true)
	fmt.Printf("%q\n", s)
	fmt.Println(fmt.Sprint(), fmt.Sprint(nil), fmt.Sprint(1e6))
	fmt.Println(fmt.Sprintf("%v", 1e6), fmt.Sprintf("%v", float32(2.5)))
	fmt.Println([]float64{1, 2.5, 1e9}, map[string]float64{"pi": 3.14159})
	fmt.Println(int64(-1), uint64(18446744073709551615), 'a', byte('a'))
	fmt.Println(true, false, "", "x")
	fmt.Println()
	n, err := fmt.Println("count me")
	fmt.Println(n, err)
}
