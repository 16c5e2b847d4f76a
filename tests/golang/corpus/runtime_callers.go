// Where a program is: runtime.Caller, Callers, CallersFrames, FuncForPC and Stack, and the
// file and line the log package prints with Lshortfile.
package main

import (
	"fmt"
	"log"
	"os"
	"runtime"
	"strings"
	"sync"
)

type T struct{}

func (T) where() string {
	_, file, line, ok := runtime.Caller(0)
	return fmt.Sprint(base(file), ":", line, " ", ok)
}

func (t *T) M() *T {
	pc, _, line, _ := runtime.Caller(1)
	fmt.Println("M called by", runtime.FuncForPC(pc).Name(), "at line", line)
	return t
}

func helper() {
	pc, file, line, ok := runtime.Caller(1)
	fmt.Println(runtime.FuncForPC(pc).Name(), base(file), line, ok)
}

func trace() {
	pcs := make([]uintptr, 10)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		fmt.Println("  ", f.Function, base(f.File), f.Line, f.Func.Name() == f.Function)
		if !more {
			break
		}
	}
}

func base(s string) string { return s[strings.LastIndex(s, "/")+1:] }

func main() {
	helper()
	fmt.Println(T{}.where())
	t := &T{}
	t.
		M().
		M()
	trace()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		trace()
	}()
	wg.Wait()
	_, _, _, ok := runtime.Caller(20)
	fmt.Println("Caller(20):", ok, runtime.FuncForPC(0) == nil)
	buf := make([]byte, 1024)
	n := runtime.Stack(buf, false)
	s := string(buf[:n])
	fmt.Println(strings.HasPrefix(s, "goroutine 1 [running]:\nmain.main()\n"))
	var line int
	func() {
		defer func() {
			_, _, line, _ = runtime.Caller(1)
		}()
	}() // deferred calls run at the function's end
	fmt.Println("deferred at line", line)
	func() {
		defer func() {
			recover()
			trace()
		}()
		panic("x")
	}()
	log.SetFlags(log.Lshortfile)
	log.SetOutput(os.Stdout)
	log.Println("short")
	l := log.New(os.Stdout, "p: ", log.Lshortfile|log.Lmsgprefix)
	l.Printf("x=%d", 1)
	l.Output(1, "depth 1")
}
