// Package tree is the Go Tour's golang.org/x/tour/tree, for its "Equivalent Binary Trees"
// exercise: a binary search tree of ints, built at random from the global math/rand, so each
// run builds another shape of the same values, as on Go's playground since Go 1.20.
package tree

import (
	"fmt"
	"math/rand"
)

// A Tree is a binary tree with integer values.
type Tree struct {
	Left  *Tree
	Value int
	Right *Tree
}

// New returns a new, random binary tree holding the values k, 2k, ..., 10k: they are
// inserted in the order of a random permutation.
func New(k int) *Tree {
	var root *Tree
	for _, i := range rand.Perm(10) {
		root = root.insert((i + 1) * k)
	}
	return root
}

// insert adds v below t (to the right of an equal value) and returns the tree's root.
func (t *Tree) insert(v int) *Tree {
	if t == nil {
		return &Tree{Value: v}
	}
	if v < t.Value {
		t.Left = t.Left.insert(v)
	} else {
		t.Right = t.Right.insert(v)
	}
	return t
}

// String writes the tree in order, each subtree in parentheses: "((1) 2 (3))"; the empty
// tree is "()".
func (t *Tree) String() string {
	if t == nil {
		return "()"
	}
	s := fmt.Sprint(t.Value)
	if t.Left != nil {
		s = t.Left.String() + " " + s
	}
	if t.Right != nil {
		s += " " + t.Right.String()
	}
	return "(" + s + ")"
}
