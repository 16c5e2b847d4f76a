package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(50 * time.Millisecond)
	el := time.Since(start)
	fmt.Println("slept at least 50ms:", el >= 50*time.Millisecond, el < 500*time.Millisecond)

	select {
	case <-time.After(30 * time.Millisecond):
		fmt.Println("after fired")
	case <-time.After(300 * time.Millisecond):
		fmt.Println("wrong timer")
	}

	t := time.NewTimer(100 * time.Millisecond)
	fmt.Println("stop before firing:", t.Stop())
	fmt.Println("stop again:", t.Stop())
	t.Reset(20 * time.Millisecond)
	v := <-t.C
	fmt.Println("timer fired after reset:", v.After(start))
	fmt.Println("stop after firing:", t.Stop())

	fired := make(chan string)
	time.AfterFunc(40*time.Millisecond, func() { fired <- "afterfunc ran" })
	cancelled := time.AfterFunc(10*time.Millisecond, func() { fmt.Println("never") })
	fmt.Println("cancelled:", cancelled.Stop())
	fmt.Println(<-fired)

	deadline := time.Now().Add(200 * time.Millisecond)
	until := time.Until(deadline)
	fmt.Println("until is positive:", until > 0 && until <= 200*time.Millisecond)
	fmt.Println("rounded elapsed:", time.Since(start).Round(100*time.Millisecond) >= 100*time.Millisecond)

	timeout := time.NewTimer(30 * time.Millisecond)
	work := make(chan int)
	go func() {
		time.Sleep(80 * time.Millisecond)
		work <- 1
	}()
	select {
	case <-work:
		fmt.Println("work first")
	case <-timeout.C:
		fmt.Println("timeout first")
	}
	fmt.Println(<-work)
	var zero time.Duration
	time.Sleep(zero)
	time.Sleep(-time.Second)
	fmt.Println("done")
}
