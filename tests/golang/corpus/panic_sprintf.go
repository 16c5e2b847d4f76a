package main

import "fmt"

func main() {
	id := 7
	panic(fmt.Sprintf("bad id %d: %q", id, "x"))
}
