package main

import (
	"encoding/json"
	"fmt"
)

type Base struct {
	ID   int    `json:"id"`
	Note string `json:"note,omitempty"`
}

type User struct {
	Base
	Name    string `json:"name"`
	Email   string `json:"email" xml:"email"`
	Alias   string `json:"name"`
	Ident   int    `json:"id"`
	age     int    `json:"age"`
	secret  string `json:"-"`
	Bad     int    `json:name`
	Spaced  int    `json:"spaced" xml:"a b"`
	Joined  int    `json:"j",xml:"j"`
	Tabbed  int    `json:"t"	xml:"t"`
	Opt     int    `json:"opt, omitempty"`
	XMLAttr int    `xml:"v,attr"`
	XMLElem int    `xml:"v"`
	Empty   int    `json:""`
	Quote   int    "json:\"q\"\n"
}

type Pair struct {
	A, B int `json:"a"`
	Inner struct {
		X int `json:"x"`
		Y int `json:"x"`
	}
}

func main() {
	var u User
	var p Pair
	b, _ := json.Marshal(u)
	fmt.Println(string(b), p.A, u.age, u.secret)
}
