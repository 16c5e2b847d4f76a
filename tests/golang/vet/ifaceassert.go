package main

import (
	"fmt"
	"io"
)

type Reader interface {
	Read() string
}

type Both interface {
	Read() string
	Close() error
}

type file struct{}

func (file) Read() string { return "data" }

func main() {
	var r Reader = file{}
	var x interface{} = r
	if rr, ok := r.(io.Reader); ok {
		fmt.Println("io reader", rr)
	}
	if b, ok := r.(Both); ok {
		fmt.Println(b)
	}
	switch v := r.(type) {
	case io.ReadCloser:
		fmt.Println("closer", v)
	case fmt.Stringer, io.Reader:
		fmt.Println("other")
	case nil:
	}
	_, _ = x.(io.Reader)
	fmt.Println(r.Read())
}
