package main

import (
	"errors"
	"fmt"
)

func main() {
	done := make(chan bool)
	go func() {
		defer fmt.Println("goroutine's deferred call runs")
		panic(errors.New("failure in goroutine"))
	}()
	<-done // never sent: the panic ends the program first
	fmt.Println("main never gets here")
}
