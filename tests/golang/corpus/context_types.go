package main

import (
	"context"
	"fmt"
	"time"
)

// The dynamic types of contexts, as %T names them.

func main() {
	bg := context.Background()
	tm, cancel1 := context.WithTimeout(bg, time.Second)
	defer cancel1()
	past, cancel2 := context.WithDeadline(bg, time.Now().Add(-time.Second))
	defer cancel2()
	later, cancel3 := context.WithDeadline(tm, time.Now().Add(time.Hour))
	defer cancel3()
	cc, cancel4 := context.WithCancel(tm)
	defer cancel4()
	v := context.WithValue(cc, "k", 1)
	fmt.Printf("%T %T %T %T %T %T\n", bg, tm, past, later, cc, v)
	fmt.Println(past.Err())
	_, ok := tm.Deadline()
	fmt.Println(ok, tm.Err(), later.Err())
	cancel1()
	fmt.Println(tm.Err(), later.Err(), cc.Err(), v.Err())
}
