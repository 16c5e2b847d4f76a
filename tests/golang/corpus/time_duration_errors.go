package main

import (
	"fmt"
	"time"
)

func main() {
	for _, s := range []string{"1h", "bogus", "", "1.5", "3x", "-", ".s", "9999999999h"} {
		d, err := time.ParseDuration(s)
		fmt.Printf("%q: %v %v %T\n", s, d, err, err)
	}
}
