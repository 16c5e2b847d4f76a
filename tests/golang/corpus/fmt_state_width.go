package main

import "fmt"

// What a Formatter's fmt.State reports: a plain %v gives no width or precision, but Width
// and Precision still answer the last ones a verb of the same Printf set (with false).

type F struct{}

func (F) Format(s fmt.State, c rune) {
	w, ok := s.Width()
	p, pok := s.Precision()
	fmt.Fprint(s, w, ok, p, pok)
}

func main() {
	fmt.Printf("%5.2v|%v|%7v|%.3v|%v|%d|%-4d|%x|%v\n", F{}, F{}, F{}, F{}, F{}, 42, 7, 255, F{})
	fmt.Printf("%08.3f|%v|%6s|%q\n", 3.14159, 2.5, "ab", "c")
}
