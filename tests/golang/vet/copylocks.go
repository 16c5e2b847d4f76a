package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

type Embeds struct {
	sync.Mutex
	hits int
}

type Stats struct {
	total atomic.Int64
	names []string
}

func (c Counter) Value() int { return c.n }

func worker(id int, wg sync.WaitGroup, results chan<- int) {
	defer wg.Done()
	results <- id
}

func snapshot(e Embeds) int { return e.hits }

func report(s Stats) {}

func main() {
	var wg sync.WaitGroup
	results := make(chan int, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go worker(i, wg, results)
	}
	c := Counter{}
	d := c
	var e = c
	fmt.Println(d.Value(), e.Value())
	list := []Counter{c}
	for _, x := range list {
		fmt.Println(x.n)
	}
	var em Embeds
	fmt.Println(snapshot(em))
	var s Stats
	report(s)
	ctx, _ := context.WithTimeout(context.Background(), time.Second)
	fmt.Println(ctx.Err() == nil)
	func(m sync.Mutex) {}(sync.Mutex{})
	var n int64
	n = atomic.AddInt64(&n, 1)
	fmt.Println(n)
	var once sync.Once
	o2 := once
	_ = o2
}
