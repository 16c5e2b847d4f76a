package main

// A program that is not a program of tests has no test flags: testing.Short and Verbose
// panic as Go's do before testing.Init.

import (
	"fmt"
	"testing"
)

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
		fmt.Println(testing.Verbose())
	}()
	fmt.Println(testing.Short())
}
