// reflect.MakeFunc: functions of several types made from one fn (swap), a variadic one, an
// interface result, a made function called through Value.Call, its Go panics (a wrong count
// of results, a zero Value, a result of the wrong type), and recover in fn when the made
// function is deferred, as Go's reflect makes it work.
package main

import (
	"fmt"
	"reflect"
	"strings"
)

type S interface{ String() string }
type P struct{ X int }

func (p P) String() string { return fmt.Sprint("P", p.X) }

func main() {
	swap := func(in []reflect.Value) []reflect.Value {
		return []reflect.Value{in[1], in[0]}
	}
	var intSwap func(int, int) (int, int)
	fn := reflect.MakeFunc(reflect.TypeOf(intSwap), swap)
	reflect.ValueOf(&intSwap).Elem().Set(fn)
	fmt.Println(intSwap(1, 2))
	var strSwap func(string, string) (string, string)
	reflect.ValueOf(&strSwap).Elem().Set(reflect.MakeFunc(reflect.TypeOf(strSwap), swap))
	fmt.Println(strSwap("a", "b"))
	var join func(sep string, xs ...string) string
	j := reflect.MakeFunc(reflect.TypeOf(join), func(in []reflect.Value) []reflect.Value {
		xs := in[1].Interface().([]string)
		return []reflect.Value{reflect.ValueOf(strings.Join(xs, in[0].String()))}
	})
	join = j.Interface().(func(string, ...string) string)
	fmt.Println(join("-", "x", "y", "z"), j.Type())
	var mk func() S
	mk = reflect.MakeFunc(reflect.TypeOf(mk), func([]reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(P{3})}
	}).Interface().(func() S)
	fmt.Println(mk(), mk().String())
	fmt.Println(j.Call([]reflect.Value{reflect.ValueOf(","), reflect.ValueOf("p"), reflect.ValueOf("q")})[0])
	var bad func() int
	bad = reflect.MakeFunc(reflect.TypeOf(bad), func([]reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf("no")}
	}).Interface().(func() int)
	defer func() { fmt.Println(recover()) }()
	var few func() int
	few = reflect.MakeFunc(reflect.TypeOf(few), func([]reflect.Value) []reflect.Value { return nil }).Interface().(func() int)
	func() {
		defer func() { fmt.Println(recover()) }()
		few()
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		var z func() int
		reflect.MakeFunc(reflect.TypeOf(z), func([]reflect.Value) []reflect.Value { return []reflect.Value{{}} }).Interface().(func() int)()
	}()
	deferred()
	fmt.Println(bad())
}

func deferred() {
	defer func() { fmt.Println("after the deferred call:", recover()) }()
	f := reflect.MakeFunc(reflect.TypeOf((func())(nil)), func([]reflect.Value) []reflect.Value {
		fmt.Println("recovered in fn:", recover())
		return nil
	}).Interface().(func())
	defer f()
	panic("to recover")
}
