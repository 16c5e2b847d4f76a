package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
)

type T struct{ X int }

func (t T) String() string { return "t" }

type myErr struct{}

func (e *myErr) Error() string { return "my" }

func f() int { return 1 }

func g() int {
	return 2
	fmt.Println("after return")
	return 3
}

func h(x int) int {
	for {
		if x > 0 {
			return x
		}
	}
	return 0
}

func k() {
	panic("no")
	println("unreachable")
}

func main() {
	x, y := 1, 2
	x = x
	x, y = x, y
	var t T
	t.X = t.X
	if x == 1 || x == 1 {
	}
	if x != 1 || x != 2 {
	}
	if x == 1 && x == 2 {
	}
	if f == nil {
	}
	if main != nil {
	}
	var u8 uint8 = 1
	_ = u8 << 8
	_ = u8 >> 9
	var i32 int32 = 1
	_ = i32 << 40
	n := 65
	s := string(n)
	_ = string(rune(n))
	_ = string(i32)
	var b byte = 'a'
	_ = string(b)
	var v T
	json.Unmarshal([]byte("{}"), v)
	json.Unmarshal([]byte("{}"), &v)
	fmt.Sprintf("%d", x)
	fmt.Sprint(x)
	errors.New("x")
	fmt.Errorf("y")
	context.WithValue(context.Background(), "k", "v")
	sort.Reverse(sort.IntSlice(nil))
	t.String()
	strings.ToUpper("x")
	var err error = &myErr{}
	var me *myErr
	errors.As(err, me)
	errors.As(err, &me)
	errors.As(err, nil)
	fmt.Println(s, g(), h(1), y, os.Args[0] == "")
	k()
}
