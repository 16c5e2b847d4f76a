// Package errors declares chanlab's errors package: New, Is, As, Unwrap and Join, written
// in Go; what needs the dynamic types of values (comparability, As's target) is native.
package errors

// New returns an error that formats as the given text.
func New(text string) error {
	return &errorString{text}
}

type errorString struct {
	s string
}

func (e *errorString) Error() string {
	return e.s
}

// ErrUnsupported indicates that a requested operation cannot be performed.
var ErrUnsupported = New("unsupported operation")

// Unwrap returns the result of calling the Unwrap method on err, if err's type has one
// returning an error; otherwise nil.
func Unwrap(err error) error {
	one, _ := unwrap(err)
	return one
}

// unwrap calls err's Unwrap method: its result if it returns an error, or the errors it
// returns if it returns []error (nil, nil without one). The interpreter tells methods
// apart by name, so a type switch on interface{ Unwrap() error } would also take an
// Unwrap() []error; this native looks at what the method returned.
func unwrap(err error) (error, []error)

// Is reports whether any error in err's tree matches target.
func Is(err, target error) bool {
	if err == nil || target == nil {
		return err == target
	}
	return is(err, target)
}

func is(err, target error) bool {
	for {
		if isComparable(target) && err == target {
			return true
		}
		if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {
			return true
		}
		one, many := unwrap(err)
		if many != nil {
			for _, err := range many {
				if is(err, target) {
					return true
				}
			}
			return false
		}
		if one == nil {
			return false
		}
		err = one
	}
}

// isComparable reports whether the dynamic type of v supports ==.
func isComparable(v any) bool

// As finds the first error in err's tree that matches target, and if one is found, sets
// target to that error value and returns true. target must be a non-nil pointer to an
// interface type or to a type implementing error.
func As(err error, target any) bool {
	if err == nil {
		return false
	}
	switch asTarget(target) {
	case 1:
		panic("errors: target cannot be nil")
	case 2:
		panic("errors: target must be a non-nil pointer")
	case 3:
		panic("errors: *target must be interface or implement error")
	}
	return as(err, target)
}

func as(err error, target any) bool {
	for {
		if assignTo(err, target) {
			return true
		}
		if x, ok := err.(interface{ As(any) bool }); ok && x.As(target) {
			return true
		}
		one, many := unwrap(err)
		if many != nil {
			for _, err := range many {
				if err == nil {
					continue
				}
				if as(err, target) {
					return true
				}
			}
			return false
		}
		if one == nil {
			return false
		}
		err = one
	}
}

// asTarget checks As's target: 0 if it is a non-nil pointer to an interface type or to a
// type implementing error; 1 if it is nil, 2 if it is not a non-nil pointer, 3 if what it
// points to is neither.
func asTarget(target any) int

// assignTo stores err in *target and reports true if err's dynamic type is assignable to
// the type target points to.
func assignTo(err error, target any) bool

// Join returns an error that wraps the given errors; nil errors are discarded.
func Join(errs ...error) error {
	n := 0
	for _, err := range errs {
		if err != nil {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	e := &joinError{errs: make([]error, 0, n)}
	for _, err := range errs {
		if err != nil {
			e.errs = append(e.errs, err)
		}
	}
	return e
}

type joinError struct {
	errs []error
}

func (e *joinError) Error() string {
	if len(e.errs) == 1 {
		return e.errs[0].Error()
	}
	b := e.errs[0].Error()
	for _, err := range e.errs[1:] {
		b += "\n" + err.Error()
	}
	return b
}

func (e *joinError) Unwrap() []error {
	return e.errs
}
