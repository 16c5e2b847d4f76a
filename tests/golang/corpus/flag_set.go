package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"
)

type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(s string) error { *l = append(*l, s); return nil }

func run(args []string) {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	fs.SetOutput(os.Stdout)
	n := fs.Int("n", 4, "number of `workers`")
	name := fs.String("name", "pool", "the pool's name")
	v := fs.Bool("v", false, "verbose")
	d := fs.Duration("timeout", 2*time.Second, "how long to wait\nfor the jobs")
	rate := fs.Float64("rate", 0, "jobs per second")
	var tags list
	fs.Var(&tags, "tag", "a tag (repeatable)")
	var seen []string
	fs.Func("on", "a hook", func(s string) error {
		if s == "bad" {
			return errors.New("no bad hooks")
		}
		seen = append(seen, s)
		return nil
	})
	err := fs.Parse(args)
	fmt.Printf("err=%v n=%d name=%q v=%v timeout=%v rate=%v tags=%v hooks=%v args=%q nflag=%d\n",
		err, *n, *name, *v, *d, *rate, tags, seen, fs.Args(), fs.NFlag())
}

func main() {
	run([]string{"-n", "8", "--name=fast", "-v", "-tag", "a", "-tag=b", "-on", "x", "rest", "-n", "9"})
	run([]string{"-timeout", "150ms", "-rate=2.5", "--", "-v"})
	run([]string{"-v=false", "-n=0x10"})
	run([]string{"-x"})
	run([]string{"-n", "many"})
	run([]string{"-n"})
	run([]string{"-v=maybe"})
	run([]string{"-on=bad"})
	run([]string{"---n"})
	run([]string{"-h"})
	run([]string{"-n", "99999999999999999999"})
	flag.Parse()
	fmt.Println(flag.NArg(), flag.Args(), flag.Parsed(), *flag.Int("k", 3, "k"))
}
