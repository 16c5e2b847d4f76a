package main

import (
	"fmt"
	"os"
	"testing"
)

var ready bool

func TestMain(m *testing.M) {
	fmt.Println("setup")
	ready = true
	code := m.Run()
	fmt.Println("teardown, tests returned", code)
	os.Exit(code + 3)
}

func TestReady(t *testing.T) {
	if !ready {
		t.Fatal("setup did not run")
	}
}

func TestFails(t *testing.T) {
	t.Error("one failure")
}
