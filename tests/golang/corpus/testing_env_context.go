package main

import (
	"fmt"
	"os"
	"testing"
)

func TestEnv(t *testing.T) {
	fmt.Println("unset at first:", os.Getenv("CHANLAB_MODE") == "")
	t.Setenv("CHANLAB_MODE", "test")
	v, ok := os.LookupEnv("CHANLAB_MODE")
	fmt.Println(v, ok)
	t.Run("inner", func(t *testing.T) {
		t.Setenv("CHANLAB_MODE", "inner")
		fmt.Println("inner:", os.Getenv("CHANLAB_MODE"))
	})
	fmt.Println("after inner:", os.Getenv("CHANLAB_MODE"))
	fmt.Println("bad key:", os.Setenv("A=B", "x"))
	os.Setenv("CHANLAB_X", "1")
	os.Unsetenv("CHANLAB_X")
	_, ok = os.LookupEnv("CHANLAB_X")
	fmt.Println("unset:", !ok)
}

func TestEnvRestored(t *testing.T) {
	_, ok := os.LookupEnv("CHANLAB_MODE")
	fmt.Println("restored:", !ok)
}

func TestParallelSetenv(t *testing.T) {
	t.Parallel()
	defer func() { fmt.Println(recover()) }()
	t.Setenv("X", "1")
}

func TestContext(t *testing.T) {
	ctx := t.Context()
	done := make(chan struct{})
	go func() {
		<-ctx.Done()
		fmt.Println("context canceled:", ctx.Err())
		close(done)
	}()
	t.Cleanup(func() {
		<-done
		fmt.Println("the cleanup runs after the cancel")
	})
	fmt.Println("in the test, context error:", ctx.Err())
}
