// Go's standard streams carry bytes: a character whose bytes arrive in several writes
// prints whole, whether the writes are the program's own or a small bufio.Writer's.
package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	s := "日本語, héllo\n"
	for i := 0; i < len(s); i++ {
		os.Stdout.Write([]byte{s[i]})
	}
	w := bufio.NewWriterSize(os.Stdout, 16)
	for i := 0; i < 5; i++ {
		fmt.Fprint(w, "日本語")
	}
	fmt.Fprintln(w)
	w.Flush()
	e := "é€\n"
	for i := 0; i < len(e); i++ {
		fmt.Fprint(os.Stderr, e[i:i+1])
	}
	fmt.Println("done")
}
