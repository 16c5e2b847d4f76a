package main

import "testing"

func TestFirst(t *testing.T) {
	t.Log("fine")
}

func TestPanics(t *testing.T) {
	t.Run("sub", func(t *testing.T) {
		var m map[string]int
		m["x"] = 1
	})
}

func TestNeverRuns(t *testing.T) {}
