// ParseInLocation reads a time without a zone in its location, and a zone the value names
// that is the location's gives the location; time.Unix's times are Local (which reads as
// UTC here, as on Go's playground) and compare as Local ones.
package main

import (
	"fmt"
	"time"
)

func main() {
	x := time.FixedZone("X", 7200)
	cases := []struct{ layout, value string }{
		{"2006-01-02 15:04", "2021-07-08 09:10"},
		{"2006-01-02 15:04 -0700", "2021-07-08 09:10 +0200"},
		{"2006-01-02 15:04 -0700", "2021-07-08 09:10 +0300"},
		{"2006-01-02 15:04 -0700", "2021-07-08 09:10 +0000"},
		{"2006-01-02 15:04 MST", "2021-07-08 09:10 X"},
		{"2006-01-02 15:04 MST", "2021-07-08 09:10 PDT"},
		{"2006-01-02 15:04 MST", "2021-07-08 09:10 GMT+3"},
		{"2006-01-02 15:04 MST", "2021-07-08 09:10 UTC"},
		{time.RFC3339, "2021-07-08T09:10:00Z"},
		{time.RFC3339, "2021-07-08T09:10:00+02:00"},
		{"2006-01-02 15:04 -0700 MST", "2021-07-08 09:10 +0200 X"},
		{"2006-01-02 15:04 -0700 MST", "2021-07-08 09:10 +0200 Y"},
	}
	for _, c := range cases {
		for _, loc := range []*time.Location{x, time.UTC, time.Local} {
			t, err := time.ParseInLocation(c.layout, c.value, loc)
			fmt.Println(loc, "|", t, t.Unix(), t.Location(), err)
		}
		t, err := time.Parse(c.layout, c.value)
		fmt.Println("Parse |", t, t.Unix(), t.Location(), err)
	}
	_, err := time.ParseInLocation("2006-01-02", "2021-13-01", x)
	fmt.Println(err)

	a := time.Unix(100, 0)
	fmt.Println(a, a.Location(), a == a.Local(), a == a.UTC(), a.Equal(a.UTC()))
	fmt.Println(time.UnixMilli(1500).Location(), time.UnixMicro(7).Location())
	m := map[time.Time]int{a: 1}
	fmt.Println(m[a], m[a.UTC()], m[a.Local()])
}
