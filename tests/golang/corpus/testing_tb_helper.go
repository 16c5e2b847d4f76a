package main

import (
	"strings"
	"testing"
)

// A helper takes testing.TB, so tests and benchmarks can share it: *testing.T implements it,
// unexported method and all.
func assertEqual(tb testing.TB, got, want string) {
	tb.Helper()
	if got != want {
		tb.Errorf("got %q, want %q", got, want)
	}
}

func TestUpper(t *testing.T) {
	var tb testing.TB = t
	assertEqual(tb, strings.ToUpper("go"), "GO")
	assertEqual(t, strings.ToUpper("chan"), "Chan")
	t.Logf("ran %s", tb.Name())
}

func TestRepeat(t *testing.T) {
	assertEqual(t, strings.Repeat("ab", 2), "abab")
}
