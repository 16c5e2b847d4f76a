// Package reader is the Go Tour's golang.org/x/tour/reader, for its "Readers" exercise: a
// reader that emits an infinite stream of 'A's.
package reader

import (
	"fmt"
	"io"
	"os"
)

// Validate reads up to a megabyte from r through a buffer of 1 KB and prints "OK!" when
// every byte was 'A' and some were read; otherwise it says on stderr what went wrong.
func Validate(r io.Reader) {
	buf := make([]byte, 1024, 2048)
	calls, offset := 0, 0
	for ; calls < 1<<20 && offset < 1<<20; calls++ {
		n, err := r.Read(buf)
		for i, b := range buf[:n] {
			if b != 'A' {
				fmt.Fprintf(os.Stderr, "got byte %x at offset %v, want 'A'\n", b, offset+i)
				return
			}
		}
		offset += n
		if err != nil {
			fmt.Fprintf(os.Stderr, "read error: %v\n", err)
			return
		}
	}
	if offset == 0 {
		fmt.Fprintf(os.Stderr, "read zero bytes after %d Read calls\n", calls)
		return
	}
	fmt.Println("OK!")
}
