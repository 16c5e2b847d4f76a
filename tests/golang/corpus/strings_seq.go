// The iterators of strings (Go 1.24): Lines, SplitSeq, SplitAfterSeq, FieldsSeq, FieldsFuncSeq.
package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	for line := range strings.Lines("one\ntwo\n\nthree") {
		fmt.Printf("%q ", line)
	}
	fmt.Println()
	for part := range strings.SplitSeq("a,b,,c", ",") {
		fmt.Printf("%q ", part)
	}
	fmt.Println()
	for part := range strings.SplitAfterSeq("a,b,c", ",") {
		fmt.Printf("%q ", part)
	}
	fmt.Println()
	for f := range strings.FieldsSeq("  the quick  brown fox ") {
		fmt.Print(f, "|")
		if f == "brown" {
			break
		}
	}
	fmt.Println()
	for f := range strings.FieldsFuncSeq("a1b22c333", unicode.IsDigit) {
		fmt.Print(f, " ")
	}
	fmt.Println()
}
