package main

import (
	"context"
	"fmt"
	"time"

	"golang.org/x/sync/errgroup"
)

type endpoint struct {
	name    string
	latency time.Duration
	status  int
}

// check waits for the endpoint's answer, or gives up when ctx is cancelled.
func check(ctx context.Context, e endpoint) error {
	select {
	case <-time.After(e.latency):
	case <-ctx.Done():
		return ctx.Err() // another check already failed
	}
	if e.status >= 500 {
		return fmt.Errorf("https://%s.example returned %d", e.name, e.status)
	}
	fmt.Printf("https://%s.example OK (%d)\n", e.name, e.status)
	return nil
}

func main() {
	endpoints := []endpoint{ {{endpoint_list}} }

	// The first error cancels ctx, which stops the other checks.
	g, ctx := errgroup.WithContext(context.Background())
{{if limit > 0}}
	g.SetLimit({{limit}}) // at most {{limit}} checks at a time
{{end}}
	for _, e := range endpoints {
		e := e // Go < 1.22: each closure needs its own copy
		g.Go(func() error {
			return check(ctx, e)
		})
	}

	if err := g.Wait(); err != nil { // the first error
		fmt.Println("health check failed:", err)
	} else {
		fmt.Println("all endpoints healthy")
	}
}
