// An error an Unmarshaler or a TextUnmarshaler returns stops the decoding where it is: the
// map entry is not stored, later fields and elements are not decoded, and that error is the
// one Unmarshal returns, even after a type error it would otherwise report.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
)

type Level int

func (l *Level) UnmarshalJSON(b []byte) error {
	if b[0] != '"' {
		return errors.New("level: want a string")
	}
	*l = Level(len(b) - 2)
	return nil
}

type Tag string

func (t *Tag) UnmarshalText(b []byte) error {
	if string(b) == "bad" {
		return fmt.Errorf("tag %q", b)
	}
	*t = Tag("<" + string(b) + ">")
	return nil
}

type Job struct {
	Name  string
	Level Level
	Tags  []Tag
	Count int
}

func main() {
	var m map[string]Level
	fmt.Println(json.Unmarshal([]byte(`{"a":"xx","b":5,"c":"y"}`), &m), m)

	var j Job
	err := json.Unmarshal([]byte(`{"Name":"build","Level":3,"Tags":["x"],"Count":2}`), &j)
	fmt.Printf("%v %+v\n", err, j)

	j = Job{}
	err = json.Unmarshal([]byte(`{"Name":"test","Tags":["a","bad","c"],"Count":2}`), &j)
	fmt.Printf("%v %+v\n", err, j)

	// A longer slice keeps its elements past the one that failed.
	tags := []Tag{"1", "2", "3", "4"}
	fmt.Println(json.Unmarshal([]byte(`["p","bad"]`), &tags), tags, len(tags))

	var arr [3]Tag
	arr[2] = "kept"
	fmt.Println(json.Unmarshal([]byte(`["q","bad","r"]`), &arr), arr)

	// A type error first, then a method's error: the method's is returned.
	var k struct {
		N int
		L Level
	}
	fmt.Println(json.Unmarshal([]byte(`{"N":"x","L":1}`), &k), k)

	// A key a TextUnmarshaler rejects.
	var byTag map[Tag]int
	fmt.Println(json.Unmarshal([]byte(`{"ok":1,"bad":2,"z":3}`), &byTag), len(byTag) <= 1)

	// A type error alone lets decoding go on.
	var n struct{ A, B int }
	fmt.Println(json.Unmarshal([]byte(`{"A":"x","B":2}`), &n), n)
}
