// slices.Repeat (Go 1.23): the copies, an empty result for count 0, the panic for a
// negative count.
package main

import (
	"fmt"
	"slices"
)

func main() {
	fmt.Println(slices.Repeat([]int{1, 2}, 3), len(slices.Repeat([]string{}, 5)), slices.Repeat([]int{7}, 0) == nil)
	r := slices.Repeat([]int{1}, 4)
	fmt.Println(len(r), cap(r))
	defer func() { fmt.Println("recovered:", recover()) }()
	slices.Repeat([]int{1}, -1)
}
