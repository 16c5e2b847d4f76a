package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"
)

func early(ctx context.Context, fail bool) error {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	if fail {
		return errors.New("failed")
	}
	defer cancel()
	<-ctx.Done()
	return nil
}

func fine(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	return ctx.Err()
}

func sometimes(ctx context.Context, b bool) {
	ctx, cancel := context.WithDeadline(ctx, time.Now())
	if b {
		cancel()
	}
	fmt.Println(ctx.Err())
}

func passedOn(ctx context.Context) context.CancelFunc {
	_, cancel := context.WithCancel(ctx)
	return cancel
}

func inLoop(ctx context.Context, n int) {
	for i := 0; i < n; i++ {
		ctx, cancel := context.WithCancel(ctx)
		if i == 2 {
			continue
		}
		cancel()
		_ = ctx
	}
}

func switched(ctx context.Context, mode int) (err error) {
	var cancel context.CancelFunc
	ctx, cancel = context.WithCancel(ctx)
	switch mode {
	case 0:
		cancel()
	case 1:
		log.Fatal("mode 1")
	default:
		return
	}
	return ctx.Err()
}

func literal(ctx context.Context) {
	f := func() error {
		c, cancel := context.WithCancel(ctx)
		if c.Err() != nil {
			return c.Err()
		}
		go func() {
			cancel()
		}()
		return nil
	}
	_ = f
	ctx2, stop := context.WithCancel(ctx)
	for {
		select {
		case <-ctx2.Done():
			return
		default:
			stop()
		}
	}
}

func discarded(ctx context.Context) {
	ctx, _ = context.WithTimeout(ctx, time.Second)
	var c2, _ = context.WithCancel(ctx)
	_ = c2
}

func panics(ctx context.Context, bad bool) {
	ctx, cancel := context.WithCancel(ctx)
	if bad {
		panic("bad")
	}
	cancel()
	_ = ctx
}

func named(ctx context.Context) (cancel context.CancelFunc) {
	ctx, cancel = context.WithCancel(ctx)
	_ = ctx
	return
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	fmt.Println(early(ctx, true), fine(ctx))
	sometimes(ctx, true)
	passedOn(ctx)()
	inLoop(ctx, 3)
	fmt.Println(switched(ctx, 0))
	literal(ctx)
	discarded(ctx)
	panics(ctx, false)
	named(ctx)()
}
