// Sscanf's format spaces and newlines as Go's advance reads them (a space needs one or more
// spaces in the input, or its end), integer verbs' digits (%d takes no underscore, %v takes
// Go's literal syntax), and Sscan and Sscanln on the same inputs.
package main

import "fmt"

func main() {
	inputs := []string{"1 2", "1  2", "12", "1\n2", "1 \n2", " 1 2 ", "1\t2\n", "1\n\n2", "", "1", "1 x", "a b", "1,2", "1, 2", "1 ,2"}
	formats := []string{"%d %d", "%d%d", "%d  %d", "%d\n%d", "%d \n %d", "%d,%d", "%d, %d", " %d %d ", "%d %d\n", "%v %v", "%d\n\n%d"}
	for _, in := range inputs {
		for _, f := range formats {
			var a, b int
			n, err := fmt.Sscanf(in, f, &a, &b)
			fmt.Printf("%q %q: %d %v %d %d\n", in, f, n, err, a, b)
		}
	}
	for _, in := range inputs {
		var a, b int
		n, err := fmt.Sscan(in, &a, &b)
		fmt.Printf("Sscan %q: %d %v %d %d\n", in, n, err, a, b)
		n, err = fmt.Sscanln(in, &a, &b)
		fmt.Printf("Sscanln %q: %d %v %d %d\n", in, n, err, a, b)
	}
	for _, c := range []struct{ in, f string }{{"3_4", "%d_%d"}, {"1_000 7", "%v %v"}, {"0x1_f 010", "%v %v"}, {"0b101 0o17", "%v %v"}, {"ff 17", "%x %o"}, {"-12 +5", "%d %d"}, {"09 1", "%v %v"}} {
		var a, b int
		n, err := fmt.Sscanf(c.in, c.f, &a, &b)
		fmt.Println(c.in, n, err, a, b)
	}
}
