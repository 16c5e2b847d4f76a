package main

import "testing"

func TestOK(t *testing.T) {}

func Testimony(t *testing.T) {
	t.Fatal("go test does not run it")
}

func Benchmarkfast(b *testing.B) {}

func BenchmarkFast(b *testing.B) {}

func Testable(x int) {}

func Test_ok(t *testing.T) {}

func Test(t *testing.T) {}
