// recover in a method deferred through one of the wrappers Go's compiler makes (a value
// method called through a pointer, a promoted method, a method value) recovers, as if the
// method had been deferred directly; one more call down it does not.
package main

import "fmt"

type T struct{ name string }

func (t T) Recover() { fmt.Println(t.name, "recovered:", recover()) }

func (t T) Indirect() { t.Recover() }

type Outer struct{ T }

type PtrOuter struct{ *T }

type I interface{ Recover() }

func viaPointer() {
	var i I = &T{"pointer"}
	defer i.Recover()
	panic("one")
}

func viaEmbedded() {
	var i I = Outer{T{"embedded"}}
	defer i.Recover()
	panic("two")
}

func viaEmbeddedPointer() {
	var i I = &PtrOuter{&T{"embedded pointer"}}
	defer i.Recover()
	panic("three")
}

func viaMethodValue() {
	o := &Outer{T{"method value"}}
	f := o.Recover
	defer f()
	panic("four")
}

func tooDeep() {
	defer func() { fmt.Println("outer recovered:", recover()) }()
	t := &T{"indirect"}
	defer t.Indirect()
	panic("five")
}

func main() {
	viaPointer()
	viaEmbedded()
	viaEmbeddedPointer()
	viaMethodValue()
	tooDeep()
}
