package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"
)

// json.RawMessage delays decoding part of a message; time.LoadLocation knows UTC and Local.

type Envelope struct {
	Kind string          `json:"kind"`
	Data json.RawMessage `json:"data"`
	Meta *json.RawMessage `json:"meta,omitempty"`
}

type Point struct{ X, Y int }

func main() {
	in := `{"kind": "point", "data": {"X": 1,  "Y": 2 }, "meta": [1, "two", null]}`
	var e Envelope
	err := json.Unmarshal([]byte(in), &e)
	fmt.Println(err, e.Kind, string(e.Data), string(*e.Meta))
	var p Point
	fmt.Println(json.Unmarshal(e.Data, &p), p)

	out, err := json.Marshal(Envelope{Kind: "raw", Data: json.RawMessage(`{"a": [1, 2,  3]}`)})
	fmt.Println(string(out), err)
	out, err = json.Marshal(Envelope{Kind: "nil"})
	fmt.Println(string(out), err)
	out, err = json.Marshal(Envelope{Kind: "bad", Data: json.RawMessage(`{"a": }`)})
	fmt.Println(string(out), err)
	out, err = json.MarshalIndent(map[string]json.RawMessage{"b": json.RawMessage(`[true,false]`), "a": json.RawMessage(`"x"`)}, "", "  ")
	fmt.Println(string(out), err)
	html := json.RawMessage("{\"h\": \"<a href='x'>&amp;\u2028\u2029\\\"</a>\"}")
	out, err = json.Marshal([]json.RawMessage{html, nil})
	fmt.Println(string(out), err)
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	fmt.Println(enc.Encode(html))
	var m map[string]json.RawMessage
	fmt.Println(json.Unmarshal([]byte(`{"x": {"deep": [1, {"y": 2}]}, "z": "s"}`), &m), string(m["x"]), string(m["z"]))
	var nilRaw *json.RawMessage
	fmt.Println(nilRaw.UnmarshalJSON([]byte("1")))

	for _, name := range []string{"", "UTC", "Local", "Nowhere/Atlantis", "../etc/passwd", "/abs", `\a`, `a\b`, "a..b"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			fmt.Printf("%q: %v\n", name, err)
			continue
		}
		t := time.Date(2024, 3, 10, 12, 0, 0, 0, loc)
		fmt.Printf("%q: %s %s\n", name, loc, t.Format(time.RFC3339))
	}
}
