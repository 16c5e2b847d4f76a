package main

import (
	"errors"
	"fmt"
	"log"
	"os"
	"strings"
	"time"
)

// A type that formats itself: any verb goes.
type money int

func (m money) Format(f fmt.State, verb rune) { fmt.Fprintf(f, "$%d", int(m)) }

type celsius float64

func (c celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type node struct {
	next *node
	val  int
}

type secret struct {
	err error
}

type logger struct {
	prefix string
}

// A method that forwards: its callers' formats are checked.
func (l *logger) Logf(format string, args ...any) {
	log.Printf(l.prefix+format, args...)
}

func fail(format string, args ...any) error {
	return fmt.Errorf("fail: "+format, args...)
}

// Forwards to a wrapper: a wrapper too.
func debugf(format string, args ...any) {
	if os.Getenv("DEBUG") != "" {
		fail(format, args...)
	}
}

// Changes its arguments: not a plain wrapper.
func tracef(format string, args ...any) {
	args = append(args, "!")
	fmt.Printf(format, args...)
}

func printAll(prefix string, args ...any) {
	fmt.Print(append([]any{prefix}, args...)...)
}

func main() {
	l := &logger{prefix: "app: "}
	std := log.New(os.Stdout, "", 0)
	var err error = errors.New("boom")
	var e2 = fmt.Errorf("wrap: %w", err)
	d := 1500 * time.Millisecond
	n := &node{val: 1}
	var sb strings.Builder
	fmt.Printf("%d %s %v %x\n", money(5), money(5), money(5), money(5))
	fmt.Printf("%s %v %d\n", celsius(21.5), celsius(21.5), celsius(21.5))
	fmt.Printf("%v %d %s\n", d, d, d)
	fmt.Printf("%v %+v %d\n", n, n, n)
	fmt.Printf("%s\n", secret{err})
	fmt.Printf("%v %s %q\n", err, e2, err)
	fmt.Printf("%08.3f|%+d|%x|%X|%o|%b|%e|%g|%U|%c\n", 3.14159, 5, 255, 255, 8, 5, 1e6, 0.5, 'G', 'G')
	fmt.Printf("%T %T\n", l, err)
	fmt.Printf("%5t|%-5t|\n", true, false)
	fmt.Printf("%[1]d %[1]x %[2]*[1]d\n", 42, 6)
	fmt.Printf("%*s|%-*s|\n", 6, "a", 6, "b")
	fmt.Printf("%.*f\n", "2", 3.14)
	fmt.Printf("%d %d\n", []int{1, 2}, [2]bool{true})
	fmt.Printf("%s\n", []string{"a"})
	fmt.Printf("%p %p\n", n, l.Logf)
	fmt.Printf("%p\n", []int{1})
	fmt.Printf("%d\n", func() int { return 1 })
	fmt.Printf("%v\n", func() int { return 1 }())
	fmt.Fprintf(&sb, "%s=%d;", "k", "v")
	fmt.Fprint(os.Stderr, "x %d\n", 1)
	fmt.Sprintln("a", "b\n")
	_ = fmt.Sprint("%v", 3)
	l.Logf("%d users\n", "ten")
	l.Logf("%d users\n", 10)
	std.Printf("%s\n", 3)
	std.Println("ready\n")
	log.Println("%s", "x")
	_ = fail("%s", 3)
	debugf("%d", "x")
	tracef("%d", "x")
	printAll("x %d", 1)
	fmt.Printf("%!\n")
	fmt.Printf("%[0]d\n", 1)
	fmt.Printf("%[x]d\n", 1)
	fmt.Printf("%[2", 1)
	fmt.Printf("%-+# 0d\n", 1)
	fmt.Printf("%v %v\n", fmt.Sprint, main)
	fmt.Printf(strings.Repeat("%d", 2), 1, 2)
	args := []any{1, 2}
	fmt.Printf("%d %d %d\n", args...)
	fmt.Printf("%d\n", args...)
	fmt.Printf("%s", 1, args)
	fmt.Println("100%", "50% off")
	fmt.Println("%v")
	fmt.Print("%")
	fmt.Print("a%")
	fmt.Printf("%% %d\n", 1, 2)
	fmt.Printf("%", 1)
	log.Fatalf("%s", 1)
}
