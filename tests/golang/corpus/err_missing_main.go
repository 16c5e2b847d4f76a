// A main package that declares no main function compiles, and the linker reports it.
package main

import "fmt"

func Main() {
	fmt.Println("never runs")
}
