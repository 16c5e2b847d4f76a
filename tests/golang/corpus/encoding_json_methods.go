// encoding/json through methods: Marshaler, TextMarshaler map keys, a pointer receiver's
// UnmarshalJSON and UnmarshalText, MarshalerError; Go's rules for conflicting embedded
// fields; a cycle; arrays, nulls, overflows and MarshalIndent.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

type Celsius float64

func (c Celsius) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf(`{ "c" : %g }`, float64(c))), nil
}

type Level int

func (l Level) MarshalText() ([]byte, error) { return []byte(strings.Repeat("!", int(l))), nil }

func (l *Level) UnmarshalText(b []byte) error {
	*l = Level(len(b))
	return nil
}

type Point struct{ X, Y int }

func (p *Point) UnmarshalJSON(b []byte) error {
	var a [2]int
	if err := json.Unmarshal(b, &a); err != nil {
		return err
	}
	p.X, p.Y = a[0], a[1]
	return nil
}

type Bad struct{}

func (Bad) MarshalJSON() ([]byte, error) { return nil, errors.New("nope") }

type A struct{ Name, Only string }
type B struct {
	Name string
	Deep struct{ Z int }
}
type C struct {
	Name string `json:"Name"`
}
type Mix struct {
	A
	B
	*C
	Own int `json:"own,string"`
}

type Node struct {
	Val  int
	Next *Node `json:",omitempty"`
}

func main() {
	b, err := json.Marshal(map[Level]Celsius{1: 20.5, 3: -1})
	fmt.Println(string(b), err)
	_, err = json.Marshal([]any{Bad{}})
	fmt.Println(err)
	var me *json.MarshalerError
	fmt.Println(errors.As(err, &me))
	b, _ = json.Marshal(Mix{A: A{"a", "o"}, B: B{Name: "b"}, C: &C{"c"}, Own: 5})
	fmt.Println(string(b))
	b, _ = json.Marshal(Mix{A: A{"a", "o"}, B: B{Name: "b"}})
	fmt.Println(string(b))
	b, _ = json.Marshal(&Node{1, &Node{2, nil}})
	fmt.Println(string(b))
	n := &Node{Val: 1}
	n.Next = n
	_, err = json.Marshal(n)
	fmt.Println(err)
	var pts []Point
	fmt.Println(json.Unmarshal([]byte(`[[1,2],[3,4]]`), &pts), pts)
	var lv map[Level]int
	fmt.Println(json.Unmarshal([]byte(`{"!!!":1}`), &lv), lv)
	var m Mix
	fmt.Println(json.Unmarshal([]byte(`{"Name":"x","Only":"y","Deep":{"Z":9},"own":"12"}`), &m), m.A, m.B, m.C, m.Own)
	var arr [3]string
	fmt.Println(json.Unmarshal([]byte(`["a","b","c","d"]`), &arr), arr)
	var iface any = &Point{}
	fmt.Println(json.Unmarshal([]byte(`[5,6]`), iface), iface)
	var ptr *int
	fmt.Println(json.Unmarshal([]byte(`7`), &ptr), *ptr)
	fmt.Println(json.Unmarshal([]byte(`null`), &ptr), ptr == nil)
	var bs []byte
	fmt.Println(json.Unmarshal([]byte(`"!!"`), &bs), bs)
	var x struct {
		T time.Duration
		U uint8
		F float32
		S []int
	}
	fmt.Println(json.Unmarshal([]byte(`{"T": 1500000000, "U": 255, "F": 1.5, "S": null}`), &x), x)
	fmt.Println(json.Unmarshal([]byte(`{"U": -1}`), &x), x.U)
	fmt.Println(json.Unmarshal([]byte(`{"F": "str"}`), &x))
	var unset struct{ A int }
	fmt.Println(json.Unmarshal([]byte(`{"a": 1.5}`), &unset), unset)
	b, err = json.MarshalIndent(struct {
		A []int
		M map[string]string
		E struct{}
	}{A: []int{1, 2}, M: map[string]string{"k": "v"}}, "", "\t")
	fmt.Println(string(b), err)
}
