package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() {
		v := <-ch
		fmt.Println("got", v)
	}()
	fmt.Println("main waits")
	<-ch
}
