// bytes.Buffer's UnreadByte and UnreadRune, which undo only the last successful read (and
// say why not otherwise), and ReadFrom.
package main

import (
	"bytes"
	"fmt"
	"strings"
)

func main() {
	var b bytes.Buffer
	fmt.Println(b.UnreadByte(), b.UnreadRune())
	b.WriteString("héllo world")
	c, _ := b.ReadByte()
	fmt.Println(string(c), b.UnreadByte(), b.UnreadByte(), b.String())
	r, n, _ := b.ReadRune()
	fmt.Println(string(r), n, b.UnreadRune(), b.String())
	b.ReadRune()
	r, n, _ = b.ReadRune()
	fmt.Println(string(r), n, b.UnreadRune(), b.UnreadRune(), b.String())
	p := make([]byte, 3)
	b.Read(p)
	fmt.Println(b.UnreadRune(), b.UnreadByte(), b.String())
	b.Next(2)
	fmt.Println(b.UnreadByte(), b.String())
	line, _ := b.ReadString(' ')
	fmt.Printf("%q %v %q\n", line, b.UnreadByte(), b.String())
	b.WriteByte('!')
	fmt.Println(b.UnreadByte())
	var c2 bytes.Buffer
	n64, err := c2.ReadFrom(strings.NewReader(strings.Repeat("x", 1500)))
	fmt.Println(n64, err, c2.Len())
}
