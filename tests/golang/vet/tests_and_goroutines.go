package main

import "testing"

func TestA(t *testing.T) {
	go func() {
		t.Fatal("x")
	}()
}

func Testimony(t *testing.T) {}
