package main

import "fmt"

func lifo() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	fmt.Println("body done")
}

func argsNow() {
	x := 1
	defer fmt.Println("defer saw x =", x)
	defer func() { fmt.Println("closure sees x =", x) }()
	x = 2
}

func double(n int) (result int) {
	defer func() { result *= 2 }()
	return n + 1
}

func named() (s string, err error) {
	defer func() {
		if err != nil {
			s = "recovered: " + s
		}
	}()
	s = "value"
	err = fmt.Errorf("oops")
	return
}

type T struct{ name string }

func (t T) Close() { fmt.Println("close", t.name) }

func methodDefer() {
	t := T{"first"}
	defer t.Close() // receiver evaluated now
	t.name = "second"
	defer t.Close()
}

func loopDefer() (n int) {
	for i := 1; i <= 3; i++ {
		defer func(v int) { n += v }(i)
	}
	return 100
}

func main() {
	lifo()
	argsNow()
	fmt.Println(double(4))
	fmt.Println(named())
	methodDefer()
	fmt.Println(loopDefer())
	func() {
		defer fmt.Println("inner defer")
		fmt.Println("inner body")
	}()
	var f func()
	defer func() {
		fmt.Println("main's last deferred call")
	}()
	_ = f
	fmt.Println("main body end")
}
