// The Go Tour's "Maps" exercise over golang.org/x/tour/wc: Test prints PASS and the map for
// each sentence, or FAIL with the map it wanted, and stops at the first failure (without a
// newline after it).
package main

import (
	"fmt"
	"strings"

	"golang.org/x/tour/wc"
)

func WordCount(s string) map[string]int {
	counts := make(map[string]int)
	for _, w := range strings.Fields(s) {
		counts[w]++
	}
	return counts
}

func main() {
	wc.Test(WordCount)
	// A wrong count (a word too many in the third sentence) fails there, and Test stops.
	wc.Test(func(s string) map[string]int {
		m := WordCount(s)
		if strings.Contains(s, "donut") {
			m["donut"]++
		}
		return m
	})
	fmt.Println()
	wc.Test(func(string) map[string]int { return nil })
	fmt.Println()
}
