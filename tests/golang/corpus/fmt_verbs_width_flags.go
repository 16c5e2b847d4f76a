package main

import "fmt"

func main() {
	fmt.Printf("[%6.2f]\n", 3.14159)
	fmt.Printf("[%-10s]\n", "left")
	fmt.Printf("[%10s]\n", "right")
	fmt.Printf("[%03d]\n", 7)
	fmt.Printf("[%03d]\n", -7)
	fmt.Printf("[%+d] [%+d]\n", 5, -5)
	fmt.Printf("[% d] [% d]\n", 5, -5)
	fmt.Printf("[%5t] [%-6t]\n", true, false)
	fmt.Printf("[%x] [%X] [% X]\n", "abc", "abc", "abc")
	fmt.Printf("[%8.3s]\n", "abcdef")
	fmt.Printf("[%-8d] [%8d]\n", 42, 42)
	fmt.Printf("[%#x] [%#o] [%#b]\n", 255, 8, 5)
	fmt.Printf("[%08b]\n", 5)
	fmt.Printf("[%.0f] [%.0f] [%.0f]\n", 0.5, 1.5, 2.5)
	fmt.Printf("[%.3e] [%10.2e]\n", 123456.789, 0.000123)
	fmt.Printf("[%g] [%g] [%g] [%g]\n", 100000.0, 1000000.0, 1e21, 0.0001)
	fmt.Printf("[%.3g] [%.10g]\n", 1234.5678, 1.0/3)
	fmt.Printf("[%6.2f%%]\n", 12.3456)
	fmt.Printf("[%q] [%-8q] [%+q]\n", "é", "a", "é")
	fmt.Printf("[%5c] [%-3c]\n", 'x', 'y')
	fmt.Printf("[%v] [%6v] [%-6v]\n", []int{1, 2}, 42, true)
	fmt.Printf("[%4d] [%-4d]\n", []int{1, 22}, [2]int{3, 4})
	fmt.Printf("[%x] [%X]\n", -255, uint8(200))
	fmt.Printf("[%010.3f] [%-10.3f] [%+.1f]\n", -3.14159, 2.0, 0.05)
	fmt.Printf("[%s] [%10v]\n", struct{ A, B string }{"x", "y"}, struct{ N int }{5})
	fmt.Printf("[%6.2v]\n", 3.14159)
	fmt.Printf("[%.2s] [%.0d] [%.0d]\n", "日本語", 0, 1)
}
