package main

import "fmt"

func main() {
	defer fmt.Println("deferred calls run before the panic is reported")
	panic("boom")
}
