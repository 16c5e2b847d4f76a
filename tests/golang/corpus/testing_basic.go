package main

import (
	"fmt"
	"strings"
	"testing"
)

// Reverse is the function under test: it reverses a string by runes.
func Reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// Buggy drops the last rune.
func Buggy(s string) string {
	r := []rune(Reverse(s))
	if len(r) > 1 {
		r = r[:len(r)-1]
	}
	return string(r)
}

func expect(t *testing.T, name, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %q, want %q", name, got, want)
	}
}

func TestReverse(t *testing.T) {
	expect(t, "Reverse(abc)", Reverse("abc"), "cba")
	expect(t, "Reverse(héllo)", Reverse("héllo"), "olléh")
	t.Log("checked", 2, "cases")
}

func TestTable(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"one rune", "x", "x"},
		{"word", "gopher", "rehpog"},
		{"word", "chan", "nahc"},
		{"", "ab", "ba"},
	}
	for _, tc := range cases {
		ok := t.Run(tc.name, func(t *testing.T) {
			expect(t, "Buggy", Buggy(tc.in), tc.want)
		})
		fmt.Printf("%s passed: %v\n", tc.name, ok)
	}
}

func TestFatalStops(t *testing.T) {
	t.Logf("a log line\nwith two lines")
	if !strings.HasPrefix(t.Name(), "TestFatal") {
		t.Error("bad name", t.Name())
	}
	t.Fatalf("stopping %s", t.Name())
	t.Log("not reached")
}

func TestSkipped(t *testing.T) {
	t.Skipf("skipping %d", 42)
}

func TestCleanupOrder(t *testing.T) {
	for i := 1; i <= 3; i++ {
		i := i
		t.Cleanup(func() { fmt.Println("cleanup", i) })
	}
	t.Run("inner", func(t *testing.T) {
		t.Cleanup(func() { fmt.Println("inner cleanup") })
		fmt.Println("inner body, failed so far:", t.Failed())
	})
	fmt.Println("outer body")
}

func TestNested(t *testing.T) {
	t.Run("a", func(t *testing.T) {
		t.Run("b", func(t *testing.T) {
			t.Error("deep failure")
		})
		t.Run("c", func(t *testing.T) {})
	})
}

func Testimony(t *testing.T) {
	t.Fatal("not a test: its name goes on in lower case")
}
