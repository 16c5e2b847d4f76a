package main

import (
	"fmt"
	"time"
)

func main() {
	ticker := time.NewTicker(40 * time.Millisecond)
	done := time.After(100 * time.Millisecond)
	ticks := 0
loop:
	for {
		select {
		case <-ticker.C:
			ticks++
			fmt.Println("tick", ticks)
		case <-done:
			break loop
		}
	}
	ticker.Stop()
	fmt.Println("ticks:", ticks)

	ticker.Reset(25 * time.Millisecond)
	<-ticker.C
	fmt.Println("tick after reset")
	ticker.Stop()
	select {
	case <-ticker.C:
		fmt.Println("no tick after stop")
	case <-time.After(60 * time.Millisecond):
		fmt.Println("stopped ticker is quiet")
	}

	c := time.Tick(20 * time.Millisecond)
	for i := 0; i < 3; i++ {
		<-c
		fmt.Println("Tick", i)
	}
}
