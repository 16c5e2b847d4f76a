// Package variables initialised together from one expression of several values: a map
// index, a type assertion, a channel receive and a call, each converted to the variables'
// types, in dependency order (c and d are declared before what they depend on; Go's
// fixedbugs/issue53619.go).
package main

import "fmt"

type point struct{ x, y int }

var c = b
var d = a

var a, b any = any(nil).(bool)

var m = map[string]point{"a": {1, 2}}
var v, ok = m["a"]
var w, ok2 = m["z"]
var x, okx any = any(nil).(fmt.Stringer)
var y, oky = any(3).(int)
var ch = func() chan int {
	c := make(chan int, 1)
	c <- 5
	close(c)
	return c
}()
var r, okr = <-ch
var r2, okr2 = <-ch
var p, q = pair()
var _, blank = m["a"]

func pair() (point, error) { return point{3, 4}, nil }

func main() {
	fmt.Println(c, d, a, b)
	v.x = 9
	fmt.Println(v, ok, w, ok2, m)
	fmt.Println(x, okx, y, oky)
	fmt.Println(r, okr, r2, okr2)
	fmt.Println(p, q, blank)
}
