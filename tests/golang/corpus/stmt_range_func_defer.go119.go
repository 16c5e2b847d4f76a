package main

import "fmt"

func f() (result string) {
	defer fmt.Println("f's own defer, deferred first")
	for i := 0; i < 3; i++ {
		i := i
		defer fmt.Println("deferred in the body, i =", i)
		for j := 0; j < 2; j++ {
			j := j
			defer func() { fmt.Println("nested body defer", i, j) }()
		}
		fmt.Println("  iterator b cleans up")
	}
	fmt.Println("  iterator a cleans up")
	fmt.Println("f returns")
	return "done"
}

func g() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	for _, v := range []int{1, 2, 3} {
		v := v
		defer func() { fmt.Println("unwinding", v) }()
		if v == 2 {
			panic("at 2")
		}
	}
	return nil
}

func main() {
	fmt.Println(f())
	fmt.Println(g())
}
