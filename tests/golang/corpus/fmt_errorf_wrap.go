package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

func find(key string) error {
	if key == "" {
		return &QueryError{"find", ErrNotFound}
	}
	return nil
}

func main() {
	err := find("")
	wrapped := fmt.Errorf("lookup failed: %w", err)
	twice := fmt.Errorf("handler: %w", wrapped)
	fmt.Println(twice)
	fmt.Println(errors.Is(twice, ErrNotFound), errors.Is(twice, errors.New("not found")))
	var qe *QueryError
	if errors.As(twice, &qe) {
		fmt.Println("query:", qe.Query)
	}
	fmt.Println(errors.Unwrap(twice) == wrapped, errors.Unwrap(errors.Unwrap(twice)) == err)
	fmt.Println(errors.Unwrap(ErrNotFound))
	notWrapped := fmt.Errorf("with v: %v", err)
	fmt.Println(notWrapped, errors.Is(notWrapped, ErrNotFound), errors.Unwrap(notWrapped))
	fmt.Printf("%T %T\n", wrapped, notWrapped)
	e := fmt.Errorf("code %d: %s", 404, "missing")
	fmt.Println(e.Error())
	fmt.Println(fmt.Errorf("nil wrap: %w", nil))
	fmt.Println(find("x") == nil)
}
