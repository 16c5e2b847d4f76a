package main

import "fmt"

// Go 1.22: each iteration of a for loop has its own loop variables, so the closures
// capture 0, 1, 2 and the goroutines see their own i.
func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		i := i
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	var ps []*int
	for i := 0; i < 3; i++ {
		i := i
		ps = append(ps, &i)
	}
	for _, p := range ps {
		fmt.Print(*p, " ")
	}
	fmt.Println()

	var gs []func() string
	for _, s := range []string{"a", "b", "c"} {
		s := s
		gs = append(gs, func() string { return s })
	}
	for _, g := range gs {
		fmt.Print(g(), " ")
	}
	fmt.Println()

	done := make(chan int)
	for i := 0; i < 3; i++ {
		i := i
		go func() { done <- i * 10 }()
	}
	sum := 0
	for i := 0; i < 3; i++ {
		sum += <-done
	}
	fmt.Println(sum)

	// The loop body's change to i carries into the next iteration's copy.
	for j := 0; j < 6; j++ {
		i := j
		fs = append(fs[:0], func() int { return i })
		i++
		fmt.Print(fs[0](), " ")
		j = i
	}
	fmt.Println()
}
