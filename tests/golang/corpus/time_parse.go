package main

import (
	"errors"
	"fmt"
	"time"
)

func show(layout, value string) {
	t, err := time.Parse(layout, value)
	if err != nil {
		var pe *time.ParseError
		fmt.Printf("%-28q error: %v (ParseError: %v)\n", value, err, errors.As(err, &pe))
		return
	}
	// UTC: a zone in the value changes how Go shows the time, not the instant.
	fmt.Printf("%-28q %v %d\n", value, t.UTC(), t.Unix())
}

func main() {
	for _, c := range []struct{ layout, value string }{
		{time.RFC3339, "2024-03-15T10:30:00Z"},
		{time.RFC3339, "2024-03-15T10:30:00+02:00"},
		{time.RFC3339, "2024-03-15T10:30:00-07:30"},
		{time.RFC3339Nano, "2024-03-15T10:30:00.123456789Z"},
		{time.RFC3339, "2024-03-15T10:30:00.5Z"},
		{time.RFC1123, "Fri, 15 Mar 2024 10:30:00 MST"},
		{time.RFC1123Z, "Fri, 15 Mar 2024 10:30:00 -0700"},
		{time.ANSIC, "Fri Mar  5 10:30:00 2024"},
		{time.Kitchen, "3:04PM"},
		{time.Kitchen, "12:00AM"},
		{time.Kitchen, "12:30PM"},
		{"2006-01-02", "2024-02-29"},
		{"2006-01-02 15:04:05", "2024-12-31 23:59:59"},
		{"2006-01-02 15:04:05.000", "2024-01-02 03:04:05.678"},
		{"Jan 2, 2006 at 3:04pm (MST)", "Feb 3, 2013 at 7:54pm (PST)"},
		{"January 2 2006", "MARCH 9 1999"},
		{"02/01/06", "31/12/68"},
		{"02/01/06", "01/01/69"},
		{"2006 002", "2024 060"},
		{"2006 __2", "2023  59"},
		{"15:04:05", "7:08:09"},
		{"Monday, 2006-01-02", "Tuesday, 2009-11-10"},
		{"2006-01-02   15:04", "2024-03-15 10:30"},
		{"2006-01-02T15:04:05Z07:00:00", "2024-03-15T10:30:00+01:02:03"},
		{"2006-01-02 -07", "2024-03-15 +05"},
		{"2006-01-02 GMT-07", "2024-03-15 GMT+3"},

		// Errors, word for word.
		{time.RFC3339, "2024-03-15"},
		{"2006-01-02", "2024-02-30"},
		{"2006-01-02", "2023-02-29"},
		{"2006-01-02", "2024-13-01"},
		{"2006-01-02", "2024-1-01"},
		{"2006-01-02", "24-01-01"},
		{"2006-01-02 15:04:05", "2024-01-01 24:00:00"},
		{"2006-01-02 15:04:05", "2024-01-01 10:60:00"},
		{"2006-01-02 15:04:05", "2024-01-01 10:00:61"},
		{"2006-01-02", "2024-01-01 extra"},
		{time.Kitchen, "13:04PM"},
		{time.Kitchen, "3:04XM"},
		{"Jan 2", "Foo 2"},
		{"2006 002", "2023 366"},
		{"2006-01 002", "2024-02 060"},
		{"2006-01-02 002", "2024-03-02 061"},
		{time.RFC3339, "2024-03-15T10:30:00+0200"},
		{"2006-01-02 MST", "2024-03-15 utc"},
		{time.StampMilli, "Mar  5 10:30:00.12"},
		{"2006-01-02", ""},
		{"2006-01-02", "2024-01-01\xff"},
	} {
		show(c.layout, c.value)
	}
	t, err := time.ParseInLocation("2006-01-02 15:04:05", "2009-11-10 23:00:00", time.UTC)
	fmt.Println(t, err, t.Equal(time.Date(2009, 11, 10, 23, 0, 0, 0, time.UTC)))
	z, err := time.Parse("15:04", "13:45")
	fmt.Println(z, err, z.Year(), z.Before(time.Time{}))
}
