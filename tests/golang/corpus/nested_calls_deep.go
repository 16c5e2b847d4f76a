package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Calls from the library back into the program, nested in each other about as deep as
// chanlab allows (docs/INTERPRETER.md): String methods printing their values, MarshalJSON
// methods marshalling theirs, a sort whose less function sorts, with deep data at the bottom.

type List struct {
	Val  int
	Next *List
}

func (l *List) String() string {
	if l.Next == nil {
		return fmt.Sprintf("%d %v", l.Val, deep(90))
	}
	return fmt.Sprintf("%d -> %v", l.Val, l.Next)
}

// deep is data nested n levels through interfaces.
func deep(n int) any {
	var v any = "end"
	for i := 0; i < n; i++ {
		v = []any{v}
	}
	return v
}

type Node struct {
	Depth int
}

func (n Node) MarshalJSON() ([]byte, error) {
	if n.Depth == 0 {
		return json.Marshal("leaf")
	}
	inner, err := json.Marshal(Node{n.Depth - 1})
	if err != nil {
		return nil, err
	}
	return []byte(`{"d":` + string(inner) + `}`), nil
}

func sortDeep(n int) int {
	xs := []int{3, 1, 2}
	calls := 0
	sort.Slice(xs, func(i, j int) bool {
		calls++
		if n > 0 && calls == 1 {
			calls += sortDeep(n - 1)
		}
		return xs[i] < xs[j]
	})
	return calls
}

func main() {
	var l *List
	for i := 90; i > 0; i-- {
		l = &List{i, l}
	}
	s := l.String()
	fmt.Println(len(s), s[:40], strings.Count(s, "->"), strings.Count(s, "["))

	b, err := json.Marshal(Node{90})
	fmt.Println(len(b), err, string(b[:30]))

	fmt.Println(sortDeep(90))
}
