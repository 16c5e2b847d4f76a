package main

import "fmt"

func TestGreeting(t *testing.T) {
	fmt.Println(greeting)
}
