package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2024, time.February, 29, 13, 45, 30, 123456789, time.UTC)
	fmt.Println(t)
	fmt.Println(t.Date())
	fmt.Println(t.Clock())
	fmt.Println(t.Weekday(), t.YearDay(), t.Unix(), t.Nanosecond())
	fmt.Println(t.AddDate(1, 0, 0))
	fmt.Println(t.AddDate(0, 1, 1))
	fmt.Println(t.AddDate(0, -3, -30))
	fmt.Println(time.Date(2023, 10, 32, 0, 0, 0, 0, time.UTC))
	fmt.Println(time.Date(2023, 13, 1, 25, 61, 61, 1e9, time.UTC))
	fmt.Println(time.Date(2023, 0, 0, -1, 0, 0, -1, time.UTC))
	fmt.Println(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Sub(time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC)))
	fmt.Println(time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC).Unix(), time.Date(2100, 3, 1, 0, 0, 0, 0, time.UTC).Unix())
	for _, d := range []time.Time{
		time.Date(2021, 1, 3, 0, 0, 0, 0, time.UTC),
		time.Date(2021, 1, 4, 0, 0, 0, 0, time.UTC),
		time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC),
		time.Date(2019, 12, 30, 0, 0, 0, 0, time.UTC),
	} {
		y, w := d.ISOWeek()
		fmt.Println(d.Format("2006-01-02 Mon"), y, w)
	}
	loc := time.UTC
	fmt.Println(loc, time.Local, t.Location(), t.In(time.UTC).Equal(t))
	name, off := t.Zone()
	fmt.Println(name, off)
	fmt.Println(t.Format(time.RFC3339Nano), t.Format("Jan 2, 2006 at 3:04pm (MST)"))
	days := 0
	for d := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() == 2024; d = d.AddDate(0, 0, 1) {
		days++
	}
	fmt.Println(days)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		time.Date(2020, 1, 1, 0, 0, 0, 0, nil)
	}()
}
