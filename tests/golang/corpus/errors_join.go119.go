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

// Go 1.20's errors.Join, Is and As, written out for Go 1.19.
type joinError struct{ errs []error }

func (e *joinError) Error() string {
	s := ""
	for i, err := range e.errs {
		if i > 0 {
			s += "\n"
		}
		s += err.Error()
	}
	return s
}
func (e *joinError) Unwrap() []error { return e.errs }

func join(errs ...error) error {
	var kept []error
	for _, err := range errs {
		if err != nil {
			kept = append(kept, err)
		}
	}
	if len(kept) == 0 {
		return nil
	}
	return &joinError{kept}
}

func is(err, target error) bool {
	for err != nil {
		if err == target {
			return true
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				if is(e, target) {
					return true
				}
			}
			return false
		}
		err = errors.Unwrap(err)
	}
	return false
}

func asCode(err error, target **CodeErr) bool {
	for err != nil {
		if c, ok := err.(*CodeErr); ok {
			*target = c
			return true
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				if asCode(e, target) {
					return true
				}
			}
			return false
		}
		err = errors.Unwrap(err)
	}
	return false
}

func main() {
	joined := join(ErrA, nil, ErrB)
	fmt.Println(joined)
	fmt.Printf("%q\n", joined.Error())
	fmt.Println(is(joined, ErrA), is(joined, ErrB), is(joined, ErrC))
	fmt.Println(join() == nil, join(nil, nil) == nil)
	wrapped := fmt.Errorf("wrapped: %w", join(ErrC, &CodeErr{5}))
	fmt.Println(wrapped)
	var ce *CodeErr
	fmt.Println(is(wrapped, ErrC), asCode(wrapped, &ce), ce.Code)
	fmt.Println(errors.Unwrap(joined) == nil)
	if u, ok := joined.(interface{ Unwrap() []error }); ok {
		fmt.Println(len(u.Unwrap()), u.Unwrap()[1])
	}
}
