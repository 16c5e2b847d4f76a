package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	for _, line := range []string{"one\n", "two\n", "\n", "three"} {
		fmt.Printf("%q ", line)
	}
	fmt.Println()
	for _, part := range strings.Split("a,b,,c", ",") {
		fmt.Printf("%q ", part)
	}
	fmt.Println()
	for _, part := range strings.SplitAfter("a,b,c", ",") {
		fmt.Printf("%q ", part)
	}
	fmt.Println()
	for _, f := range strings.Fields("  the quick  brown fox ") {
		fmt.Print(f, "|")
		if f == "brown" {
			break
		}
	}
	fmt.Println()
	for _, f := range strings.FieldsFunc("a1b22c333", unicode.IsDigit) {
		fmt.Print(f, " ")
	}
	fmt.Println()
}
