package main

import (
	"encoding/json"
	"fmt"
	"time"
)

func main() {
	// Times parsed with a zone keep it, as Go shows them.
	for _, c := range []struct{ layout, value string }{
		{time.RFC3339, "2024-03-15T10:30:00+02:00"},
		{time.RFC3339, "2024-03-15T10:30:00-07:30"},
		{time.RFC3339, "2024-03-15T10:30:00+00:00"},
		{time.RFC3339, "2024-03-15T10:30:00Z"},
		{time.RFC1123, "Fri, 15 Mar 2024 10:30:00 MST"},
		{time.RFC1123, "Fri, 15 Mar 2024 10:30:00 UTC"},
		{time.RFC1123Z, "Fri, 15 Mar 2024 10:30:00 -0700"},
		{"2006-01-02 15:04:05 -0700 MST", "2024-03-15 10:30:00 +0530 IST"},
		{"2006-01-02 15:04 MST", "2024-03-15 10:30 GMT+3"},
		{"2006-01-02T15:04:05Z07:00:00", "2024-03-15T10:30:00+01:02:03"},
	} {
		t, err := time.Parse(c.layout, c.value)
		name, offset := t.Zone()
		fmt.Println(t, err, name, offset, t.Location(), t.Unix())
		fmt.Println("  ", t.Format(time.RFC3339), t.Format(time.RFC822Z), t.Format(time.Kitchen), t.Hour(), t.Day())
	}

	// Fixed zones, In, and Date in a zone.
	ist := time.FixedZone("IST", 5*3600+1800)
	west := time.FixedZone("", -4*3600)
	t := time.Date(2024, 12, 31, 22, 15, 0, 0, time.UTC)
	fmt.Println(t.In(ist), t.In(west), t.In(ist).Equal(t), t.In(ist) == t)
	fmt.Println(t.In(ist).Date())
	fmt.Println(t.In(west).Format("Mon Jan 2 15:04:05 MST 2006 Z07:00 -07 -07:00:00"))
	d := time.Date(2025, 1, 1, 3, 45, 0, 0, ist)
	fmt.Println(d, d.UTC(), d.Sub(t), d.Location(), d.In(time.UTC).Location())
	fmt.Println(d.AddDate(0, 1, 0), d.Add(time.Hour), d.Truncate(time.Hour), d.Round(24*time.Hour))
	fmt.Println(d.Local(), time.FixedZone("odd", -30).String())
	b, _ := json.Marshal(struct{ At time.Time }{d})
	fmt.Println(string(b))
	fmt.Println(time.Unix(0, 0).In(ist), time.Unix(0, 0).In(west).YearDay())

	// encoding/json reads times through UnmarshalJSON.
	var ev struct {
		At   time.Time
		Next *time.Time
	}
	err := json.Unmarshal([]byte(`{"At":"2024-03-15T10:30:00.25+02:00","Next":"2024-03-16T00:00:00Z"}`), &ev)
	fmt.Println(ev.At, ev.Next, err)
	err = json.Unmarshal([]byte(`{"At":"15 March"}`), &ev)
	fmt.Println(ev.At, err)
	err = json.Unmarshal([]byte(`{"At":null}`), &ev)
	fmt.Println(ev.At, err)
	var tt time.Time
	fmt.Println(tt.UnmarshalText([]byte("2024-01-02T03:04:05-01:00")), tt)
}
