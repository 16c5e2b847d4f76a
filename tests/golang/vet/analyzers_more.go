package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
)

type myInt int
type text string

type P struct{}

func (p *P) String() string { return "p" }
func (p P) Do()             {}

type E struct{}

func (E) Error() string { return "e" }

const debug = false

func loops(n int) int {
	for {
		if n > 3 {
			break
		}
		n++
	}
	fmt.Println("after break loop")
outer:
	for {
		for {
			break outer
		}
	}
	fmt.Println("after labeled break")
	for {
	}
	fmt.Println("never")
	return n
}

func switches(x int) int {
	switch x {
	case 1:
		return 1
	default:
		return 2
	}
	fmt.Println("dead after switch")
	switch {
	case x > 1:
		return 1
	}
	fmt.Println("alive: no default")
	ch := make(chan int)
	select {
	case <-ch:
		return 1
	}
	fmt.Println("dead after select")
	goto end
	fmt.Println("dead before label")
end:
	fmt.Println("label reached by goto")
	f := func() int {
		return 1
		fmt.Println("dead in literal")
		return 2
	}
	_ = f
	panic("stop")
	return 0
}

func shifts(u uint16, i int) {
	if debug {
		_ = u << 20
	}
	if !debug {
		_ = u << 16
	} else {
		_ = u << 17
	}
	u <<= 16
	i >>= 64
	_ = i << 63
	const c = 1 << 70 >> 68
	_ = c
	switch 2 {
	case 1:
		_ = u << 30
	case 2:
		_ = u << 31
	}
}

func conv(m myInt, r rune, b byte, u uint, i64 int64) {
	_ = string(m)
	_ = text(m)
	_ = string(r)
	_ = string(b)
	_ = string(u)
	_ = text(i64)
	_ = string(65)
	_ = string('A')
}

func main() {
	var err error = E{}
	p := &P{}
	x := 3
	s := []int{1}
	p.String()
	err.Error()
	E{}.Error()
	strings.ToUpper("q")
	fmt.Sprintln("x")
	if p.Do == nil || fmt.Println == nil {
	}
	if x == 1 || s[0] == 2 || x == 1 {
	}
	if x == 1 || f() || x == 1 {
	}
	if x != 1 && x != 2 {
	}
	if x == 1 && x == 1 {
	}
	s[0] = s[0]
	s[f2()] = s[f2()]
	var e E
	var pe *E
	var any interface{}
	errors.As(err, &e)
	errors.As(err, &pe)
	errors.As(err, &err)
	errors.As(err, any)
	errors.As(err, &any)
	errors.As(err, &x)
	var v map[string]int
	json.Unmarshal(nil, &v)
	json.Unmarshal(nil, v)
	json.NewDecoder(os.Stdin).Decode(v)
	json.NewDecoder(os.Stdin).Decode(nil)
	fmt.Println(loops(1), switches(1))
	shifts(1, 2)
	conv(1, 2, 3, 4, 5)
}

func f() bool { return true }
func f2() int { return 0 }
