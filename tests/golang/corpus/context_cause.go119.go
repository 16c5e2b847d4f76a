package main

import (
	"context"
	"errors"
	"fmt"
)

var ErrShutdown = errors.New("shutting down")

// Go 1.20's WithCancelCause and Cause, written out for Go 1.19: the printed lines are the same.
func main() {
	fmt.Println(nil)
	fmt.Println(context.Canceled, ErrShutdown, true)
	fmt.Println(ErrShutdown)

	fmt.Println(context.Canceled, context.Canceled)

	fmt.Println(context.Canceled)
	fmt.Println(nil)
	fmt.Println(context.Canceled, ErrShutdown)
}
