// bytes.Buffer grows as Go's does (its capacities), empties itself after WriteTo, keeps
// UnreadByte working across Grow, and panics with ErrTooLarge; bytes.Reader's errors,
// Replace's nil result and the capacities of Split's pieces are Go's.
package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

func main() {
	var b bytes.Buffer
	caps := []int{}
	for i := 0; i < 40; i++ {
		b.WriteString(strings.Repeat("x", i*7))
		b.WriteByte('y')
		b.WriteRune('é')
		caps = append(caps, b.Cap())
		if i%5 == 0 {
			b.Next(b.Len() / 2)
		}
	}
	fmt.Println(caps, b.Len())

	var r bytes.Buffer
	n, err := r.ReadFrom(strings.NewReader(strings.Repeat("abc", 1000)))
	fmt.Println(n, err, r.Len(), r.Cap())
	c := bytes.NewBuffer(nil)
	c.WriteString("x")
	fmt.Println(c.Cap())
	c.Grow(100)
	fmt.Println(c.Cap(), c.Len())

	w := bytes.NewBuffer(make([]byte, 0, 16))
	w.WriteString("abc")
	w.WriteTo(io.Discard)
	w.WriteString("xy")
	fmt.Println(cap(w.Bytes()), w.String())

	buf := make([]byte, 2, 100)
	copy(buf, "ab")
	u := bytes.NewBuffer(buf)
	u.ReadByte()
	u.Grow(10)
	fmt.Println(u.UnreadByte(), u.String())

	func() {
		defer func() { r := recover(); fmt.Printf("%T %v %v\n", r, r, r == bytes.ErrTooLarge) }()
		bytes.NewBufferString("abc").Grow(1 << 62)
	}()

	rd := bytes.NewReader([]byte("ab"))
	fmt.Println(rd.UnreadByte())
	fmt.Println(rd.UnreadRune())
	_, err = rd.Seek(-1, io.SeekStart)
	fmt.Println(err)
	_, err = rd.Seek(0, 9)
	fmt.Println(err)
	_, err = rd.ReadAt(make([]byte, 1), -1)
	fmt.Println(err)
	rd.ReadByte()
	fmt.Println(rd.UnreadRune(), rd.UnreadByte(), rd.Len())

	fmt.Println(bytes.Replace(nil, []byte("a"), []byte("b"), -1) == nil,
		bytes.Replace([]byte{}, []byte("a"), []byte("b"), -1) == nil,
		bytes.ReplaceAll([]byte{}, []byte("a"), []byte("b")) == nil,
		string(bytes.Replace([]byte("aaa"), []byte("a"), []byte("b"), 2)),
		string(bytes.Replace([]byte("ab"), nil, []byte("-"), -1)),
		bytes.Replace([]byte("ab"), []byte("a"), nil, 0) == nil)
	s := make([]byte, 5, 8)
	copy(s, "é日")
	for _, n := range []int{-1, 1, 2, 3, 9} {
		for _, p := range bytes.SplitN(s, nil, n) {
			fmt.Print(len(p), cap(p), " ")
		}
		fmt.Println()
	}
}
