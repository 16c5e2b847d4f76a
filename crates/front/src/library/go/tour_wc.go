// Package wc is the Go Tour's golang.org/x/tour/wc, for its "Maps" exercise: Test runs a
// word-counting function over four sentences and prints, for each, PASS and what it
// returned, or FAIL with what it returned and what was wanted, and stops there.
package wc

import "fmt"

// Test runs a test suite against f.
func Test(f func(string) map[string]int) {
	for _, c := range cases {
		got := f(c.in)
		if !same(got, c.want) {
			fmt.Printf("FAIL\n f(%q) =\n  %#v\n want:\n  %#v", c.in, got, c.want)
			return
		}
		fmt.Printf("PASS\n f(%q) = \n  %#v\n", c.in, got)
	}
}

// same reports whether got has exactly want's counts.
func same(got, want map[string]int) bool {
	if len(got) != len(want) {
		return false
	}
	for word, n := range want {
		if got[word] != n {
			return false
		}
	}
	return true
}

var cases = []struct {
	in   string
	want map[string]int
}{
	{"I am learning Go!", map[string]int{"I": 1, "am": 1, "learning": 1, "Go!": 1}},
	{"The quick brown fox jumped over the lazy dog.", map[string]int{
		"The": 1, "quick": 1, "brown": 1, "fox": 1, "jumped": 1,
		"over": 1, "the": 1, "lazy": 1, "dog.": 1,
	}},
	{"I ate a donut. Then I ate another donut.", map[string]int{
		"I": 2, "ate": 2, "a": 1, "donut.": 2, "Then": 1, "another": 1,
	}},
	{"A man a plan a canal panama.", map[string]int{
		"A": 1, "man": 1, "a": 2, "plan": 1, "canal": 1, "panama.": 1,
	}},
}
