// Stdout and stderr written into the same lines: the output keeps the order the program
// wrote them in, as a terminal (and `go run prog.go 2>&1`) shows them.
package main

import (
	"fmt"
	"log"
	"os"
)

func main() {
	log.SetFlags(0)
	for i := 0; i < 3; i++ {
		fmt.Print(i, " ")
	}
	log.Println("logged mid-line")
	fmt.Print("[")
	print("builtin print")
	fmt.Println("]")
	fmt.Fprint(os.Stderr, "err ")
	fmt.Fprint(os.Stdout, "out ")
	fmt.Fprint(os.Stderr, "err\n")
	done := make(chan bool)
	go func() {
		fmt.Print("goroutine ")
		done <- true
	}()
	<-done
	fmt.Fprintf(os.Stderr, "%d%%", 50)
	fmt.Print("unended")
	panic("after output without newlines")
}
