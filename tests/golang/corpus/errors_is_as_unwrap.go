package main

import (
	"errors"
	"fmt"
	"os"
)

var ErrTimeout = errors.New("timeout")

type TempErr struct{ Code int }

func (e TempErr) Error() string { return fmt.Sprintf("temporary error %d", e.Code) }

type MatchAll struct{}

func (MatchAll) Error() string        { return "match all" }
func (MatchAll) Is(target error) bool { return target == ErrTimeout }

func main() {
	e1 := errors.New("x")
	e2 := errors.New("x")
	fmt.Println(e1 == e2, errors.Is(e1, e2), errors.Is(e1, e1), e1.Error() == e2.Error())
	chain := fmt.Errorf("l3: %w", fmt.Errorf("l2: %w", TempErr{7}))
	fmt.Println(chain)
	var te TempErr
	fmt.Println(errors.As(chain, &te), te.Code)
	var pe *os.PathError
	fmt.Println(errors.As(chain, &pe), pe == nil)
	fmt.Println(errors.Is(chain, TempErr{7}), errors.Is(chain, TempErr{8}))
	fmt.Println(errors.Is(MatchAll{}, ErrTimeout), errors.Is(fmt.Errorf("w: %w", MatchAll{}), ErrTimeout))
	fmt.Println(errors.Is(nil, ErrTimeout), errors.Is(nil, nil), errors.Unwrap(nil))
	for err := chain; err != nil; err = errors.Unwrap(err) {
		fmt.Printf("%T: %v\n", err, err)
	}
	var target interface{ Error() string }
	fmt.Println(errors.As(chain, &target), target)
}
