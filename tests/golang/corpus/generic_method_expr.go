package main

import (
	"fmt"
	"strconv"
)

type myint int

func (m myint) String() string { return strconv.Itoa(int(m)) }

type name struct{ s string }

func (n *name) String() string { return "name " + n.s }

type Stringer interface{ String() string }

// A method expression on a type parameter calls the type argument's method.
func each[T Stringer](vs []T) {
	f := T.String
	for _, v := range vs {
		fmt.Println(f(v), v.String(), Stringer(v).String())
	}
}

func main() {
	each([]myint{1, 2})
	each([]*name{{"a"}, {"b"}})
	g := myint.String
	fmt.Println(g(3))
}
