package main

import (
	"context"
	"fmt"
	"time"

	"golang.org/x/sync/errgroup"
)

// fetch pretends to request url, which answers after latency.
func fetch(ctx context.Context, url string, latency time.Duration, fail bool) (string, error) {
	select {
	case <-time.After(latency):
	case <-ctx.Done():
		return "", ctx.Err() // timed out, or another request failed
	}
	if fail {
		return "", fmt.Errorf("%s returned 500", url)
	}
	return fmt.Sprintf("%s: 200 (%v)", url, latency), nil
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), {{timeout_ms}}*time.Millisecond)
	defer cancel()

	// Each URL's latency in ms: {{latency_ms}} ms, give or take up to {{jitter_ms}} ms of jitter.
	latencies := []int{ {{latencies}} }
	results := make([]string, {{urls}})

	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit({{limit}}) // at most {{limit}} requests in flight
	for i := range results {
		i := i // Go < 1.22: each closure needs its own copy
		g.Go(func() error {
			url := fmt.Sprintf("https://example.com/page/%d", i)
			latency := time.Duration(latencies[i]) * time.Millisecond
			res, err := fetch(ctx, url, latency, i == {{fail}})
			if err != nil {
				return err
			}
			results[i] = res // each goroutine writes only its own slot
			return nil
		})
	}

	if err := g.Wait(); err != nil {
		fmt.Println("batch check error:", err)
		return
	}
	for _, r := range results {
		fmt.Println(r)
	}
}
