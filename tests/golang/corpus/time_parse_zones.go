// time.Parse of numeric zones: what it accepts, and which text its error names (the whole
// value when a colon the layout has is missing, the rest when the digits are wrong).
package main

import (
	"fmt"
	"time"
)

func main() {
	layouts := []string{"-0700", "-07:00", "-07", "-070000", "-07:00:00", "Z0700", "Z07:00", "Z07", "15:04 -07:00"}
	values := []string{"+0700", "+07:00", "+07", "+070000", "+07:00:00", "Z", "x07:00", "+07x00", "+0a:00", "07:00", "", "-12:30:4x", "10:30 +07:00", "12/31/99", "+12x30", "+07:00:0"}
	for _, l := range layouts {
		for _, v := range values {
			t, err := time.Parse(l, v)
			if err != nil {
				fmt.Println(l, "|", v, "|", err)
			} else {
				fmt.Println(l, "|", v, "|", t)
			}
		}
	}
}
