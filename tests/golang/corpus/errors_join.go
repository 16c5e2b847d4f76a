package main

import (
	"errors"
	"fmt"
)

var (
	ErrA = errors.New("error A")
	ErrB = errors.New("error B")
	ErrC = errors.New("error C")
)

type CodeErr struct{ Code int }

func (e *CodeErr) Error() string { return fmt.Sprint("code ", e.Code) }

func main() {
	joined := errors.Join(ErrA, nil, ErrB)
	fmt.Println(joined)
	fmt.Printf("%q\n", joined.Error())
	fmt.Println(errors.Is(joined, ErrA), errors.Is(joined, ErrB), errors.Is(joined, ErrC))
	fmt.Println(errors.Join() == nil, errors.Join(nil, nil) == nil)
	wrapped := fmt.Errorf("wrapped: %w", errors.Join(ErrC, &CodeErr{5}))
	fmt.Println(wrapped)
	var ce *CodeErr
	fmt.Println(errors.Is(wrapped, ErrC), errors.As(wrapped, &ce), ce.Code)
	fmt.Println(errors.Unwrap(joined) == nil)
	if u, ok := joined.(interface{ Unwrap() []error }); ok {
		fmt.Println(len(u.Unwrap()), u.Unwrap()[1])
	}
}
