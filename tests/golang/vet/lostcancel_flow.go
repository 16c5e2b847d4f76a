package main

import (
	"context"
	"fmt"
	"time"
)

type holder struct{ stop context.CancelFunc }

func stored(ctx context.Context, h *holder) {
	ctx, cancel := context.WithCancel(ctx)
	h.stop = cancel
	_ = ctx
}

func gotos(ctx context.Context, n int) error {
	ctx, cancel := context.WithCancel(ctx)
	if n > 0 {
		goto done
	}
	return ctx.Err()
done:
	cancel()
	return nil
}

func labeled(ctx context.Context, xs []int) {
	var cancel context.CancelFunc
outer:
	for _, x := range xs {
		ctx, cancel = context.WithTimeout(ctx, time.Duration(x))
		for {
			select {
			case <-ctx.Done():
				continue outer
			default:
				break outer
			}
		}
	}
	if cancel != nil {
		cancel()
	}
}

func fallthru(ctx context.Context, n int) int {
	ctx, cancel := context.WithCancel(ctx)
	switch n {
	case 0:
		fallthrough
	case 1:
		cancel()
		return 1
	case 2:
		return 2
	}
	cancel()
	_ = ctx
	return 0
}

func varSpec(ctx context.Context, b bool) {
	var c, cancel = context.WithCancel(ctx)
	if b {
		return
	}
	defer cancel()
	_ = c
}

func nested(ctx context.Context) func() {
	return func() {
		c, cancel := context.WithCancel(ctx)
		defer func() { cancel() }()
		fmt.Println(c.Err())
	}
}

func main() {
	h := &holder{}
	stored(context.Background(), h)
	fmt.Println(gotos(context.Background(), 1))
	labeled(context.Background(), []int{1})
	fmt.Println(fallthru(context.Background(), 0))
	varSpec(context.Background(), false)
	nested(context.Background())()
}
