// Package fmt declares chanlab's fmt package. Formatting is native; Errorf is written in
// Go so that `%w` wraps errors as Go's does.
package fmt

import "errors"

// Stringer is implemented by any value that has a String method.
type Stringer interface {
	String() string
}

// State and Formatter are not supported; Stringer and error are.

func Print(a ...any) (n int, err error)
func Println(a ...any) (n int, err error)
func Printf(format string, a ...any) (n int, err error)
func Sprint(a ...any) string
func Sprintln(a ...any) string
func Sprintf(format string, a ...any) string

// Fprint, Fprintln and Fprintf write to os.Stdout or os.Stderr (any value with a Write
// method).
func Fprint(w interface{ Write(p []byte) (n int, err error) }, a ...any) (n int, err error)
func Fprintln(w interface{ Write(p []byte) (n int, err error) }, a ...any) (n int, err error)
func Fprintf(w interface{ Write(p []byte) (n int, err error) }, format string, a ...any) (n int, err error)

// Errorf formats according to a format specifier and returns the string as an error. An
// operand of a %w verb is wrapped: the result has an Unwrap method.
func Errorf(format string, a ...any) error {
	s := Sprintf(format, a...)
	var errs []error
	for _, i := range wrapIndices(format, len(a)) {
		if e, ok := a[i].(error); ok {
			errs = append(errs, e)
		}
	}
	switch len(errs) {
	case 0:
		return errors.New(s)
	case 1:
		return &wrapError{msg: s, err: errs[0]}
	default:
		return &wrapErrors{msg: s, errs: errs}
	}
}

// wrapIndices returns the indices of the arguments that %w verbs of format consume.
func wrapIndices(format string, nargs int) []int

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string {
	return e.msg
}

func (e *wrapError) Unwrap() error {
	return e.err
}

type wrapErrors struct {
	msg  string
	errs []error
}

func (e *wrapErrors) Error() string {
	return e.msg
}

func (e *wrapErrors) Unwrap() []error {
	return e.errs
}
