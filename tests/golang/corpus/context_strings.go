package main

import (
	"context"
	"fmt"
)

type key int

type myCtx struct{ context.Context }

type named string

func (n named) String() string { return "named:" + string(n) }

func main() {
	bg := context.Background()
	c, cancel := context.WithCancel(bg)
	defer cancel()
	fmt.Println(context.WithValue(c, "k", "v"))
	fmt.Println(context.WithValue(bg, key(1), 42))
	fmt.Println(context.WithValue(bg, named("a"), named("b")))
	v := context.WithValue(bg, "user", "ann")
	c2, cancel2 := context.WithCancel(v)
	defer cancel2()
	fmt.Println(c2)
	fmt.Println(context.TODO())
	c3, cancel3 := context.WithCancel(myCtx{bg})
	defer cancel3()
	fmt.Println(c3)
	fmt.Printf("%v|%s\n", c, v)
}
