// The Go Tour's "Equivalent Binary Trees" exercise over golang.org/x/tour/tree: Walk sends a
// tree's values in order on a channel, Same compares two walks value by value. The trees are
// random shapes (rand.Perm), so only what does not depend on the shape is printed, and
// String of trees built by hand.
package main

import (
	"fmt"
	"strings"

	"golang.org/x/tour/tree"
)

// Walk walks the tree t sending all values from the tree to the channel ch.
func Walk(t *tree.Tree, ch chan int) {
	var walk func(t *tree.Tree)
	walk = func(t *tree.Tree) {
		if t == nil {
			return
		}
		walk(t.Left)
		ch <- t.Value
		walk(t.Right)
	}
	walk(t)
	close(ch)
}

// Same determines whether the trees t1 and t2 contain the same values.
func Same(t1, t2 *tree.Tree) bool {
	c1, c2 := make(chan int), make(chan int)
	go Walk(t1, c1)
	go Walk(t2, c2)
	for {
		v1, ok1 := <-c1
		v2, ok2 := <-c2
		if ok1 != ok2 || v1 != v2 {
			return false
		}
		if !ok1 {
			return true
		}
	}
}

func main() {
	ch := make(chan int)
	go Walk(tree.New(1), ch)
	for v := range ch {
		fmt.Print(v, " ")
	}
	fmt.Println()
	for k := 1; k <= 3; k++ {
		fmt.Println(k, Same(tree.New(k), tree.New(k)), Same(tree.New(k), tree.New(k+1)))
	}

	// Ten values, each once, whatever the shape.
	s := tree.New(7).String()
	fields := strings.Fields(strings.NewReplacer("(", "", ")", "").Replace(s))
	fmt.Println(len(fields), strings.Count(s, "("), strings.Count(s, ")"))

	var empty *tree.Tree
	fmt.Println(empty, empty.String())
	leaf := &tree.Tree{Value: 5}
	fmt.Println(leaf)
	t := &tree.Tree{Left: &tree.Tree{nil, 1, nil}, Value: 2, Right: &tree.Tree{nil, 3, &tree.Tree{nil, 4, nil}}}
	fmt.Println(t)
	fmt.Printf("%v %s %d\n", t.Left, t.Right, t.Value)
	fmt.Println(Same(t, t), Same(t, leaf), Same(empty, empty))
}
