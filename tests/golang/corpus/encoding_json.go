// encoding/json on plain values: struct tags (names, omitempty, "-", string), embedded
// structs, pointers, maps with sorted keys, []byte in base64, HTML-safe strings, floats in
// Go's form, unsupported types and values; Unmarshal into structs, maps, any and pointers,
// with Go's syntax and type errors.
package main

import (
	"encoding/json"
	"fmt"
	"time"
)

type Address struct {
	Street string `json:"street"`
	City   string `json:"city,omitempty"`
}

type Base struct {
	ID      int    `json:"id"`
	Created string `json:"-"`
}

type Person struct {
	Base
	Name    string            `json:"name"`
	Age     int               `json:"age,omitempty"`
	Email   *string           `json:"email"`
	Tags    []string          `json:"tags"`
	Attrs   map[string]int    `json:"attrs,omitempty"`
	Home    *Address          `json:"home,omitempty"`
	Score   float64           `json:"score"`
	Count   int64             `json:"count,string"`
	Raw     []byte            `json:"raw"`
	Any     any               `json:"any"`
	private int
	Extra   map[int]bool
}

func main() {
	p := Person{Base: Base{ID: 7}, Name: "Ann <&>", Tags: []string{"a", "b"}, Attrs: map[string]int{"z": 1, "a": 2},
		Home: &Address{Street: "Main"}, Score: 1e21, Count: 42, Raw: []byte("hello!?"), Any: []any{1, "x", nil, 2.5, true},
		Extra: map[int]bool{10: true, 2: false}}
	b, err := json.Marshal(p)
	fmt.Println(string(b), err)
	b, _ = json.MarshalIndent(map[string]any{"b": []int{}, "a": map[string]any{}, "c": []any{1, map[string]int{"x": 1}}}, ">", "  ")
	fmt.Println(string(b))
	for _, f := range []float64{0, 1, -1.5, 1e-7, 123456789, 1e20, 1e21, 3.0e-5, 0.000001} {
		b, _ := json.Marshal(f)
		fmt.Print(string(b), " ")
	}
	fmt.Println()
	b, _ = json.Marshal("line\nbreak\t\"q\" \\ \x01 \u2028 é \xff")
	fmt.Println(string(b))
	stamp, _ := json.Marshal(struct{ At time.Time }{time.Date(2024, 5, 6, 7, 8, 9, 500, time.UTC)})
	fmt.Println(string(stamp))
	_, err = json.Marshal(make(chan int))
	fmt.Println(err)
	_, err = json.Marshal(map[string]float64{"x": 1 / zero()})
	fmt.Println(err)

	var back Person
	err = json.Unmarshal(b2(), &back)
	fmt.Printf("%+v %v %q %v\n", back.Base, back.Name, back.Raw, err)
	fmt.Println(*back.Email, back.Tags, back.Attrs, back.Home.Street, back.Count, back.Any)

	var v any
	err = json.Unmarshal([]byte(`{"a":[1,2,{"b":null}],"c":"d","e":true,"f":1.5e3}`), &v)
	fmt.Println(v, err)
	var m map[string]int
	fmt.Println(json.Unmarshal([]byte(`{"x": 1, "y": "two", "z": 3}`), &m), m)
	for _, bad := range []string{`{"a":1`, `{"a" 1}`, `[1,2,]`, `tru`, `{"a":1}x`, `"\x01"`, `01`, `{a:1}`, `[1 2]`, `"\u12g4"`, ``, `-`, `1.`, `1e`} {
		var x any
		fmt.Println(json.Unmarshal([]byte(bad), &x))
	}
	var n int8
	fmt.Println(json.Unmarshal([]byte(`300`), &n), n)
	fmt.Println(json.Unmarshal([]byte(`1`), n))
	fmt.Println(json.Valid([]byte(`{"ok": [true, null]}`)), json.Valid([]byte(`{`)))
	type T struct {
		A int
		B struct{ C int }
	}
	var t T
	fmt.Println(json.Unmarshal([]byte(`{"a": 1, "b": {"c": "x"}}`), &t), t)
}

func b2() []byte {
	return []byte(`{"id": 3, "name": "Bob", "email": "b@x", "tags": ["t"], "attrs": {"k": 5}, "home": {"street": "S"}, "count": "12", "raw": "aGk=", "any": {"n": 1}, "Extra": {"4": true}}`)
}

func zero() float64 { return 0 }
