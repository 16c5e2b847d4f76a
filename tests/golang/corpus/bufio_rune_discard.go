// bufio.Writer.WriteRune flushes first when fewer than utf8.UTFMax bytes are free, so a
// rune's encoding goes out whole; Reader.Discard(0) does nothing, UnreadByte still works.
package main

import (
	"bufio"
	"fmt"
	"strings"
)

func main() {
	for _, size := range []int{1, 2, 4, 5, 16} {
		var sb strings.Builder
		w := bufio.NewWriterSize(&sb, size)
		w.WriteString("abc")
		n, err := w.WriteRune('é')
		n2, _ := w.WriteRune('日')
		n3, _ := w.WriteRune('x')
		n4, _ := w.WriteRune(-1)
		fmt.Println(size, n, err, n2, n3, n4, w.Buffered(), len(sb.String()))
		w.Flush()
		fmt.Printf("%q\n", sb.String())
	}
	r := bufio.NewReader(strings.NewReader("abc"))
	n, err := r.Discard(0)
	fmt.Println(n, err, r.Buffered())
	r.ReadByte()
	r.Discard(0)
	fmt.Println(r.UnreadByte())
	n, err = r.Discard(5)
	fmt.Println(n, err, r.UnreadByte())
}
