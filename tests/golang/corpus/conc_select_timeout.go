package main

import (
	"fmt"
	"time"
)

func fetch(d time.Duration, v string) <-chan string {
	c := make(chan string, 1)
	go func() {
		time.Sleep(d)
		c <- v
	}()
	return c
}

func main() {
	for _, d := range []time.Duration{20, 100} {
		select {
		case v := <-fetch(d*time.Millisecond, "fast"):
			fmt.Println("got", v)
		case <-time.After(60 * time.Millisecond):
			fmt.Println("timeout after", d*time.Millisecond)
		}
	}
	a, b := fetch(80*time.Millisecond, "a"), fetch(40*time.Millisecond, "b")
	for i := 0; i < 2; i++ {
		select {
		case v := <-a:
			fmt.Println(v)
			a = nil
		case v := <-b:
			fmt.Println(v)
			b = nil
		}
	}
	heartbeat := time.NewTicker(40 * time.Millisecond)
	defer heartbeat.Stop()
	deadline := time.After(100 * time.Millisecond)
	work := fetch(60*time.Millisecond, "work")
	for {
		select {
		case <-heartbeat.C:
			fmt.Println("beat")
		case v := <-work:
			fmt.Println(v)
			work = nil
		case <-deadline:
			fmt.Println("deadline")
			return
		}
	}
}
