// How the runtime prints panic values that fmt would print differently: a named string is
// quoted but not escaped, a nil pointer is 0x0, a message ending in a newline keeps it; and
// the chain of panics a deferred call's panics make.
package main

import "fmt"

type S string

func main() {
	defer func() {
		r := recover()
		fmt.Printf("recovered: %q\n", r)
		var p *int
		defer func() { panic("last\n") }()
		panic(p)
	}()
	panic(S("a\"b\\c\nd"))
}
