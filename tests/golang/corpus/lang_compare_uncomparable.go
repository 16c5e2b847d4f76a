// == on structs and arrays compares their interface fields in order, and panics where one
// holds a dynamic type that cannot be compared, nested or not.
package main

import "fmt"

type U struct{ s []int }
type W3 struct {
	I interface{}
	X int
}
type W4 struct {
	I interface{}
	S string
}
type W5 struct {
	I interface{}
	J interface{}
}

func try(label string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(label, "PANIC:", r)
		}
	}()
	f()
}

func main() {
	try("iface first, int differs", func() { fmt.Println(W3{U{}, 1} == W3{U{}, 2}) })
	try("iface first, int same", func() { fmt.Println(W3{U{}, 1} == W3{U{}, 1}) })
	try("iface first, string differs", func() { fmt.Println(W4{U{}, "a"} == W4{U{}, "b"}) })
	try("two ifaces, first differs", func() { fmt.Println(W5{1, U{}} == W5{2, U{}}) })
	try("two ifaces, second uncomparable", func() { fmt.Println(W5{1, U{}} == W5{1, U{}}) })
	try("array ifaces, first differs", func() { fmt.Println([2]interface{}{1, U{}} == [2]interface{}{2, U{}}) })
	try("array ifaces, uncomparable first", func() { fmt.Println([2]interface{}{U{}, 1} == [2]interface{}{U{}, 2}) })
	try("nil map inside", func() { fmt.Println(W5{map[int]int(nil), 1} == W5{map[int]int(nil), 1}) })
	try("nil func in array", func() { fmt.Println([1]interface{}{(func())(nil)} == [1]interface{}{(func())(nil)}) })
	try("nested twice", func() { fmt.Println(W5{W5{1, []int(nil)}, 1} == W5{W5{1, []int(nil)}, 1}) })
	try("types differ", func() { fmt.Println(W3{U{}, 1} == W3{1, 1}) })
}
