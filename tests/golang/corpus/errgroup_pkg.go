package main

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	results := make([]int, 5)
	for i := 0; i < 5; i++ {
		i := i
		g.Go(func() error {
			time.Sleep(time.Duration(5-i) * 20 * time.Millisecond)
			results[i] = i * i
			return nil
		})
	}
	fmt.Println(g.Wait(), results)

	g2, ctx := errgroup.WithContext(context.Background())
	g2.Go(func() error {
		time.Sleep(30 * time.Millisecond)
		return errors.New("first failure")
	})
	g2.Go(func() error {
		time.Sleep(80 * time.Millisecond)
		return errors.New("second failure")
	})
	g2.Go(func() error {
		<-ctx.Done()
		fmt.Println("saw cancellation:", ctx.Err())
		return ctx.Err()
	})
	fmt.Println("wait:", g2.Wait())
	fmt.Println("ctx after wait:", ctx.Err())

	var g3 errgroup.Group
	g3.SetLimit(2)
	var running, peak atomic.Int32
	for i := 0; i < 6; i++ {
		g3.Go(func() error {
			n := running.Add(1)
			for {
				p := peak.Load()
				if n <= p || peak.CompareAndSwap(p, n) {
					break
				}
			}
			time.Sleep(20 * time.Millisecond)
			running.Add(-1)
			return nil
		})
	}
	fmt.Println(g3.Wait(), "peak:", peak.Load())

	var g4 errgroup.Group
	g4.SetLimit(1)
	block := make(chan struct{})
	fmt.Println("TryGo 1:", g4.TryGo(func() error { <-block; return nil }))
	fmt.Println("TryGo 2:", g4.TryGo(func() error { return nil }))
	close(block)
	fmt.Println(g4.Wait())
	fmt.Println("TryGo 3:", g4.TryGo(func() error { return errors.New("late") }))
	fmt.Println(g4.Wait())
}
