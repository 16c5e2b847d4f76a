// go 1.21

package main

import (
	"context"
	"fmt"
	"time"

	"golang.org/x/sync/errgroup"
)

type Pool struct {
	g errgroup.Group
}

func run(p Pool) {}

func main() {
	var ctx, _ = context.WithCancel(context.Background())
	ctx2, _ := context.WithDeadline(ctx, time.Now())
	_, cancel := context.WithTimeout(ctx2, time.Second)
	defer cancel()
	var g errgroup.Group
	for _, name := range []string{"a", "b"} {
		g.Go(func() error {
			fmt.Println(name)
			return nil
		})
	}
	fmt.Println(g.Wait())
	var p Pool
	run(p)
}
