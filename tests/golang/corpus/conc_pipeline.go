package main

import "fmt"

func gen(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		for _, n := range nums {
			out <- n
		}
		close(out)
	}()
	return out
}

func sq(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for n := range in {
			out <- n * n
		}
		close(out)
	}()
	return out
}

func filter(in <-chan int, keep func(int) bool) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			if keep(n) {
				out <- n
			}
		}
	}()
	return out
}

func main() {
	for v := range sq(sq(gen(1, 2, 3))) {
		fmt.Println(v)
	}
	odd := filter(sq(gen(1, 2, 3, 4, 5, 6, 7)), func(n int) bool { return n%2 == 1 })
	sum := 0
	for v := range odd {
		fmt.Print(v, " ")
		sum += v
	}
	fmt.Println("sum", sum)
	_, ok := <-odd
	fmt.Println("closed:", !ok)
}
