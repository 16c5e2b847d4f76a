// os/signal with the signals a program sends itself (no other comes in chanlab): Notify on
// buffered channels, for some signals or all, Stop, Ignore, Ignored, Reset,
// NotifyContext (its String, its cancellation by a signal and by stop), os.Process.Signal,
// syscall.Kill (another pid, signal 0, an ignored-by-default SIGCHLD), Signal's names and
// Errno's texts, io/ioutil; then a SIGTERM nothing handles ends the program.
package main

import (
	"context"
	"errors"
	"fmt"
	"io/ioutil"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

func main() {
	fmt.Println(os.Interrupt, os.Kill, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGUSR2, syscall.Signal(0), syscall.Signal(31), syscall.Signal(40))
	fmt.Printf("%v %d %T %T %q\n", syscall.SIGINT, syscall.SIGINT, os.Interrupt, syscall.SIGQUIT, syscall.SIGWINCH)
	fmt.Println(syscall.ESRCH, syscall.EINVAL, syscall.Kill(1<<30, syscall.SIGINT))
	fmt.Println(os.Getpid() == syscall.Getpid(), syscall.Kill(os.Getpid(), 0))

	ints := make(chan os.Signal, 1)
	all := make(chan os.Signal, 4)
	signal.Notify(ints, os.Interrupt)
	signal.Notify(all)
	p, err := os.FindProcess(os.Getpid())
	fmt.Println(err, p.Pid == os.Getpid())
	fmt.Println(p.Signal(os.Interrupt))
	fmt.Println(<-ints, <-all)
	syscall.Kill(os.Getpid(), syscall.SIGUSR1)
	fmt.Println(<-all)
	syscall.Kill(0, syscall.SIGCHLD)
	fmt.Println(<-all)
	fmt.Println((&os.Process{Pid: 1 << 30}).Signal(os.Interrupt))

	signal.Stop(all)
	signal.Notify(ints, syscall.SIGHUP)
	syscall.Kill(os.Getpid(), syscall.SIGHUP)
	fmt.Println(<-ints)
	signal.Ignore(syscall.SIGHUP)
	fmt.Println(signal.Ignored(syscall.SIGHUP), signal.Ignored(os.Interrupt))
	syscall.Kill(os.Getpid(), syscall.SIGHUP)
	fmt.Println(len(ints))
	signal.Notify(ints, syscall.SIGHUP)
	fmt.Println(signal.Ignored(syscall.SIGHUP))
	signal.Reset(os.Interrupt)
	syscall.Kill(os.Getpid(), syscall.SIGHUP)
	fmt.Println(<-ints)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	fmt.Println(ctx, ctx.Err())
	p.Signal(os.Interrupt)
	<-ctx.Done()
	fmt.Println(ctx.Err(), errors.Is(ctx.Err(), context.Canceled))
	stop()
	ctx2, stop2 := signal.NotifyContext(context.TODO())
	fmt.Println(ctx2)
	stop2()
	fmt.Println(ctx2.Err())

	b, err := ioutil.ReadAll(strings.NewReader("read all"))
	fmt.Println(string(b), err)
	rc := ioutil.NopCloser(strings.NewReader("x"))
	fmt.Println(rc.Close())
	n, err := fmt.Fprint(ioutil.Discard, "discarded")
	fmt.Println(n, err)
	_, err = ioutil.ReadFile("missing.txt")
	fmt.Println(err)

	signal.Reset()
	defer fmt.Println("deferred calls do not run")
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	select {}
}
