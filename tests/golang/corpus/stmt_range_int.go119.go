package main

import "fmt"

type Count uint8

func main() {
	for i := 0; i < 5; i++ {
		fmt.Print(i, " ")
	}
	fmt.Println()
	n := 3
	total := 0
	for i := 0; i < n; i++ {
		total++
	}
	fmt.Println(total)
	for i := 0; i < 0; i++ {
		fmt.Println("never", i)
	}
	for i := 0; i < -2; i++ {
		fmt.Println("never", i)
	}
	var c Count = 4
	for i := Count(0); i < c; i++ {
		fmt.Printf("%T %v\n", i, i)
	}
	var fs []func() int
	for i := 0; i < 3; i++ {
		i := i
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	for i := 0; i < 10; i++ {
		if i == 2 {
			continue
		}
		if i == 5 {
			break
		}
		fmt.Print(i)
	}
	fmt.Println()
}
