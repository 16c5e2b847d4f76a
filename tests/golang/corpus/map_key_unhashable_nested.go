// A map key whose struct or array holds an interface with a slice in it cannot be
// hashed: Go panics at the first map operation with it.
package main

import "fmt"

type K struct {
	name string
	v    interface{}
}

type Outer struct {
	k K
}

func try(name string, f func()) {
	defer func() { fmt.Println(name, recover()) }()
	f()
}

func main() {
	m := map[K]int{}
	m[K{"a", 1}] = 1
	m[K{"b", "x"}] = 2
	fmt.Println(len(m), m[K{"a", 1}], m[K{"b", "x"}])
	try("struct", func() { m[K{"c", []int{1}}] = 3 })
	try("lookup", func() { _ = m[K{"d", map[string]int{}}] })
	try("array", func() {
		a := map[[2]interface{}]bool{}
		a[[2]interface{}{1, func() {}}] = true
	})
	try("nested", func() {
		o := map[Outer]int{}
		o[Outer{K{"e", []string{"x"}}}] = 1
	})
	try("interface of struct", func() {
		i := map[interface{}]int{}
		i[K{"f", []byte("y")}] = 1
	})
	fmt.Println(len(m))
}
