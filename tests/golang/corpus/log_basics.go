// Package log: the standard logger on stderr and Loggers on any io.Writer, their prefixes
// and flags, used from several goroutines, Panic and Fatal (which exits with status 1).
package main

import (
	"errors"
	"fmt"
	"log"
	"os"
	"strings"
	"sync"
	"time"
)

func main() {
	fmt.Println(log.Flags() == log.LstdFlags, log.Ldate, log.Ltime, log.Lmicroseconds, log.LUTC, log.Lmsgprefix)
	// The date and time are left out: Go's would be today's.
	log.SetFlags(0)
	log.Println("hello", 42, time.Second)
	log.SetPrefix("app: ")
	log.Print("no flags")
	log.Print("ends with newline\n")
	log.SetFlags(log.Lmsgprefix)
	log.Println("prefix before the message")
	var sb strings.Builder
	l := log.New(&sb, "[w] ", 0)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			l.Printf("worker %d", i)
		}(i)
	}
	wg.Wait()
	fmt.Print(len(strings.Split(sb.String(), "\n")), " lines, prefix ", l.Prefix(), ", flags ", l.Flags(), "\n")
	std := log.New(os.Stdout, "out: ", 0)
	std.Println("to stdout")
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		std.Panicf("bad %d", 7)
	}()
	log.Fatal(errors.New("fatal error here"))
}
