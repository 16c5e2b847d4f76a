package main

import (
	"context"
	"errors"
	"fmt"
)

var ErrShutdown = errors.New("shutting down")

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	fmt.Println(context.Cause(ctx))
	cancel(ErrShutdown)
	fmt.Println(ctx.Err(), context.Cause(ctx), errors.Is(context.Cause(ctx), ErrShutdown))
	cancel(errors.New("second cause is ignored"))
	fmt.Println(context.Cause(ctx))

	ctx2, cancel2 := context.WithCancelCause(context.Background())
	cancel2(nil)
	fmt.Println(ctx2.Err(), context.Cause(ctx2))

	plain, cancel3 := context.WithCancel(context.Background())
	cancel3()
	fmt.Println(context.Cause(plain))
	fmt.Println(context.Cause(context.Background()))
	child, cancel4 := context.WithCancel(ctx)
	defer cancel4()
	fmt.Println(child.Err(), context.Cause(child))
}
