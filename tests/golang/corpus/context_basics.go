package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type ctxKey string

func main() {
	bg := context.Background()
	fmt.Println(bg, context.TODO(), bg.Err())
	_, hasDeadline := bg.Deadline()
	fmt.Println(hasDeadline, bg.Done() == nil)

	ctx, cancel := context.WithCancel(bg)
	fmt.Println(ctx.Err())
	cancel()
	<-ctx.Done()
	fmt.Println(ctx.Err(), errors.Is(ctx.Err(), context.Canceled))
	cancel()

	tctx, tcancel := context.WithTimeout(bg, 30*time.Millisecond)
	defer tcancel()
	_, hasDeadline = tctx.Deadline()
	fmt.Println(hasDeadline)
	select {
	case <-tctx.Done():
		fmt.Println("timeout:", tctx.Err())
	case <-time.After(300 * time.Millisecond):
		fmt.Println("too slow")
	}
	fmt.Println(tctx.Err() == context.DeadlineExceeded, tctx.Err().Error())

	dctx, dcancel := context.WithDeadline(bg, time.Now().Add(-time.Second))
	fmt.Println("past deadline:", dctx.Err())
	dcancel()

	parent, pcancel := context.WithCancel(bg)
	child, ccancel := context.WithTimeout(parent, time.Hour)
	defer ccancel()
	pcancel()
	<-child.Done()
	fmt.Println("child of cancelled parent:", child.Err())

	vctx := context.WithValue(bg, ctxKey("user"), "gopher")
	vctx2 := context.WithValue(vctx, ctxKey("id"), 42)
	fmt.Println(vctx2.Value(ctxKey("user")), vctx2.Value(ctxKey("id")), vctx2.Value(ctxKey("none")))
	fmt.Println(vctx2.Value("user"))
	c2, cancel2 := context.WithCancel(vctx2)
	fmt.Println(c2.Value(ctxKey("user")))
	cancel2()
	fmt.Println(vctx2.Err(), c2.Err())
}
