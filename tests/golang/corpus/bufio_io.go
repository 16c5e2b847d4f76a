package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// slowReader returns its data a few bytes at a time, with empty reads between.
type slowReader struct {
	data string
	n    int
	tick int
}

func (r *slowReader) Read(p []byte) (int, error) {
	r.tick++
	if r.tick%2 == 0 {
		return 0, nil
	}
	if len(r.data) == 0 {
		return 0, io.EOF
	}
	m := r.n
	if len(p) < m {
		m = len(p)
	}
	k := copy(p[:m], r.data)
	r.data = r.data[k:]
	return k, nil
}

type failWriter struct{ after int }

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.after {
		fmt.Printf("[partial write of %d]\n", w.after)
		return w.after, errors.New("disk full")
	}
	fmt.Printf("[write %q]\n", p)
	return len(p), nil
}

func main() {
	// Lines, with \r\n, a last line without newline, and empty lines.
	sc := bufio.NewScanner(strings.NewReader("one\r\ntwo\n\nthree"))
	for sc.Scan() {
		fmt.Printf("%q ", sc.Text())
	}
	fmt.Println(sc.Err())

	// Words over a slow reader, with Unicode spaces.
	sc = bufio.NewScanner(&slowReader{data: "  alpha\u00a0beta\tgamma\n delta  ", n: 3})
	sc.Split(bufio.ScanWords)
	n := 0
	for sc.Scan() {
		n++
		fmt.Printf("%d:%s ", n, sc.Text())
	}
	fmt.Println(sc.Err())

	// Runes, with invalid UTF-8.
	sc = bufio.NewScanner(strings.NewReader("h\xffé"))
	sc.Split(bufio.ScanRunes)
	for sc.Scan() {
		fmt.Printf("%q ", sc.Bytes())
	}
	fmt.Println()

	// A token longer than the buffer allows.
	sc = bufio.NewScanner(strings.NewReader(strings.Repeat("x", 100) + "\nshort\n"))
	sc.Buffer(make([]byte, 10), 50)
	for sc.Scan() {
		fmt.Println("token", sc.Text())
	}
	fmt.Println("err:", sc.Err())

	// A custom split function: comma-separated, with a final token.
	sc = bufio.NewScanner(strings.NewReader("a,b,STOP,c"))
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		for i, c := range data {
			if c == ',' {
				if string(data[:i]) == "STOP" {
					return i + 1, data[:i], bufio.ErrFinalToken
				}
				return i + 1, data[:i], nil
			}
		}
		if atEOF && len(data) > 0 {
			return len(data), data, nil
		}
		return 0, nil, nil
	})
	for sc.Scan() {
		fmt.Printf("<%s>", sc.Text())
	}
	fmt.Println()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		sc.Split(bufio.ScanBytes)
	}()

	// Reader.
	r := bufio.NewReaderSize(&slowReader{data: "first line\nsecond 😀 line\r\nno newline", n: 5}, 16)
	line, err := r.ReadString('\n')
	fmt.Printf("%q %v\n", line, err)
	ru, size, err := r.ReadRune()
	fmt.Println(string(ru), size, err, r.UnreadRune(), r.UnreadRune())
	b, _ := r.ReadByte()
	fmt.Println(string(b), r.UnreadByte(), r.Buffered() > 0)
	peek, err := r.Peek(4)
	fmt.Printf("%q %v\n", peek, err)
	l, isPrefix, err := r.ReadLine()
	fmt.Printf("%q %v %v\n", l, isPrefix, err)
	l, isPrefix, err = r.ReadLine()
	fmt.Printf("%q %v %v\n", l, isPrefix, err)
	rest, err := r.ReadString('\n')
	fmt.Printf("%q %v\n", rest, err)
	_, err = r.ReadByte()
	fmt.Println(err, r.UnreadByte())
	_, err = r.Peek(100)
	fmt.Println(err)

	r2 := bufio.NewReader(strings.NewReader("abcdefghij"))
	d, err := r2.Discard(3)
	buf := make([]byte, 4)
	k, _ := r2.Read(buf)
	fmt.Println(d, err, k, string(buf[:k]))
	all, err := io.ReadAll(r2)
	fmt.Printf("%q %v\n", all, err)

	// Writer: nothing reaches the output before Flush, unless the buffer fills.
	w := bufio.NewWriterSize(os.Stdout, 16)
	fmt.Fprintf(w, "buffered %d\n", 1)
	fmt.Println("direct (printed first)")
	fmt.Println(w.Buffered(), w.Available(), w.Size())
	w.WriteString("a long string that does not fit in sixteen bytes\n")
	w.WriteByte('!')
	w.WriteRune('é')
	w.WriteString("\n")
	fmt.Println("before flush")
	fmt.Println(w.Flush())

	fw := bufio.NewWriterSize(&failWriter{after: 5}, 8)
	fw.WriteString("12345678")
	fmt.Println(fw.Buffered())
	_, err = fw.WriteString("9")
	fmt.Println(err, fw.Buffered(), fw.Flush())

	n64, err := bufio.NewWriter(os.Stdout).ReadFrom(strings.NewReader("lost: never flushed\n"))
	fmt.Println(n64, err)
	rw := bufio.NewReadWriter(bufio.NewReader(strings.NewReader("in\n")), bufio.NewWriter(os.Stdout))
	s, _ := rw.ReadString('\n')
	rw.WriteString("rw got " + s)
	rw.Flush()

	// Standard input is empty.
	in := bufio.NewScanner(os.Stdin)
	fmt.Println(in.Scan(), in.Err())
	_, err = os.Stdout.Read(make([]byte, 1))
	fmt.Println(err)
}
