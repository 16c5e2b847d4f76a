package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	select {
	case v := <-ch:
		fmt.Println("received", v)
	default:
		fmt.Println("nothing ready")
	}
	select {
	case ch <- 1:
		fmt.Println("sent 1")
	default:
		fmt.Println("full")
	}
	select {
	case ch <- 2:
		fmt.Println("sent 2")
	default:
		fmt.Println("full")
	}
	var nilCh chan int
	select {
	case v := <-nilCh:
		fmt.Println("never", v)
	case nilCh <- 1:
		fmt.Println("never")
	case v, ok := <-ch:
		fmt.Println("got", v, ok)
	}
	close(ch)
	select {
	case v, ok := <-ch:
		fmt.Println("closed:", v, ok)
	}
	select {
	case <-nilCh:
	default:
		fmt.Println("nil channel never ready")
	}
	out := make(chan string)
	quit := make(chan bool)
	go func() {
		for i := 0; i < 3; i++ {
			out <- fmt.Sprint("msg", i)
		}
		quit <- true
	}()
	for done := false; !done; {
		select {
		case m := <-out:
			fmt.Println(m)
		case <-quit:
			fmt.Println("quit")
			done = true
		}
	}
	results := make(chan int)
	go func() {
		var a, b chan int = make(chan int), nil
		go func() { a <- 5 }()
		select {
		case v := <-a:
			results <- v
		case v := <-b:
			results <- v * 100
		}
	}()
	fmt.Println(<-results)
}
