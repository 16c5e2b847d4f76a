package main

import "fmt"

type Count uint8

func main() {
	for i := range 5 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	n := 3
	total := 0
	for range n {
		total++
	}
	fmt.Println(total)
	for i := range 0 {
		fmt.Println("never", i)
	}
	for i := range -2 {
		fmt.Println("never", i)
	}
	var c Count = 4
	for i := range c {
		fmt.Printf("%T %v\n", i, i)
	}
	var fs []func() int
	for i := range 3 {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	for i := range 10 {
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
