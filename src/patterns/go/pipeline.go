package main

import (
	"context"
	"fmt"
	"strings"
)

// Each stage is a goroutine that reads from the previous stage's channel,
// closes its own when done, and stops early when ctx is cancelled.

func generate(ctx context.Context, words ...string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for _, w := range words {
			select {
			case out <- w:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func toUpper(ctx context.Context, in <-chan string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for w := range in {
			select {
			case out <- strings.ToUpper(w):
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func addPrefix(ctx context.Context, prefix string, in <-chan string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for w := range in {
			select {
			case out <- prefix + w:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel() // stops every stage if main leaves early

	words := generate(ctx, {{words}})
	upper := toUpper(ctx, words)
	for line := range addPrefix(ctx, {{prefix}}, upper) {
		fmt.Println(line)
	}
}
