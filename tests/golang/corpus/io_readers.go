// Readers and writers: strings.Reader, bytes.Reader, io.ReadFull, ReadAtLeast, Copy, CopyN,
// LimitReader, MultiReader and MultiWriter.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

type upper struct{ w io.Writer }

func (u upper) Write(p []byte) (int, error) {
	return u.w.Write(bytes.ToUpper(p))
}

func main() {
	r := strings.NewReader("héllo, wörld")
	fmt.Println(r.Len(), r.Size())
	buf := make([]byte, 4)
	n, err := io.ReadFull(r, buf)
	fmt.Println(n, err, string(buf))
	c, _ := r.ReadByte()
	fmt.Println(string(c), r.UnreadByte(), r.UnreadByte(), r.UnreadRune())
	ch, size, err := r.ReadRune()
	fmt.Println(string(ch), size, err, r.UnreadRune(), r.Len())
	rest, err := io.ReadAll(r)
	fmt.Printf("%q %v %d\n", rest, err, r.Len())
	n, err = r.Read(buf)
	fmt.Println(n, err == io.EOF)
	n, err = io.ReadFull(strings.NewReader("ab"), buf)
	fmt.Println(n, err, errors.Is(err, io.ErrUnexpectedEOF))
	n, err = io.ReadFull(strings.NewReader(""), buf)
	fmt.Println(n, err)
	n, err = io.ReadAtLeast(strings.NewReader("abcdef"), buf, 8)
	fmt.Println(n, err)
	var sb strings.Builder
	w, err := io.Copy(&sb, strings.NewReader("copied"))
	fmt.Println(w, err, sb.String())
	var bb bytes.Buffer
	w, err = io.CopyN(&bb, strings.NewReader("0123456789"), 4)
	fmt.Println(w, err, bb.String())
	w, err = io.CopyN(&bb, strings.NewReader("xy"), 4)
	fmt.Println(w, err, bb.String())
	mw := io.MultiWriter(os.Stdout, upper{os.Stdout})
	fmt.Fprintln(mw, "twice")
	mr := io.MultiReader(strings.NewReader("one "), bytes.NewReader([]byte("two ")), strings.NewReader("three"))
	all, _ := io.ReadAll(mr)
	fmt.Println(string(all))
	lr := io.LimitReader(strings.NewReader("limited reader"), 7)
	io.Copy(os.Stdout, lr)
	fmt.Println()
	br := bytes.NewReader([]byte("bytes"))
	io.Copy(upper{os.Stdout}, br)
	fmt.Println(br.Len())
	br.Reset([]byte("again"))
	b1, _ := br.ReadByte()
	fmt.Println(string(b1), br.Len())
	r.Reset("reset")
	io.Copy(os.Stdout, r)
	fmt.Println()
}
