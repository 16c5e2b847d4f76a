package main

import "fmt"

func main() {
	defer fmt.Println("outer deferred call still runs")
	defer func() {
		panic("panic in deferred func")
	}()
	panic("first panic")
}
