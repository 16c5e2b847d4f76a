// The Go Tour's "Readers" and "rot13Reader" exercises: reader.Validate reads a megabyte and
// prints OK! or says on stderr what went wrong; a reader wrapping another is copied to
// os.Stdout with io.Copy.
package main

import (
	"errors"
	"io"
	"os"
	"strings"

	"golang.org/x/tour/reader"
)

type MyReader struct{}

func (MyReader) Read(b []byte) (int, error) {
	for i := range b {
		b[i] = 'A'
	}
	return len(b), nil
}

type rot13Reader struct {
	r io.Reader
}

func (r rot13Reader) Read(b []byte) (int, error) {
	n, err := r.r.Read(b)
	for i := range b[:n] {
		switch c := b[i]; {
		case c >= 'a' && c <= 'z':
			b[i] = 'a' + (c-'a'+13)%26
		case c >= 'A' && c <= 'Z':
			b[i] = 'A' + (c-'A'+13)%26
		}
	}
	return n, err
}

// fewAs gives three reads of 'A's, then a 'B'.
type fewAs struct{ reads int }

func (f *fewAs) Read(b []byte) (int, error) {
	f.reads++
	if f.reads > 3 {
		b[0] = 'B'
		return 1, nil
	}
	return copy(b, "AAAAAAAA"), nil
}

type nothing struct{}

func (nothing) Read([]byte) (int, error) { return 0, nil }

type failing struct{}

func (failing) Read(b []byte) (int, error) { return copy(b, "AA"), errors.New("disk on fire") }

func main() {
	reader.Validate(MyReader{})
	reader.Validate(&fewAs{})
	reader.Validate(nothing{})
	reader.Validate(strings.NewReader("AAAA"))
	reader.Validate(failing{})
	reader.Validate(strings.NewReader(""))

	s := strings.NewReader("Lbh penpxrq gur pbqr!\n")
	r := rot13Reader{s}
	io.Copy(os.Stdout, &r)
	io.Copy(os.Stdout, rot13Reader{strings.NewReader("Uryyb, Tbcure. 13 + 13 = 26\n")})
}
