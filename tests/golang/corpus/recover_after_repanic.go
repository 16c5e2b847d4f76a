// A deferred call that recovers a panic and then panics again: its own deferred call
// recovers the new panic, and the first stays recovered (or, if nobody recovered it, goes
// on once the deferred call returns), though the frame it started in has since been
// replaced by others at the same depth.
package main

import "fmt"

func f() { panic("one") }

func recoveredThenAgain() (out string) {
	defer func() {
		out = fmt.Sprint("first: ", recover())
		defer func() { out += fmt.Sprint("; second: ", recover()) }()
		panic("two")
	}()
	f()
	return "unreachable"
}

func g() {
	defer func() { fmt.Println("g recovered:", recover()) }()
	f()
}

func notRecovered() {
	defer func() {
		defer func() { fmt.Println("inner recovered:", recover()) }()
		g()
		panic("three")
	}()
	f()
}

func main() {
	fmt.Println(recoveredThenAgain())
	func() {
		defer func() { fmt.Println("outer recovered:", recover()) }()
		notRecovered()
	}()
	notRecovered()
}
