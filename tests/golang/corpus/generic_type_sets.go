// Operations on a type parameter whose types share no single underlying type, valid when
// they are for every type of its set: len and cap, slicing bytes and strings, nil for
// types that all have it; and channels of one element type whose directions agree, which
// have a core type (receive, range, inference through it).
package main

import "fmt"

func Len[T ~string | ~[]int | ~map[string]int | ~chan int](x T) int { return len(x) }

func Cap[T ~[]int | ~[4]int | ~*[3]int | ~chan int](x T) int { return cap(x) }

func Mid[T ~[]byte | ~string](x T) T { return x[1 : len(x)-1] }

func Zero[S ~[]int | ~map[int]int | ~*int]() S { return nil }

func IsNil[M ~map[string]int | ~[]int | ~func()](m M) bool { return m == nil }

func Recv[C chan int | <-chan int](c C) int { return <-c }

func Drain[C ~chan E | ~<-chan E, E any](c C) (all []E) {
	for v := range c {
		all = append(all, v)
	}
	return all
}

type Name string
type Bytes []byte

func main() {
	ch := make(chan int, 5)
	ch <- 1
	fmt.Println(Len("héllo"), Len([]int{1, 2}), Len(map[string]int{"a": 1}), Len(ch), Len(Name("ab")))
	var arr [3]int
	fmt.Println(Cap(make([]int, 1, 7)), Cap([4]int{}), Cap(&arr), Cap(ch))
	fmt.Printf("%q %q %q\n", Mid("[abc]"), Mid(Bytes("<xy>")), Mid(Name("'z'")))
	fmt.Println(Zero[[]int]() == nil, Zero[map[int]int]() == nil, Zero[*int]() == nil)
	fmt.Println(IsNil(map[string]int(nil)), IsNil([]int{}), IsNil(func() {}), IsNil[func()](nil))
	fmt.Println(Recv(ch))
	ch <- 2
	ch <- 3
	close(ch)
	var ro <-chan int = ch
	fmt.Println(Drain(ro))
}
