package main

import (
	"errors"
	"fmt"
	"runtime"
)

type I interface{ M() string }

type S struct{ n int }

func (s S) M() string { return fmt.Sprint("S", s.n) }

type K struct {
	a int
	b []int
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isRuntime := r.(runtime.Error)
		fmt.Printf("%s: %v (runtime error: %v)\n", name, r, isRuntime)
	}()
	f()
}

func deferRecover() (out string) {
	defer func() {
		out = "recovered by defer recover()"
	}()
	defer func() {
		defer recover()
	}()
	panic("inner")
}

func nested() {
	defer func() {
		fmt.Println("outer recover:", recover())
	}()
	defer func() {
		defer func() { fmt.Println("inner recover:", recover()) }()
		panic("second")
	}()
	panic("first")
}

func notDirect() {
	defer func() {
		helper := func() any { return recover() }
		fmt.Println("helper recovers:", helper())
		fmt.Println("direct recovers:", recover())
	}()
	panic("direct only")
}

func main() {
	try("nil func deferred", func() {
		var f func()
		defer f()
		fmt.Println("runs before the deferred nil call")
	})
	try("index nil array pointer", func() {
		var p *[3]int
		fmt.Println(p[1])
	})
	try("uncomparable", func() {
		var x, y any = K{}, K{}
		fmt.Println(x == y)
	})
	try("unhashable", func() {
		m := map[any]int{}
		m[K{}] = 1
	})
	try("nil interface method value", func() {
		var i I
		f := i.M
		fmt.Println(f)
	})
	try("address of nil deref", func() {
		var p *S
		q := &*p
		fmt.Println(q)
	})
	try("plain", func() { panic(errors.New("mine")) })
	fmt.Println(deferRecover())
	nested()
	notDirect()
	f := I.M
	fmt.Println(f(S{1}), I.M(S{2}), interface{ M() string }.M(S{3}))
	g := (*S).M
	fmt.Println(g(&S{4}))
	switch i := interface{}(true); {
	case i:
		fmt.Println("interface case true")
	default:
		fmt.Println("default")
	}
	x := []int{10, 20}
	k := 1
	for k, x[k] = range []int{99} {
	}
	fmt.Println(k, x)
}
