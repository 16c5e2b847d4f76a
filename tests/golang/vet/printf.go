package main

import (
	"errors"
	"fmt"
	"log"
	"os"
	"strings"
)

type T struct {
	n int
}

func (t T) String() string {
	return fmt.Sprintf("%s", t)
}

type E struct{ msg string }

func (e *E) Error() string {
	return fmt.Sprint(e)
}

type pair struct {
	a, b int
}

type named struct {
	name string
}

const format = "%d items\n"

func logf(format string, args ...interface{}) {
	fmt.Printf(format, args...)
}

func warn(format string, args ...any) {
	fmt.Printf(format, args)
}

func say(args ...interface{}) {
	fmt.Println(args...)
}

func main() {
	s, n, f := "x", 3, 1.5
	var err error = errors.New("boom")
	var b strings.Builder
	fmt.Println("n = %d", n)
	fmt.Println("done\n")
	fmt.Print("100%")
	fmt.Printf("%d\n", s)
	fmt.Printf("%s\n", n)
	fmt.Printf("%t %f\n", n, n)
	fmt.Printf("%d %d\n", n)
	fmt.Printf("%d\n", n, s)
	fmt.Printf("hello\n", n)
	fmt.Printf("%z\n", n)
	fmt.Printf("%#s\n", s)
	fmt.Printf("%d %", n)
	fmt.Printf("%w\n", err)
	_ = fmt.Errorf("%w %w", err, err)
	_ = fmt.Errorf("%w", n)
	fmt.Println(main)
	fmt.Printf("%v\n", main)
	fmt.Printf("%*d\n", s, n)
	fmt.Printf("%[3]d\n", n, n)
	fmt.Printf("%[2]d %[1]s\n", s, n)
	fmt.Fprintln(os.Stdout, "x\n")
	fmt.Println(os.Stdout, "x")
	log.Printf("%d", s)
	logf("%d\n", s)
	warn("%d\n", n)
	say("a %d", n)
	fmt.Printf("%d\n", pair{1, 2})
	fmt.Printf("%d\n", &pair{1, 2})
	fmt.Printf("%d\n", named{"a"})
	fmt.Printf("%d\n", nil)
	fmt.Printf("%p\n", n)
	fmt.Printf(format, s)
	fmt.Printf("%s %x %x\n", []byte("a"), []int{1}, f)
	fmt.Printf("%c %c\n", 'a', s)
	fmt.Printf("%6.2f|%-10s|%03d\n", n, n, n)
	fmt.Printf("%U %q %q\n", 'x', s, f)
	fmt.Printf("%s %d %v\n", err, err, T{1})
	fmt.Printf("%d %s\n", T{1}, T{1})
	fmt.Fprintf(&b, "%d", s)
	fmt.Printf("%.*f\n", 2, f)
	fmt.Printf("%d%%\n", n)
	fmt.Printf("%s\n", &E{"x"})
	fmt.Printf("%x\n", map[string]int{"a": 1})
	fmt.Printf("%d\n", map[string]int{"a": 1})
	fmt.Printf("%s\n", n+1)
	fmt.Printf("%s\n", len(s))
	fmt.Printf("%d\n", s[0:1])
	fmt.Printf("%d\n", T{1}.n > 0)
}
