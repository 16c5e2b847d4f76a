// Deferred builtins and builtins in go statements run with the arguments of the defer or go
// statement (Go's fixedbugs/issue19710.go): delete, copy, close, print, panic.
package main

import (
	"fmt"
	"sync"
)

func deletes() map[int]bool {
	m := map[int]bool{}
	for i := 0; i < 3; i++ {
		m[i] = true
		defer delete(m, i)
	}
	return m
}

type key interface{}

func deleteInterfaceKey() int {
	m := map[key]string{1: "one", "1": "string one"}
	func() {
		defer delete(m, 1)
	}()
	return len(m)
}

func copies() []int {
	dst := make([]int, 3)
	src := []int{1, 2, 3}
	defer copy(dst, src)
	src = []int{7, 8, 9} // the deferred copy has the old src
	return dst
}

func copiesLater() (dst []byte) {
	dst = make([]byte, 5)
	defer copy(dst, "hello")
	return dst
}

func closes(ch chan int) {
	defer close(ch)
	ch <- 1
}

func main() {
	m := deletes()
	fmt.Println(len(m), m, deleteInterfaceKey())
	fmt.Println(copies(), string(copiesLater()))
	ch := make(chan int, 1)
	closes(ch)
	for v := range ch {
		fmt.Println("got", v)
	}
	var mu sync.Mutex
	shared := map[string]int{"a": 1, "b": 2}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		defer mu.Unlock()
		defer delete(shared, "a")
	}()
	wg.Wait()
	fmt.Println(shared)
	defer fmt.Println("recovered:", recover())
	defer println("deferred println", 1, true)
	defer panic(fmt.Sprint("deferred panic ", len(shared)))
}
