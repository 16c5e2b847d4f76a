// Package iter declares the iterator types of Go 1.23: functions that a `for range` loop
// calls with its body as `yield`. (iter.Pull, which needs coroutines, is not provided.)
package iter

// Seq is an iterator over sequences of individual values.
type Seq[V any] func(yield func(V) bool)

// Seq2 is an iterator over sequences of pairs of values.
type Seq2[K, V any] func(yield func(K, V) bool)
