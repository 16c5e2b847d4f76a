// More of the standard library's API: strconv's Append functions, IsPrint, IsGraphic and
// CanBackquote, strings.Reader's ReadAt and Seek, io.TeeReader and SectionReader, os.Expand and
// ExpandEnv, math.Nextafter.
package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
)

func main() {
	b := strconv.AppendBool(nil, true)
	b = strconv.AppendUint(b, 255, 16)
	b = strconv.AppendFloat(b, 1.5, 'e', 3, 64)
	b = strconv.AppendQuoteRune(b, 'é')
	b = strconv.AppendQuoteToASCII(b, "héllo")
	b = strconv.AppendQuoteRuneToASCII(b, '☺')
	fmt.Println(string(b))
	for _, r := range []rune{'a', ' ', '\t', '\u00a0', '\u2028', 'é', 0x7f, 0x10ffff, '☺', '\u200b'} {
		fmt.Print(strconv.IsPrint(r), strconv.IsGraphic(r), " ")
	}
	fmt.Println()
	for _, s := range []string{"abc", "a`b", "a\tb", "a\nb", "\ufeffx", "héllo", "\xff", "\u007f", "☺"} {
		fmt.Print(strconv.CanBackquote(s), " ")
	}
	fmt.Println()
	r := strings.NewReader("hello, world")
	p := make([]byte, 5)
	n, err := r.ReadAt(p, 7)
	fmt.Println(n, err, string(p[:n]))
	pos, err := r.Seek(-5, io.SeekEnd)
	rest, _ := io.ReadAll(r)
	fmt.Println(pos, err, string(rest))
	_, err = r.Seek(-1, io.SeekStart)
	fmt.Println(err)
	var buf bytes.Buffer
	tee := io.TeeReader(strings.NewReader("tee data"), &buf)
	all, _ := io.ReadAll(tee)
	fmt.Println(string(all), buf.String())
	sec := io.NewSectionReader(strings.NewReader("0123456789"), 2, 5)
	all, _ = io.ReadAll(sec)
	fmt.Println(string(all), sec.Size())
	off, err := sec.Seek(1, io.SeekStart)
	q := make([]byte, 10)
	n, err2 := sec.Read(q)
	fmt.Println(off, err, n, err2, string(q[:n]))
	n, err = sec.ReadAt(q[:3], 3)
	fmt.Println(n, err, string(q[:n]))
	os.Setenv("NAME", "gopher")
	fmt.Println(os.ExpandEnv("hi $NAME, ${NAME}! $UNSET. $$ ${} ${1} $"))
	fmt.Println(os.Expand("$a-${b}", func(k string) string { return strings.ToUpper(k) }))
	fmt.Println(math.Nextafter(1, 2), math.Nextafter(1, 0), math.Nextafter(0, -1), math.Nextafter32(1, 2), math.Nextafter(math.NaN(), 1))
}
