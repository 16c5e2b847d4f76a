// A Time from Now, or from a timer's channel, carries the monotonic clock reading, which String
// (and so Println and %v) prints after the wall time as " m=+<seconds>.<9 digits>"; Add keeps
// it (a negative reading prints with "-"), Round, Truncate, In, UTC, Local and the other
// constructors have none, Format and JSON never print it, and `==` sees it where Equal does
// not. The readings themselves depend on the machine, so their form is printed.
package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// reading returns what follows " m=" in t's String, "" when there is none.
func reading(t time.Time) string {
	s := t.String()
	i := strings.Index(s, " m=")
	if i < 0 {
		return ""
	}
	return s[i+3:]
}

// form describes a reading: its sign and how many digits follow its point.
func form(m string) string {
	if m == "" {
		return "none"
	}
	dot := strings.Index(m, ".")
	return fmt.Sprintf("%c %d", m[0], len(m)-dot-1)
}

func main() {
	now := time.Now()
	fmt.Println("now:", form(reading(now)), strings.HasPrefix(now.String(), now.Format("2006-01-02 15:04:05.999999999 -0700 MST")))
	fmt.Println("add:", form(reading(now.Add(time.Second))), form(reading(now.Add(-time.Second))))
	fmt.Println("an hour back:", reading(now.Add(-time.Hour))[:7])
	fmt.Println("round:", form(reading(now.Round(0))), form(reading(now.Round(time.Hour))), form(reading(now.Truncate(time.Millisecond))))
	fmt.Println("zones:", form(reading(now.UTC())), form(reading(now.Local())), form(reading(now.In(time.FixedZone("X", 3600)))))
	fmt.Println("made:", form(reading(time.Unix(0, 0))), form(reading(time.Date(2024, 1, 2, 3, 4, 5, 6, time.UTC))), form(reading(now.AddDate(0, 0, 1))), form(reading(time.Time{})))
	fmt.Println("timer:", form(reading(<-time.After(time.Millisecond))))
	tick := time.NewTicker(time.Millisecond)
	fmt.Println("ticker:", form(reading(<-tick.C)))
	tick.Stop()
	fmt.Println("compare:", now == now.Round(0), now.Equal(now.Round(0)), now == now, now.Add(0) == now)
	fmt.Println("format:", strings.Contains(now.Format(time.RFC3339Nano), "m="), strings.Contains(fmt.Sprintf("%v", now), " m=+"))
	b, _ := json.Marshal(now)
	fmt.Println("json:", strings.Contains(string(b), "m="))
	later := time.Now()
	fmt.Println("order:", later.Sub(now) >= 0, !later.Before(now), time.Since(now) >= 0)
	type event struct {
		At time.Time
	}
	fmt.Println("in a struct:", strings.Contains(fmt.Sprintf("%v", event{now}), " m=+"), strings.Contains(fmt.Sprintf("%+v", event{now.Round(0)}), "m="))
}
