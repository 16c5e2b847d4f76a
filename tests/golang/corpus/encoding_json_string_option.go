// A field tagged `,string` takes the quoted text as it is (space around a value makes it
// none); json.Indent keeps the space that ends its input; Duration.Round does not overflow.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

type T struct {
	I int     `json:",string"`
	F float64 `json:",string"`
	B bool    `json:",string"`
	S string  `json:",string"`
	P *int    `json:",string"`
}

func main() {
	for _, in := range []string{
		`{"I":"12"}`, `{"I":"12 "}`, `{"I":" 12"}`, `{"I":"-3\t"}`, `{"F":"1.5 "}`, `{"F":"2e3"}`,
		`{"B":"true "}`, `{"B":" false"}`, `{"B":"false"}`, `{"S":"\"a\" "}`, `{"S":"\"a\""}`,
		`{"P":"null "}`, `{"P":"7"}`, `{"P":"7\n"}`, `{"I":""}`, `{"I":"  "}`,
	} {
		var t T
		err := json.Unmarshal([]byte(in), &t)
		p := "nil"
		if t.P != nil {
			p = fmt.Sprint(*t.P)
		}
		fmt.Println(in, err, t.I, t.F, t.B, t.S, p)
	}
	for _, src := range []string{"{}\n", " [1, 2] \t\r\n", `{"a":[]}  `, "3 "} {
		var b bytes.Buffer
		err := json.Indent(&b, []byte(src), ">", "  ")
		fmt.Printf("%q %v\n", b.String(), err)
	}
	max := time.Duration(1<<63 - 1)
	for _, d := range []time.Duration{2562047 * time.Hour, max, -max, max - 1, time.Hour + 30*time.Minute} {
		fmt.Println(d.Round(max), d.Round(time.Hour), (-d).Round(max/2), d.Round(3*time.Hour))
	}
}
