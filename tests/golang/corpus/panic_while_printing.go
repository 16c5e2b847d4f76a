package main

import (
	"errors"
	"fmt"
)

// A panic value whose Error method panics: Go's runtime calls it to print the value, and the
// run ends with a fatal error naming what the method panicked with.

type ParseError struct {
	Line int
	err  error
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("line %d: %s", e.Line, e.err.Error())
}

func parse(line int) error {
	if line > 2 {
		return &ParseError{Line: line}
	}
	return nil
}

func main() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
			panic(errors.New("giving up"))
		}
	}()
	for i := 1; i <= 3; i++ {
		if err := parse(i); err != nil {
			panic(err)
		}
		fmt.Println("line", i, "ok")
	}
}
