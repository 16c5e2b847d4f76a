// Package cmp declares chanlab's cmp package (Go 1.21, with Go 1.22's Or): the Ordered
// constraint, and comparisons that order a NaN below every other value, as Go's do.
package cmp

// Ordered is satisfied by the types whose values < orders: integers, floats and strings.
type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 |
		~string
}

// Less reports whether x is less than y: a NaN is less than any other value, and -0.0 is
// not less than 0.0.
func Less[T Ordered](x, y T) bool {
	return (isNaN(x) && !isNaN(y)) || x < y
}

// Compare returns -1 if x is less than y, 0 if they are equal (two NaNs are), +1 if x is
// greater; a NaN is less than any other value.
func Compare[T Ordered](x, y T) int {
	xNaN, yNaN := isNaN(x), isNaN(y)
	switch {
	case xNaN && yNaN:
		return 0
	case xNaN || x < y:
		return -1
	case yNaN || x > y:
		return +1
	}
	return 0
}

// isNaN reports whether x is a NaN; no other value differs from itself.
func isNaN[T Ordered](x T) bool {
	return x != x
}

// Or returns the first of its arguments that is not the zero value, or the zero value.
func Or[T comparable](vals ...T) T {
	var zero T
	for _, v := range vals {
		if v != zero {
			return v
		}
	}
	return zero
}
