package main

import (
	"fmt"
	"sync"
	"testing"
)

func Square(n int) int { return n * n }

func TestSquare(t *testing.T) {
	if Square(3) != 9 {
		t.Fatal("bad square")
	}
}

func ExampleSquare() {
	fmt.Println(Square(4))
	fmt.Println(Square(-2))
	// Output:
	// 16
	// 4
}

// Workers print in any order: the output is compared as a set of lines.
func Example_workers() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			fmt.Printf("worker %d done\n", id)
		}(i)
	}
	wg.Wait()
	// Unordered output:
	// worker 3 done
	// worker 1 done
	// worker 2 done
}

func ExampleSquare_wrong() {
	fmt.Println(Square(5))
	// Output: 20
}

// No output comment: compiled, not run.
func ExampleSquare_silent() {
	panic("never runs")
}

func ExampleSquare_empty() {
	// Output:
}
