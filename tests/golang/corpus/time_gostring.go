// A Time in Go syntax (%#v, its GoString), AppendFormat, IsDST and ZoneBounds in zones
// without daylight saving, and the JSON and text forms' refusal of years past 9999.
package main

import (
	"encoding/json"
	"fmt"
	"time"
)

type Event struct {
	At   time.Time
	Name string
}

func main() {
	ts := []time.Time{
		time.Date(2023, time.March, 15, 14, 30, 45, 123456789, time.UTC),
		time.Date(2023, time.March, 15, 14, 30, 45, 0, time.FixedZone("ABC", 3600)),
		time.Date(-5, time.December, 31, 23, 59, 59, 999, time.UTC),
		time.Unix(0, 0),
		{},
	}
	for _, t := range ts {
		fmt.Printf("%#v\n", t)
		fmt.Println(t.GoString(), t.IsDST())
		fmt.Println(string(t.AppendFormat([]byte("at "), time.Kitchen)))
		start, end := t.ZoneBounds()
		fmt.Println(start.IsZero(), end.IsZero())
	}
	fmt.Printf("%#v\n", Event{At: ts[0], Name: "launch"})

	for _, y := range []int{9999, 10000, -1, 0} {
		t := time.Date(y, 1, 2, 3, 4, 5, 0, time.UTC)
		b, err := t.MarshalJSON()
		fmt.Printf("%q %v\n", b, err)
		b, err = t.MarshalText()
		fmt.Printf("%q %v\n", b, err)
		b, err = json.Marshal(Event{At: t})
		fmt.Printf("%s %v\n", b, err)
	}
}
