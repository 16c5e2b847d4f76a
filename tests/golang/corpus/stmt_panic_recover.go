package main

import (
	"errors"
	"fmt"
)

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func recoverValue() {
	defer func() {
		r := recover()
		fmt.Printf("recovered %T %v\n", r, r)
	}()
	panic(errors.New("custom error"))
}

func notInDefer() {
	r := recover() // not called by a deferred function: nil
	fmt.Println("direct recover:", r)
}

func nested() (s string) {
	defer func() {
		r := recover()
		s = fmt.Sprint("outer got ", r)
	}()
	defer func() {
		panic("second") // replaces the first panic
	}()
	panic("first")
}

func main() {
	fmt.Println(safeDiv(10, 2))
	fmt.Println(safeDiv(1, 0))
	recoverValue()
	notInDefer()
	fmt.Println(nested())
	func() {
		defer func() {
			err := recover().(error)
			fmt.Println("runtime error:", err.Error())
		}()
		var a []int
		_ = a[3]
	}()
	fmt.Println(recover())
	fmt.Println("end")
}
