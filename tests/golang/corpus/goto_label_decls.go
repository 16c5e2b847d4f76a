// Declarations right after a label keep their own variables: a labelled `d := 3` is a
// declaration like any other, and a `goto` back to it makes it again.
package main

import "fmt"

func main() {
	goto L
L:
	d := 3
	e := 4
	fmt.Println(d, e)

	tries := 0
retry:
	n := tries * 10
	tries++
	if tries < 3 {
		goto retry
	}
	for _, s := range []string{"a", "b"} {
		_ = s
	}
	fmt.Println(n, tries)

	total := 0
next:
	var k int = total + 1
	m := k * 2
	total += m
	if total < 20 {
		goto next
	}
	fmt.Println(k, m, total)
}
