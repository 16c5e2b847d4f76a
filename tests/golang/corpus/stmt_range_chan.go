package main

import "fmt"

type point struct{ x, y int }

type shape interface{ area() int }

type rect struct{ w, h int }

func (r rect) area() int { return r.w * r.h }

func filled(n int) chan int {
	ch := make(chan int, n)
	for i := 1; i <= n; i++ {
		ch <- i
	}
	close(ch)
	return ch
}

func main() {
	// A closed buffered channel: every value, then the loop ends.
	sum := 0
	for v := range filled(5) {
		sum += v
	}
	fmt.Println("sum", sum)

	// break and continue.
	for v := range filled(10) {
		if v%2 == 0 {
			continue
		}
		if v > 7 {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println()

	// A labelled continue from an inner loop, a labelled break from a switch.
	odd := filled(6)
outer:
	for v := range odd {
		for j := 0; j < 3; j++ {
			if j == v%3 {
				continue outer
			}
			fmt.Print(v, ":", j, " ")
		}
		switch {
		case v == 5:
			break outer
		}
	}
	fmt.Println()

	// Assignment to variables that outlive the loop, a field, a map entry.
	var last int
	for last = range filled(4) {
	}
	fmt.Println("last", last)
	var p point
	for p.x = range filled(3) {
		p.y += p.x
	}
	fmt.Println("p", p)
	m := map[string]int{}
	for m["k"] = range filled(2) {
	}
	fmt.Println("m", m)

	// No variable.
	n := 0
	for range filled(7) {
		n++
	}
	fmt.Println("n", n)

	// Values are copies: a struct sent, then changed.
	pts := make(chan point, 3)
	q := point{1, 2}
	pts <- q
	q.x = 10
	pts <- q
	arr := [2]int{7, 8}
	arrs := make(chan [2]int, 1)
	arrs <- arr
	arr[0] = 70
	close(pts)
	close(arrs)
	for v := range pts {
		v.y *= 100
		fmt.Println("pt", v)
	}
	fmt.Println("q", q)
	for a := range arrs {
		fmt.Println("arr", a, arr)
	}

	// Concrete values sent on a channel of interfaces.
	shapes := make(chan shape, 2)
	r := rect{2, 3}
	shapes <- r
	r.w = 5
	shapes <- r
	close(shapes)
	for s := range shapes {
		fmt.Println("area", s.area())
	}

	// Closures that capture the loop variable, called in the iteration.
	var fs []func() int
	for v := range filled(3) {
		f := func() int { return v * v }
		fmt.Print(f(), " ")
		fs = append(fs, f)
	}
	fmt.Println(len(fs))

	// An unbuffered channel fed by a goroutine, and one the loop's body sends on.
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v * 2
		}
		close(pong)
	}()
	go func() {
		for i := 0; i < 3; i++ {
			ping <- i
		}
		close(ping)
	}()
	for v := range pong {
		fmt.Print(v, " ")
	}
	fmt.Println()

	// Nested range loops over channels.
	for a := range filled(2) {
		for b := range filled(2) {
			fmt.Print(a*10+b, " ")
		}
	}
	fmt.Println()

	// A range that never ends: a nil channel.
	var never chan int
	for v := range never {
		fmt.Println(v)
	}
}
