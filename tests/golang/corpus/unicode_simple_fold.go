// unicode.SimpleFold walks each rune's case-folding orbit, as strings.EqualFold does.
package main

import (
	"fmt"
	"strings"
	"unicode"
)

func orbit(r rune) []rune {
	out := []rune{r}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		out = append(out, f)
	}
	return out
}

func main() {
	for _, r := range []rune{'A', 'a', 'k', 'K', '\u212A', 's', 'ſ', 'ß', 'ẞ', 'Σ', 'σ', 'ς', 'µ', 'İ', 'ı', '1', -1, unicode.MaxRune + 1} {
		fmt.Printf("%U %q\n", r, orbit(r))
	}
	count := 0
	for r := rune(0); r < 0x3000; r++ {
		if len(orbit(r)) > 2 {
			count++
		}
	}
	fmt.Println("runes below U+3000 in orbits of three or more:", count)
	fmt.Println(strings.EqualFold("Straße", "STRASSE"), strings.EqualFold("σς", "ΣΣ"))
}
