package main

import "fmt"

func main() {
	sum := 0
	for i := 0; i < 10; i += 3 {
		sum += i
	}
	fmt.Println(sum)
	n := 1
	for n < 100 {
		n *= 3
	}
	fmt.Println(n)
	count := 0
	for {
		count++
		if count == 5 {
			break
		}
		if count%2 == 0 {
			continue
		}
		fmt.Print(count, " ")
	}
	fmt.Println()
	for i, j := 0, 10; i < j; i, j = i+1, j-2 {
		fmt.Print(i, ",", j, " ")
	}
	fmt.Println()
	arr := [3]string{"x", "y", "z"}
	for i := range arr {
		fmt.Print(i)
	}
	for _, v := range arr {
		fmt.Print(v)
	}
	for range arr {
		fmt.Print(".")
	}
	fmt.Println()
	sl := []int{1, 2, 3}
	for i, v := range sl {
		if i == 0 {
			sl = append(sl, 4) // range evaluates sl once
			sl[1] = 20
		}
		fmt.Print(v, " ")
	}
	fmt.Println(sl)
	for i, r := range "aé😀" {
		fmt.Print(i, ":", r, " ")
	}
	fmt.Println()
	m := map[int]string{1: "one", 2: "two", 3: "three"}
	total := 0
	for k, v := range m {
		total += k * len(v)
	}
	fmt.Println(total)
	ch := make(chan int, 5)
	for i := 0; i < 5; i++ {
		ch <- i * i
	}
	close(ch)
	for v := range ch {
		fmt.Print(v, " ")
	}
	fmt.Println()
	var i int
	for i = 0; i < 3; i++ {
	}
	fmt.Println(i)
}
