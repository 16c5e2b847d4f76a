// Package slices declares chanlab's slices package: Go 1.22's functions and Go 1.23's
// iterators (All, Values, Backward, AppendSeq, Collect, Sorted, SortedFunc,
// SortedStableFunc, Chunk). Functions that shorten a slice zero the elements they leave
// behind, as Go 1.22's do. Sort, SortFunc and SortStableFunc run package sort's algorithms,
// which are Go's, so elements that compare equal end in the order Go leaves them in.
package slices

import (
	"cmp"
	"iter"
	"sort"
)

// All returns an iterator over index-value pairs in the slice in the usual order.
func All[Slice ~[]E, E any](s Slice) iter.Seq2[int, E] {
	return func(yield func(int, E) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

// Backward returns an iterator over index-value pairs in the slice, traversing it backward
// with descending indices.
func Backward[Slice ~[]E, E any](s Slice) iter.Seq2[int, E] {
	return func(yield func(int, E) bool) {
		for i := len(s) - 1; i >= 0; i-- {
			if !yield(i, s[i]) {
				return
			}
		}
	}
}

// Values returns an iterator that yields the slice elements in order.
func Values[Slice ~[]E, E any](s Slice) iter.Seq[E] {
	return func(yield func(E) bool) {
		for _, v := range s {
			if !yield(v) {
				return
			}
		}
	}
}

// AppendSeq appends the values from seq to the slice and returns the extended slice.
func AppendSeq[Slice ~[]E, E any](s Slice, seq iter.Seq[E]) Slice {
	for v := range seq {
		s = append(s, v)
	}
	return s
}

// Collect collects values from seq into a new slice and returns it.
func Collect[E any](seq iter.Seq[E]) []E {
	return AppendSeq([]E(nil), seq)
}

// Sorted collects values from seq into a new slice, sorts the slice, and returns it.
func Sorted[E cmp.Ordered](seq iter.Seq[E]) []E {
	s := Collect(seq)
	Sort(s)
	return s
}

// SortedFunc collects values from seq into a new slice, sorts the slice using the
// comparison function, and returns it.
func SortedFunc[E any](seq iter.Seq[E], cmp func(E, E) int) []E {
	s := Collect(seq)
	SortFunc(s, cmp)
	return s
}

// SortedStableFunc is SortedFunc with a stable sort.
func SortedStableFunc[E any](seq iter.Seq[E], cmp func(E, E) int) []E {
	s := Collect(seq)
	SortStableFunc(s, cmp)
	return s
}

// Chunk returns an iterator over consecutive sub-slices of up to n elements of s. All but
// the last sub-slice will have size n. Chunk panics if n is less than 1.
func Chunk[Slice ~[]E, E any](s Slice, n int) iter.Seq[Slice] {
	if n < 1 {
		panic("cannot be less than 1")
	}
	return func(yield func(Slice) bool) {
		for i := 0; i < len(s); i += n {
			end := min(n, len(s[i:]))
			if !yield(s[i : i+end : i+end]) {
				return
			}
		}
	}
}

// Equal reports whether two slices have the same length and equal elements.
func Equal[S ~[]E, E comparable](s1, s2 S) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i := range s1 {
		if s1[i] != s2[i] {
			return false
		}
	}
	return true
}

// EqualFunc is like Equal, comparing elements with eq.
func EqualFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, eq func(E1, E2) bool) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i, v1 := range s1 {
		if !eq(v1, s2[i]) {
			return false
		}
	}
	return true
}

// Compare compares the elements of s1 and s2 in order with cmp.Compare: the first pair
// that differs decides; otherwise the shorter slice is less.
func Compare[S ~[]E, E cmp.Ordered](s1, s2 S) int {
	for i, v1 := range s1 {
		if i >= len(s2) {
			return +1
		}
		if c := cmp.Compare(v1, s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}

// CompareFunc is like Compare, comparing elements with f.
func CompareFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, f func(E1, E2) int) int {
	for i, v1 := range s1 {
		if i >= len(s2) {
			return +1
		}
		if c := f(v1, s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}

// Index returns the index of the first occurrence of v in s, or -1.
func Index[S ~[]E, E comparable](s S, v E) int {
	for i := range s {
		if v == s[i] {
			return i
		}
	}
	return -1
}

// IndexFunc returns the first index i satisfying f(s[i]), or -1.
func IndexFunc[S ~[]E, E any](s S, f func(E) bool) int {
	for i := range s {
		if f(s[i]) {
			return i
		}
	}
	return -1
}

// Contains reports whether v is in s.
func Contains[S ~[]E, E comparable](s S, v E) bool {
	return Index(s, v) >= 0
}

// ContainsFunc reports whether some element of s satisfies f.
func ContainsFunc[S ~[]E, E any](s S, f func(E) bool) bool {
	return IndexFunc(s, f) >= 0
}

// Insert inserts the values v... into s at index i and returns the result; it panics if i
// is out of range. A slice without room for them is grown as append grows it.
func Insert[S ~[]E, E any](s S, i int, v ...E) S {
	_ = s[i:]
	m, n := len(v), len(s)
	if m == 0 {
		return s
	}
	if i == n {
		return append(s, v...)
	}
	if n+m > cap(s) {
		grown := append(s[:i], make(S, n+m-i)...)
		copy(grown[i:], v)
		copy(grown[i+m:], s[i:])
		return grown
	}
	// v may share s's array: keep its values before the tail moves over them.
	held := append(S(nil), v...)
	s = s[:n+m]
	copy(s[i+m:], s[i:n])
	copy(s[i:], held)
	return s
}

// Delete removes s[i:j] and returns the result, zeroing the elements left past its end;
// it panics if s[i:j] is not a valid slice of s.
func Delete[S ~[]E, E any](s S, i, j int) S {
	_ = s[i:j:len(s)]
	if i == j {
		return s
	}
	n := len(s)
	s = append(s[:i], s[j:]...)
	clear(s[len(s):n])
	return s
}

// DeleteFunc removes the elements for which del returns true and returns the result,
// zeroing the elements left past its end.
func DeleteFunc[S ~[]E, E any](s S, del func(E) bool) S {
	i := IndexFunc(s, del)
	if i == -1 {
		return s
	}
	for j := i + 1; j < len(s); j++ {
		if v := s[j]; !del(v) {
			s[i] = v
			i++
		}
	}
	clear(s[i:])
	return s[:i]
}

// Replace replaces s[i:j] by the values v... and returns the result, zeroing the elements
// left past its end when it is shorter; it panics if s[i:j] is not a valid slice of s.
func Replace[S ~[]E, E any](s S, i, j int, v ...E) S {
	_ = s[i:j]
	if i == j {
		return Insert(s, i, v...)
	}
	if j == len(s) {
		s2 := append(s[:i], v...)
		if len(s2) < len(s) {
			clear(s[len(s2):])
		}
		return s2
	}
	total := i + len(v) + len(s) - j
	if total > cap(s) {
		grown := append(s[:i], make(S, total-i)...)
		copy(grown[i:], v)
		copy(grown[i+len(v):], s[j:])
		return grown
	}
	held := append(S(nil), v...)
	r := s[:total]
	copy(r[i+len(held):], s[j:])
	copy(r[i:], held)
	if total < len(s) {
		clear(s[total:])
	}
	return r
}

// Clone returns a copy of s (a shallow one); nil for a nil slice.
func Clone[S ~[]E, E any](s S) S {
	return append(s[:0:0], s...)
}

// Compact replaces each run of equal elements by one and returns the result, zeroing the
// elements left past its end.
func Compact[S ~[]E, E comparable](s S) S {
	return CompactFunc(s, func(a, b E) bool { return a == b })
}

// CompactFunc is like Compact, comparing neighbours with eq; of a run, the first stays.
func CompactFunc[S ~[]E, E any](s S, eq func(E, E) bool) S {
	if len(s) < 2 {
		return s
	}
	for k := 1; k < len(s); k++ {
		if !eq(s[k], s[k-1]) {
			continue
		}
		rest := s[k:]
		for r := 1; r < len(rest); r++ {
			if !eq(rest[r], rest[r-1]) {
				s[k] = rest[r]
				k++
			}
		}
		clear(s[k:])
		return s[:k]
	}
	return s
}

// Grow makes room for n more elements in s, as append would grow it; it panics if n is
// negative.
func Grow[S ~[]E, E any](s S, n int) S {
	if n < 0 {
		panic("cannot be negative")
	}
	if n -= cap(s) - len(s); n > 0 {
		s = append(s[:cap(s)], make([]E, n)...)[:len(s)]
	}
	return s
}

// Clip removes unused capacity from s.
func Clip[S ~[]E, E any](s S) S {
	return s[:len(s):len(s)]
}

// Concat returns a new slice holding the elements of every slice in turn.
func Concat[S ~[]E, E any](slices ...S) S {
	size := 0
	for _, s := range slices {
		size += len(s)
		if size < 0 {
			panic("len out of range")
		}
	}
	out := Grow[S](nil, size)
	for _, s := range slices {
		out = append(out, s...)
	}
	return out
}

// Repeat returns a new slice that repeats the provided slice the given number of times.
// It panics if count is negative or if len(x)*count overflows.
func Repeat[S ~[]E, E any](x S, count int) S {
	if count < 0 {
		panic("cannot be negative")
	}
	if len(x) > 0 && count > int(^uint(0)>>1)/len(x) {
		panic("the result of (len(x) * count) overflows")
	}
	newslice := make(S, len(x)*count)
	n := copy(newslice, x)
	for n < len(newslice) {
		n += copy(newslice[n:], newslice[:n])
	}
	return newslice
}

// Reverse reverses the elements of s in place.
func Reverse[S ~[]E, E any](s S) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// Max returns the largest element of s (a NaN if there is one); it panics if s is empty.
func Max[S ~[]E, E cmp.Ordered](s S) E {
	return fold(s, "Max", func(m, x E) E { return max(m, x) })
}

// MaxFunc returns the first largest element of s by f; it panics if s is empty.
func MaxFunc[S ~[]E, E any](s S, f func(a, b E) int) E {
	return fold(s, "MaxFunc", func(m, x E) E {
		if f(x, m) > 0 {
			return x
		}
		return m
	})
}

// Min returns the smallest element of s (a NaN if there is one); it panics if s is empty.
func Min[S ~[]E, E cmp.Ordered](s S) E {
	return fold(s, "Min", func(m, x E) E { return min(m, x) })
}

// MinFunc returns the first smallest element of s by f; it panics if s is empty.
func MinFunc[S ~[]E, E any](s S, f func(a, b E) int) E {
	return fold(s, "MinFunc", func(m, x E) E {
		if f(x, m) < 0 {
			return x
		}
		return m
	})
}

// fold combines the elements of s from the first with keep; it panics, naming the function
// that called it, if s is empty.
func fold[S ~[]E, E any](s S, name string, keep func(m, x E) E) E {
	if len(s) < 1 {
		panic("slices." + name + ": empty list")
	}
	m := s[0]
	for _, x := range s[1:] {
		m = keep(m, x)
	}
	return m
}

// ordered sorts a slice of ordered values with package sort.
type ordered[E cmp.Ordered] []E

func (x ordered[E]) Len() int           { return len(x) }
func (x ordered[E]) Less(i, j int) bool { return cmp.Less(x[i], x[j]) }
func (x ordered[E]) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

// byFunc sorts a slice by a comparison function with package sort.
type byFunc[E any] struct {
	s   []E
	cmp func(a, b E) int
}

func (x byFunc[E]) Len() int           { return len(x.s) }
func (x byFunc[E]) Less(i, j int) bool { return x.cmp(x.s[i], x.s[j]) < 0 }
func (x byFunc[E]) Swap(i, j int)      { x.s[i], x.s[j] = x.s[j], x.s[i] }

// Sort sorts s in ascending order (NaNs first).
func Sort[S ~[]E, E cmp.Ordered](s S) {
	sort.Sort(ordered[E](s))
}

// SortFunc sorts s in the order f gives (negative: a before b); not stable.
func SortFunc[S ~[]E, E any](s S, f func(a, b E) int) {
	sort.Sort(byFunc[E]{s, f})
}

// SortStableFunc is like SortFunc, keeping equal elements in their order.
func SortStableFunc[S ~[]E, E any](s S, f func(a, b E) int) {
	sort.Stable(byFunc[E]{s, f})
}

// IsSorted reports whether s is sorted in ascending order.
func IsSorted[S ~[]E, E cmp.Ordered](s S) bool {
	for i := len(s) - 1; i > 0; i-- {
		if cmp.Less(s[i], s[i-1]) {
			return false
		}
	}
	return true
}

// IsSortedFunc reports whether s is sorted in the order f gives.
func IsSortedFunc[S ~[]E, E any](s S, f func(a, b E) int) bool {
	for i := len(s) - 1; i > 0; i-- {
		if f(s[i], s[i-1]) < 0 {
			return false
		}
	}
	return true
}

// BinarySearch searches sorted s for target: the position where it is or would be, and
// whether it is there.
func BinarySearch[S ~[]E, E cmp.Ordered](s S, target E) (int, bool) {
	i, j := 0, len(s)
	for i < j {
		h := int(uint(i+j) >> 1)
		if cmp.Less(s[h], target) {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < len(s) && cmp.Compare(s[i], target) == 0
}

// BinarySearchFunc is like BinarySearch, comparing an element with the target with f.
func BinarySearchFunc[S ~[]E, E, T any](s S, target T, f func(E, T) int) (int, bool) {
	i, j := 0, len(s)
	for i < j {
		h := int(uint(i+j) >> 1)
		if f(s[h], target) < 0 {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < len(s) && f(s[i], target) == 0
}
