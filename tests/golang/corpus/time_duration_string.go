package main

import (
	"fmt"
	"time"
)

func main() {
	ds := []time.Duration{
		0, 1, 999, time.Microsecond, 1500 * time.Nanosecond, 150 * time.Millisecond,
		1500 * time.Millisecond, 90 * time.Second, 2 * time.Hour, 26*time.Hour + 3*time.Minute,
		-2 * time.Second, time.Duration(1<<63 - 1),
	}
	for _, d := range ds {
		fmt.Println(d)
	}
	d := 1*time.Minute + 30*time.Second
	fmt.Println(d.Seconds(), d.Minutes(), d.Milliseconds(), int64(d))
	fmt.Printf("%v %s %d %T\n", d, d, d, d)
	fmt.Println(d.Round(time.Minute), d.Truncate(time.Minute), (1234567 * time.Microsecond).Round(time.Millisecond))
	fmt.Println(time.Duration(2.5 * float64(time.Second)))
	fmt.Println(time.Second*2 > time.Millisecond*1999, time.Hour.Hours())
	fmt.Println([]time.Duration{time.Millisecond, time.Second})
	p, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(p, err)
	_, err = time.ParseDuration("abc")
	fmt.Println(err)
}
