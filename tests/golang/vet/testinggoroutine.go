package main

import (
	"testing"
	"time"
)

func check(t *testing.T, ok bool) {
	if !ok {
		t.Fatal("not ok")
	}
}

func TestWorkers(t *testing.T) {
	done := make(chan bool)
	go func() {
		defer close(done)
		if time.Now().IsZero() {
			t.Fatalf("no clock")
		}
		t.Log("fine")
		go func() {
			t.FailNow()
		}()
	}()
	go check(t, true)
	go t.Skip("skipped")
	<-done
}

func TestSub(t *testing.T) {
	t.Run("sub", func(t *testing.T) {
		go func(tt *testing.T) {
			tt.SkipNow()
		}(t)
	})
}
