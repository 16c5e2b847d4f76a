// chanlab:procs 1
package main

// The order goroutines woken by timers run in on one processor: timers set together and due
// together fire in the order they were set, each goroutine they wake takes the next place, so
// the last woken runs first; timers set later fire after those goroutines ran; and a
// goroutine that yields lets them run before it.

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"
)

// The Tour of Go's first goroutine example.
func say(s string, out *[]string, mu *sync.Mutex) {
	for i := 0; i < 5; i++ {
		time.Sleep(100 * time.Millisecond)
		mu.Lock()
		*out = append(*out, s)
		mu.Unlock()
	}
}

func tour() {
	var out []string
	var mu sync.Mutex
	done := make(chan bool)
	go func() {
		say("world", &out, &mu)
		done <- true
	}()
	say("hello", &out, &mu)
	<-done
	fmt.Println("tour:", strings.Join(out, " "))
}

func naps() {
	out := make(chan int, 8)
	for id := 0; id < 8; id++ {
		go func(id int) {
			time.Sleep(10 * time.Millisecond)
			out <- id
		}(id)
	}
	var got []string
	for i := 0; i < 8; i++ {
		got = append(got, fmt.Sprint(<-out))
	}
	fmt.Println("naps:", strings.Join(got, " "))
}

func afterYield() {
	done := make(chan bool)
	time.AfterFunc(0, func() {
		fmt.Println("yield: callback")
		done <- true
	})
	runtime.Gosched()
	fmt.Println("yield: main")
	<-done
}

func sleepers() {
	var wg sync.WaitGroup
	for i := 1; i <= 5; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			fmt.Printf("worker %d starting\n", id)
			time.Sleep(time.Second)
			fmt.Printf("worker %d done\n", id)
		}(i)
	}
	wg.Wait()
}

// Ten sleeps of 10 ms end after one of 100 ms set when they began: on Go's clock each is set
// a little after the one before ended.
func chain() {
	done := make(chan bool)
	go func() {
		for i := 0; i < 10; i++ {
			time.Sleep(10 * time.Millisecond)
		}
		fmt.Println("chain: ten sleeps done")
		done <- true
	}()
	time.Sleep(100 * time.Millisecond)
	fmt.Println("chain: one sleep done")
	<-done
}

// Two tickers made together tick in the order they were made whenever they tick together.
func tickers() {
	a := time.NewTicker(100 * time.Millisecond)
	b := time.NewTicker(200 * time.Millisecond)
	defer a.Stop()
	defer b.Stop()
	var got []string
	for i := 0; i < 9; i++ {
		select {
		case <-a.C:
			got = append(got, "a")
		case <-b.C:
			got = append(got, "b")
		}
	}
	fmt.Println("tickers:", strings.Join(got, " "))
}

func main() {
	for round := 0; round < 2; round++ {
		tour()
		naps()
		afterYield()
		sleepers()
		chain()
		tickers()
	}
}
