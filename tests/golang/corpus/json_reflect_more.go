// encoding/json and reflect where the first attempt fell short: decoding into maps of
// pointers and of any (reflect.New of types the program never names), exported fields of an
// unexported embedded struct (settable through reflect, as Go's embedded-field rule has it),
// promoted fields by name, Implements between interfaces, a slice that holds itself, a
// pointer-receiver MarshalJSON on addressable values, `,string` on a pointer field, a number
// no float64 holds, an Unmarshaler's type error named by its field, and `chan (<-chan int)`.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"reflect"
)

type G struct{ Name string }

type inner struct{ Q int }

type W struct {
	inner
	R int
}

type Outer struct {
	*Mid
	Top int
}

type Mid struct{ Deep int }

type P struct{ v int }

func (p *P) MarshalJSON() ([]byte, error) { return []byte(`"ptr"`), nil }

type H struct{ V P }

type S struct {
	N *int `json:",string"`
	I int  `json:",string"`
}

type Color int

func (c *Color) UnmarshalJSON(b []byte) error {
	var s string
	return json.Unmarshal(b, &s)
}

type Paint struct {
	C Color `json:"c"`
}

func main() {
	var m map[string]*G
	fmt.Println(json.Unmarshal([]byte(`{"z":{"Name":"zz"},"n":null}`), &m), m["z"].Name, m["n"] == nil, len(m))
	var a map[string]interface{}
	fmt.Println(json.Unmarshal([]byte(`{"a":[1,"x",{"b":true}],"c":null}`), &a), a)
	var ints map[int]*int
	fmt.Println(json.Unmarshal([]byte(`{"1":5,"2":null}`), &ints), *ints[1], ints[2] == nil)
	var list []map[string]any
	fmt.Println(json.Unmarshal([]byte(`[{"k":1.5},{}]`), &list), list)

	pt := reflect.PtrTo(reflect.TypeOf(&G{}))
	fmt.Println(pt, reflect.New(reflect.TypeOf(&G{})).Elem().IsNil())

	var w W
	v := reflect.ValueOf(&w).Elem()
	fmt.Println(v.Field(0).CanSet(), v.Field(0).Field(0).CanSet())
	v.Field(0).Field(0).SetInt(5)
	fmt.Println(w.Q, json.Unmarshal([]byte(`{"Q":9,"R":2}`), &w), w.Q, w.R)

	o := Outer{Mid: &Mid{Deep: 7}, Top: 1}
	fmt.Println(reflect.ValueOf(o).FieldByName("Deep"), reflect.ValueOf(o).FieldByName("Nope").IsValid())
	func() {
		defer func() { fmt.Println(recover()) }()
		reflect.ValueOf(Outer{}).FieldByName("Deep")
	}()

	rw := reflect.TypeOf((*io.ReadWriter)(nil)).Elem()
	r := reflect.TypeOf((*io.Reader)(nil)).Elem()
	fmt.Println(rw.Implements(r), rw.AssignableTo(r), rw.ConvertibleTo(r), r.Implements(rw))

	sl := []interface{}{nil}
	sl[0] = sl
	b, err := json.Marshal(sl)
	fmt.Println(string(b), err)

	b, _ = json.Marshal(&H{})
	fmt.Println(string(b))
	b, _ = json.Marshal([]P{{}})
	fmt.Println(string(b))
	b, _ = json.Marshal(H{})
	fmt.Println(string(b))

	var s S
	fmt.Println(json.Unmarshal([]byte(`{"N":"7","I":"8"}`), &s), *s.N, s.I)
	fmt.Println(json.Unmarshal([]byte(`{"I":17}`), &s))
	fmt.Println(json.Unmarshal([]byte(`{"I":"x"}`), &s))

	var any1 interface{}
	fmt.Println(json.Unmarshal([]byte(`[1, 1e400]`), &any1), any1)

	var p Paint
	fmt.Println(json.Unmarshal([]byte(`{"c":5}`), &p))

	c := make(chan (<-chan int))
	fmt.Printf("%T %v\n", c, reflect.TypeOf(c))
}
