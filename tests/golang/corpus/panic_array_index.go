package main

import "fmt"

func main() {
	var arr [5]int
	fmt.Println(arr)
	i := 5
	arr[i%5] = 1
	fmt.Println(arr)
	idx := []int{0, 7}
	for _, j := range idx {
		arr[j] = 2
	}
}
