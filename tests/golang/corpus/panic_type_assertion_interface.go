package main

import (
	"fmt"
	"io"
)

func main() {
	var x interface{} = 42
	_, ok := x.(fmt.Stringer)
	fmt.Println(ok)
	r := x.(io.Reader)
	fmt.Println(r)
}
