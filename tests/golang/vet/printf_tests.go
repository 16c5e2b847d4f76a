package main

import (
	"fmt"
	"testing"
)

func helper(tb testing.TB, got int) {
	tb.Helper()
	tb.Errorf("got %s", got)
}

func check(t *testing.T, format string, args ...any) {
	t.Helper()
	t.Fatalf(format, args...)
}

func TestSums(t *testing.T) {
	t.Logf("%d cases", "three")
	t.Log("sum = %d", 3)
	t.Error("failed\n")
	t.Skipf("%v", 1, 2)
	helper(t, 3)
	check(t, "%s", 4)
	t.Run("sub", func(t *testing.T) {
		t.Errorf("%q", 1.5)
	})
	fmt.Printf("%d\n", "x")
}

func BenchmarkX(b *testing.B) {
	b.Fatalf("%d", "n")
	b.Logf("%d", b.N)
}
