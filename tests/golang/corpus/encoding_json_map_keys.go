package main

import (
	"encoding/json"
	"fmt"
)

type pt struct{ X, Y int }

type tk struct{ A int }

func (t tk) MarshalText() ([]byte, error) { return []byte(fmt.Sprint("k", t.A)), nil }

func main() {
	_, err := json.Marshal(map[bool]int{true: 1})
	fmt.Println(err)
	_, err = json.Marshal(map[[2]int]int{})
	fmt.Println(err)
	var nilMap map[pt]string
	_, err = json.Marshal(nilMap)
	fmt.Println(err)
	_, err = json.Marshal(struct{ M map[float64]int }{})
	fmt.Println(err)
	b, err := json.Marshal(map[tk]int{{1}: 1, {2}: 2})
	fmt.Println(string(b), err)
	b, err = json.Marshal(map[int8]bool{-3: true})
	fmt.Println(string(b), err)
}
