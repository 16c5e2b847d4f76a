package main

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"sync"
)

type Server struct{}

func (s *Server) handle() {}

func worker(id int) {}

func nameOf(f any) string {
	return runtime.FuncForPC(reflect.ValueOf(f).Pointer()).Name()
}

// A function's name through reflection, as logging code finds the function it runs.
func main() {
	var s Server
	anon := func() {}
	var wg sync.WaitGroup
	for _, f := range []any{worker, anon, strings.ToUpper, (*Server).handle, wg.Wait} {
		fmt.Println(nameOf(f))
	}
	var nilf func()
	fmt.Println(reflect.ValueOf(nilf).Pointer() == 0)
	_ = s
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(reflect.ValueOf(3).Pointer())
}
