// os.Exit's status as the system keeps it: its low 8 bits (261 exits 5; -1 would be 255).
package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("deferred calls do not run")
	fmt.Println("exiting")
	os.Exit(261)
}
