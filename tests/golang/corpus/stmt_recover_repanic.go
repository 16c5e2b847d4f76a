package main

import "fmt"

func rePanic() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("caught again:", r)
		}
	}()
	func() {
		defer func() {
			r := recover()
			fmt.Println("first catch:", r)
			panic(fmt.Sprint("re-", r))
		}()
		panic("boom")
	}()
}

func deferredRunDuringPanic() {
	defer func() { fmt.Println("recover:", recover()) }()
	defer fmt.Println("deferred 2 runs")
	defer fmt.Println("deferred 1 runs")
	var m map[string]int
	m["x"] = 1
}

type Code int

func main() {
	rePanic()
	deferredRunDuringPanic()
	func() {
		defer func() {
			r := recover()
			if c, ok := r.(Code); ok {
				fmt.Println("code", int(c))
			}
		}()
		panic(Code(42))
	}()
	fmt.Println("end")
}
