package main

import "fmt"

func find(grid [][]int, want int) (int, int) {
	for i, row := range grid {
		for j, v := range row {
			if v == want {
				r, c := i, j
				_ = c
				goto found
			found:
				return r, j
			}
		}
	}
	return -1, -1
}

func collatz(n int) int {
	steps := 0
loop:
	if n == 1 {
		goto done
	}
	if n%2 == 0 {
		n /= 2
	} else {
		n = 3*n + 1
	}
	steps++
	goto loop
done:
	return steps
}

func main() {
	i := 0
L:
	i++
	fmt.Println("i", i)
	if i < 3 {
		goto L
	}
	goto skip
skip:
	fmt.Println("end", i)
	fmt.Println(collatz(27), collatz(1))
	fmt.Println(find([][]int{{1, 2}, {3, 4}}, 4))
	var fs []func() int
	n := 0
again:
	x := n * 10
	fs = append(fs, func() int { return x })
	n++
	if n < 3 {
		goto again
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	k := 0
	for {
		switch {
		case k > 4:
			goto out
		}
		k++
	}
out:
	fmt.Println("k", k)
	func() {
		j := 0
	inner:
		if j < 2 {
			j++
			goto inner
		}
		fmt.Println("j", j)
	}()
}
