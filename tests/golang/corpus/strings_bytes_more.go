// strings and bytes beyond the basics: trimming by a function from the right (with bytes
// that are not UTF-8), bytes' splits as subslices of their argument, nil and empty results
// as Go gives them, ToValidUTF8, SplitAfterN, LastIndexFunc, fmt's Append functions, widths
// in Sscanf, and switch cases on constant strings that are not UTF-8.
package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"
)

func main() {
	fmt.Printf("%q\n", strings.TrimRightFunc("a\xff", unicode.IsSpace))
	fmt.Printf("%q\n", strings.TrimFunc("  \xffa b\xfe  ", unicode.IsSpace))
	fmt.Printf("%q\n", bytes.TrimSpace([]byte("\u2003 a \u2003")))
	fmt.Printf("%q\n", bytes.TrimSpace([]byte(" \xff ")))
	fmt.Println(bytes.TrimSpace([]byte("   ")) == nil, bytes.TrimRight([]byte("  "), " ") == nil)
	fmt.Println(bytes.Join([][]byte{{}, {}}, nil) == nil, bytes.Join([][]byte{{}}, nil) == nil)

	s := []byte("a,b c")
	parts := bytes.Split(s, []byte(","))
	parts[0][0] = 'X'
	fields := bytes.Fields(s)
	fields[1][0] = 'Y'
	fmt.Printf("%s %q %d %d\n", s, parts, cap(parts[0]), cap(fields[0]))
	after := bytes.SplitAfterN([]byte("1-2-3"), []byte("-"), 2)
	fmt.Printf("%q %d\n", after, cap(after[0]))

	fmt.Printf("%q\n", strings.SplitAfterN("a,b,c,d", ",", 2))
	fmt.Printf("%q\n", strings.SplitAfterN("a,b", ",", 5))
	fmt.Printf("%q\n", strings.SplitAfterN("abc", "", 2))
	fmt.Printf("%q\n", strings.ToValidUTF8("a\xff\xfeb\xc3", "?"))
	fmt.Printf("%q\n", bytes.ToValidUTF8([]byte("\xffz"), []byte("Z")))
	digit := func(r rune) bool { return unicode.IsDigit(r) }
	fmt.Println(strings.LastIndexFunc("ab1c2d", digit), bytes.LastIndexFunc([]byte("a1b"), digit))
	fmt.Println(bytes.LastIndexAny([]byte("golang"), "gn"), strings.Clone("hey"))
	fmt.Printf("%q\n", bytes.TrimLeftFunc([]byte("  x "), unicode.IsSpace))
	fmt.Printf("%q\n", bytes.TrimRightFunc([]byte("  x "), unicode.IsSpace))
	fmt.Println(io.SeekStart, io.SeekCurrent, io.SeekEnd)

	b := fmt.Append(nil, "a", 1, 2)
	b = fmt.Appendf(b, "|%03d|", 7)
	b = fmt.Appendln(b, "x", 2.5)
	fmt.Printf("%q\n", b)

	var x, y int
	var t, u string
	n, err := fmt.Sscanf("12345", "%2d%3d", &x, &y)
	fmt.Println(n, err, x, y)
	n, err = fmt.Sscanf("abcdef", "%3s%3s", &t, &u)
	fmt.Println(n, err, t, u)
	n, err = fmt.Sscanf("  20240115", "%4d%2d", &x, &y)
	fmt.Println(n, err, x, y)

	for _, c := range []string{"\xff", "\xfe", "\uFFFD"} {
		switch c {
		case "\xff":
			fmt.Println("ff")
		case "\xfe":
			fmt.Println("fe")
		case "\uFFFD":
			fmt.Println("replacement")
		}
	}
	m := map[string]int{"\xff": 1, "\xfe": 2}
	fmt.Println(len(m))
}
