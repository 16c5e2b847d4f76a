// The order of evaluation gc follows: an expression's calls are made first, left to right,
// and the variables, fields, elements and map entries it reads are read after them (so a call
// that changes one shows); an operator assignment reads its place after its right side; an
// assignment evaluates the left side's operands, then the right side, then assigns left to
// right.
package main

import "fmt"

type T struct {
	n    int
	next *T
	arr  [3]int
	m    map[string]int
}

func places() {
	a := []int{0, 0, 0}
	i := 0
	i, a[i] = 1, 9
	fmt.Println(i, a)
	a[i], i = 7, 2
	fmt.Println(i, a)
	p := &T{n: 1, m: map[string]int{}}
	q := &T{n: 100}
	p.next = q
	p, p.n = q, 5
	fmt.Println(p.n, q.n)
	t := &T{m: map[string]int{}}
	bump := func() int { t.n += 10; return 1 }
	t.n += bump()
	fmt.Println(t.n)
	t.arr[1] += 4
	t.arr[1] <<= 2
	t.arr[2]--
	t.m["k"] += 3
	t.m["k"] *= 5
	t.m["z"]++
	fmt.Println(t.arr, t.m)
	x := 5
	px := &x
	*px += 2
	*px++
	set := func(v int) int { x = v; return 1 }
	*px += set(100)
	fmt.Println(x)
	s := T{n: 1}
	s.n += 2
	s.arr[0] |= 6
	s2 := s
	s2.n *= 10
	s2.arr[0] &= 3
	fmt.Println(s.n, s.arr, s2.n, s2.arr)
	grid := [][]int{{1, 2}, {3, 4}}
	r, c := 1, 0
	grid[r][c] += grid[c][r]
	grid[r], r = []int{9, 9}, 0
	fmt.Println(grid, r)
	ptrs := []*T{{n: 1}, {n: 2}}
	k := 0
	ptrs[k].n, k = 50, 1
	ptrs[k].n += ptrs[0].n
	fmt.Println(ptrs[0].n, ptrs[1].n)
	var u8 uint8 = 250
	arr8 := []uint8{250}
	u8 += 10
	arr8[0] += 10
	fmt.Println(u8, arr8)
}

type U struct{ n int }

func calls() {
	x := 1
	f := func() int { x = 10; return 1 }
	y := x + f()
	fmt.Println(y)
	x = 1
	z := []int{x, f(), x}
	fmt.Println(z)
	t := &U{n: 1}
	g := func() int { t.n = 20; return 2 }
	w := t.n * g()
	fmt.Println(w)
	arr := []int{1, 2}
	h := func() int { arr[0] = 30; return 3 }
	v := arr[0] + h()
	fmt.Println(v)
	x = 1
	fmt.Println(x, f(), x)
	m := map[string]int{"a": 1}
	k := func() int { m["a"] = 40; return 4 }
	fmt.Println(m["a"] + k())
}

var global = 1

func setGlobal() int { global = 7; return 1 }

func pair(a, b int) (int, int) { return a, b }

func both() (int, int) {
	x := 1
	f := func() int { x = 2; return 0 }
	return x, f()
}

func lists() {
	fmt.Println(global+setGlobal(), global)
	global = 1
	fmt.Println(pair(global, setGlobal()))
	fmt.Println(both())
	x := 1
	f := func() int { x = 5; return 3 }
	var a, b int
	a, b = x, f()
	fmt.Println(a, b)
	x = 1
	if x < f() {
		fmt.Println("then", x)
	}
	n := 0
	x = 0
	g := func() int { x++; return 3 }
	for x+1 < g() {
		n++
	}
	fmt.Println(n, x)
	s := []int{1, 2, 3}
	grow := func() int { s = append(s, 4); return 0 }
	fmt.Println(len(s)+grow(), len(s))
	ok := x > 0 && g() > 0
	fmt.Println(ok, x)
	var steps []string
	at := func(step string, v int) int { steps = append(steps, step); return v }
	arr := []int{0, 0}
	arr[at("index", 1)] = at("value", 5) + len(steps)
	arr[at("i0", 0)], arr[at("i1", 1)] = at("v0", 7), at("v1", 8)
	arr[at("op", 0)] += at("operand", 1) + len(steps)
	fmt.Println(arr, steps)
}

// The builtins that make or take values apart are evaluated in order with the calls, as
// len and cap are (Go's fixedbugs/bug491.go).
func builtins() {
	x := make([]int, 0)
	grow := func() int { x = make([]int, 2); return 2 }
	a, b, c := append(x, 1), grow(), append(x, 1)
	fmt.Println(len(a), b, len(c))

	tmp := make([]int, 10)
	y := make([]int, 1)
	swap := func() int { y = make([]int, 3); return 2 }
	n1, _, n2 := copy(tmp, y), swap(), copy(tmp, y)
	fmt.Println(n1, n2)

	f := 1.0
	set := func() int { f = 3; return 0 }
	c1, _, c2 := complex(f, 0), set(), complex(f, 1)
	fmt.Println(c1, c2)

	z := 2i
	setz := func() int { z = 5 + 3i; return 0 }
	r1, i1, _, r2, i2 := real(z), imag(z), setz(), real(z), imag(z)
	fmt.Println(r1, i1, r2, i2)

	size := 1
	bump := func() int { size = 4; return 0 }
	m1, _, m2 := make([]int, size), bump(), make([]int, size)
	fmt.Println(len(m1), len(m2))
}

func main() {
	places()
	calls()
	lists()
	builtins()
}
