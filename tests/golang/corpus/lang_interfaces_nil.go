package main

import (
	"errors"
	"fmt"
)

type MyErr struct{ msg string }

func (e *MyErr) Error() string {
	if e == nil {
		return "nil MyErr"
	}
	return e.msg
}

func mayFail(fail bool) error {
	var p *MyErr
	if fail {
		p = &MyErr{"failed"}
	}
	return p // an interface holding a nil *MyErr is not nil
}

func correct(fail bool) error {
	if fail {
		return &MyErr{"failed"}
	}
	return nil
}

type Speaker interface{ Speak() string }
type Dog struct{}

func (d *Dog) Speak() string {
	if d == nil {
		return "silent nil dog"
	}
	return "woof"
}

func main() {
	err := mayFail(false)
	fmt.Println(err == nil, err)
	fmt.Printf("%T %v\n", err, err)
	err = correct(false)
	fmt.Println(err == nil, err)
	err = mayFail(true)
	fmt.Println(err == nil, err)

	var d *Dog
	var s Speaker = d
	fmt.Println(s == nil, s.Speak())
	s = nil
	fmt.Println(s == nil)

	var e1 error
	var e2 error = (*MyErr)(nil)
	fmt.Println(e1 == nil, e2 == nil, e1 == e2)
	var target *MyErr
	fmt.Println(errors.As(mayFail(true), &target), target.msg)
	var x interface{}
	fmt.Println(x == nil, x)
	x = (*int)(nil)
	fmt.Println(x == nil, x)
	x = []int(nil)
	fmt.Printf("%v %T %v\n", x == nil, x, x)
}
