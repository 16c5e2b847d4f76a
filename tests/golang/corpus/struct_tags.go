// Struct tags: part of a struct type's identity, ignored by conversions, printed by %T, and
// read through reflect's StructField.Tag with Get and Lookup.
package main

import (
	"fmt"
	"reflect"
)

type User struct {
	Name  string `json:"name" db:"user_name"`
	Email string `json:"email,omitempty"`
	Age   int    `json:"-"`
	note  string
	Odd   int `weird:"a\"b" k:"v\tw"`
	Bad   int `key:unquoted other:"x"`
}

type Plain struct {
	Name  string
	Email string
	Age   int
	note  string
	Odd   int
	Bad   int
}

func main() {
	t := reflect.TypeOf(User{})
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		v, ok := f.Tag.Lookup("json")
		fmt.Printf("%s: tag=%q json=%q/%v db=%q\n", f.Name, f.Tag, v, ok, f.Tag.Get("db"))
	}
	odd := t.Field(4).Tag
	fmt.Printf("%q %q %q\n", odd.Get("weird"), odd.Get("k"), odd.Get("missing"))
	bad := t.Field(5).Tag
	fmt.Printf("%q %q\n", bad.Get("key"), bad.Get("other"))

	u := User{Name: "ann", Age: 3}
	p := Plain(u)
	back := User(p)
	fmt.Println(p.Name, back.Age, back == u)

	anon := struct {
		X int `json:"x"`
	}{1}
	fmt.Printf("%T\n", anon)
	fmt.Printf("%+v\n", anon)
	var other struct{ X int }
	other = struct{ X int }(anon)
	fmt.Println(other.X, reflect.TypeOf(anon) == reflect.TypeOf(other))
	pa := &anon
	po := (*struct{ X int })(pa)
	po.X = 7
	fmt.Println(anon.X)
}
