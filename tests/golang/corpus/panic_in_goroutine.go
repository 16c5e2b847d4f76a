package main

import (
	"fmt"
	"time"
)

func worker(id int) {
	if id == 2 {
		var s []string
		fmt.Println(s[id])
	}
	time.Sleep(time.Second)
}

func main() {
	for i := 1; i <= 3; i++ {
		go worker(i)
	}
	time.Sleep(500 * time.Millisecond)
	fmt.Println("main never gets here")
}
