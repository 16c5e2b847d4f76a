// Package bytes: the functions on byte slices (those that return part of their argument
// return a subslice of it) and Buffer as a writer, a reader and a Stringer.
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"unicode"
)

func main() {
	s := []byte("  Hello, Gophers! Hello again.  ")
	fmt.Println(bytes.Contains(s, []byte("Go")), bytes.Count(s, []byte("Hello")), bytes.Index(s, []byte("again")))
	fmt.Println(bytes.Equal([]byte("a"), []byte("a")), bytes.Equal(nil, []byte{}), bytes.Compare([]byte("a"), []byte("b")))
	fmt.Printf("%q %q %q\n", bytes.TrimSpace(s), bytes.Trim(s, " .H"), bytes.TrimLeft(s, " "))
	fmt.Println(bytes.TrimSpace([]byte("   ")) == nil, len(bytes.TrimSpace([]byte(" x "))))
	t := bytes.TrimSpace(s)
	t[0] = 'J' // a subslice: s changes too
	fmt.Printf("%s|\n", s)
	fmt.Printf("%q\n", bytes.Split([]byte("a,b,,c"), []byte(",")))
	fmt.Printf("%q\n", bytes.SplitN([]byte("a,b,,c"), []byte(","), 2))
	fmt.Printf("%q\n", bytes.Fields([]byte(" x  y\tz\n")))
	fmt.Printf("%s\n", bytes.Join([][]byte{[]byte("x"), []byte("y"), []byte("z")}, []byte("-")))
	fmt.Printf("%s %s %s\n", bytes.ToUpper([]byte("abc")), bytes.ToLower([]byte("ÀB")), bytes.Repeat([]byte("ab"), 3))
	fmt.Printf("%s\n", bytes.ReplaceAll([]byte("oink oink"), []byte("k"), []byte("ky")))
	before, after, found := bytes.Cut([]byte("key=value"), []byte("="))
	fmt.Printf("%s %s %v\n", before, after, found)
	fmt.Printf("%s %s\n", bytes.TrimPrefix([]byte("prefix-body"), []byte("prefix-")), bytes.TrimSuffix([]byte("a.go"), []byte(".go")))
	fmt.Println(bytes.HasPrefix(s, []byte("  J")), bytes.IndexByte(s, 'G'), bytes.IndexRune([]byte("héllo"), 'l'))
	fmt.Printf("%s\n", bytes.TrimFunc([]byte("123abc456"), unicode.IsDigit))
	fmt.Println(bytes.Runes([]byte("héllo")), bytes.EqualFold([]byte("Go"), []byte("GO")))

	var b bytes.Buffer
	b.WriteString("hello ")
	b.Write([]byte("world"))
	b.WriteByte('!')
	b.WriteRune('✓')
	fmt.Fprintf(&b, " %d-%s\n", 42, "end")
	fmt.Println(b.Len(), b.String())
	fmt.Print(&b)
	line, err := b.ReadString(' ')
	fmt.Printf("%q %v %d\n", line, err, b.Len())
	c, _ := b.ReadByte()
	r, size, _ := b.ReadRune()
	fmt.Printf("%c %c %d %q\n", c, r, size, b.Next(4))
	rest, err := io.ReadAll(&b)
	fmt.Printf("%q %v %d\n", rest, err, b.Len())
	n, err := b.Read(make([]byte, 4))
	fmt.Println(n, err)
	b2 := bytes.NewBufferString("line one\nline two")
	for {
		l, err := b2.ReadBytes('\n')
		fmt.Printf("%q %v\n", l, err)
		if err != nil {
			break
		}
	}
	b3 := bytes.NewBuffer([]byte("abcdef"))
	b3.Truncate(3)
	b3.WriteTo(os.Stdout)
	fmt.Println()
	var nilBuf *bytes.Buffer
	fmt.Println(nilBuf.String())
	defer func() { fmt.Println("recovered:", recover()) }()
	b3.Truncate(10)
}
