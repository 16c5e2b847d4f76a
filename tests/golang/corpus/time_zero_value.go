package main

import (
	"encoding/json"
	"fmt"
	"time"
)

// An Event whose time was never set holds Go's zero Time: January 1 of year 1.
type Event struct {
	Name string
	At   time.Time
}

func main() {
	var z time.Time
	fmt.Println(z, z.IsZero(), z.Unix(), z.Year(), z.Month(), z.Weekday(), z.YearDay())
	fmt.Printf("%v %+v\n", Event{Name: "unset"}, Event{Name: "unset"})
	b, _ := json.Marshal(Event{Name: "unset"})
	fmt.Println(string(b))

	start := time.Now()
	fmt.Println(start.IsZero(), start.After(z), z.Before(start), z.Equal(time.Time{}))
	// Sub saturates when the difference does not fit in a Duration.
	fmt.Println(start.Sub(z), z.Sub(start), z.Add(-time.Second))

	u := time.Unix(1700000000, 1500000000)
	fmt.Println(u, u.Unix(), u.Nanosecond(), u.UnixMilli(), u.UnixMicro())
	neg := time.Unix(-1, -5)
	fmt.Println(neg, neg.UnixNano(), time.UnixMilli(-1500), time.UnixMicro(1234567))

	// Truncate and Round count multiples of d from the zero time.
	t := time.Date(2024, 2, 29, 13, 45, 30, 987654321, time.UTC)
	for _, d := range []time.Duration{
		time.Second, time.Hour, 7 * 24 * time.Hour, 250 * time.Millisecond,
		7 * time.Millisecond, 36 * time.Hour, 1234567891, 0,
	} {
		fmt.Println(d, t.Truncate(d), t.Round(d), neg.Truncate(d), neg.Round(d))
	}
	fmt.Println(z.Truncate(time.Hour), z.Round(time.Hour))
	fmt.Println(time.Date(2023, 13, 35, 25, 61, 61, 1e9+5, time.UTC))
	fmt.Println(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).IsZero())
	end := z.Add(1<<63 - 1)
	fmt.Println(end, end.Sub(z))
}
