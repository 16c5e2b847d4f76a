// Package heap provides heap operations for any type that implements heap.Interface: a
// min-heap, the element at index 0 the minimum.
package heap

import "sort"

// The Interface type describes the requirements for a type using the routines in this
// package.
type Interface interface {
	sort.Interface
	Push(x any) // add x as element Len()
	Pop() any   // remove and return element Len() - 1.
}

// Init establishes the heap invariants.
func Init(h Interface) {
	n := h.Len()
	for i := n/2 - 1; i >= 0; i-- {
		down(h, i, n)
	}
}

// Push pushes the element x onto the heap.
func Push(h Interface, x any) {
	h.Push(x)
	up(h, h.Len()-1)
}

// Pop removes and returns the minimum element (according to Less) from the heap.
func Pop(h Interface) any {
	n := h.Len() - 1
	h.Swap(0, n)
	down(h, 0, n)
	return h.Pop()
}

// Remove removes and returns the element at index i from the heap.
func Remove(h Interface, i int) any {
	n := h.Len() - 1
	if n != i {
		h.Swap(i, n)
		if !down(h, i, n) {
			up(h, i)
		}
	}
	return h.Pop()
}

// Fix re-establishes the heap ordering after the element at index i has changed its value.
func Fix(h Interface, i int) {
	if !down(h, i, h.Len()) {
		up(h, i)
	}
}

// up moves element j towards the root while it is less than its parent.
func up(h Interface, j int) {
	for j > 0 {
		parent := (j - 1) / 2
		if !h.Less(j, parent) {
			break
		}
		h.Swap(parent, j)
		j = parent
	}
}

// down moves element i0 towards the leaves (of the first n) while a child is less; it
// reports whether the element moved.
func down(h Interface, i0, n int) bool {
	i := i0
	for {
		left := 2*i + 1
		if left >= n || left < 0 {
			break
		}
		least := left
		if right := left + 1; right < n && h.Less(right, left) {
			least = right
		}
		if !h.Less(least, i) {
			break
		}
		h.Swap(i, least)
		i = least
	}
	return i > i0
}
