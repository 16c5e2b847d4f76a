// reflect's channels: MakeChan, Send, Recv, TrySend, TryRecv, Close and Len, and Select over a
// number of channels known only at run time (the fan-in that a select statement cannot
// write), with a default case, nil (zero Value) channels, sends of interface elements, a
// closed channel's zero value, and the panics of bad cases.
package main

import (
	"fmt"
	"reflect"
	"sort"
	"sync"
)

// merge forwards every value of every channel to out, as they come, with one select over
// all of them; a closed channel's case becomes a nil channel's.
func merge(chans []chan int, out chan<- int) {
	cases := make([]reflect.SelectCase, len(chans))
	for i, ch := range chans {
		cases[i] = reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(ch)}
	}
	for open := len(cases); open > 0; {
		i, v, ok := reflect.Select(cases)
		if !ok {
			cases[i].Chan = reflect.Value{}
			open--
			continue
		}
		out <- int(v.Int())
	}
	close(out)
}

func try(name string, f func()) {
	defer func() { fmt.Printf("%s: %v\n", name, recover()) }()
	f()
}

func main() {
	var chans []chan int
	var wg sync.WaitGroup
	for p := 0; p < 4; p++ {
		ch := make(chan int)
		chans = append(chans, ch)
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			for k := 0; k < 3; k++ {
				ch <- p*10 + k
			}
			close(ch)
		}(p)
	}
	out := make(chan int)
	go merge(chans, out)
	var got []int
	for v := range out {
		got = append(got, v)
	}
	wg.Wait()
	sort.Ints(got)
	fmt.Println(got)

	ct := reflect.TypeOf((chan string)(nil))
	c := reflect.MakeChan(ct, 2)
	fmt.Println(c.Type(), c.Len(), c.Cap())
	c.Send(reflect.ValueOf("a"))
	fmt.Println(c.TrySend(reflect.ValueOf("b")), c.TrySend(reflect.ValueOf("c")), c.Len())
	x, ok := c.Recv()
	fmt.Println(x, ok, x.Kind())
	x, ok = c.TryRecv()
	fmt.Println(x, ok)
	x, ok = c.TryRecv()
	fmt.Println(x.IsValid(), ok)
	ch := c.Interface().(chan string)
	go func() { ch <- "from a goroutine" }()
	x, ok = c.Recv()
	fmt.Println(x, ok)
	c.Close()
	x, ok = c.Recv()
	fmt.Printf("%q %v\n", x.Interface(), ok)

	var ifaces = make(chan fmt.Stringer, 1)
	i, _, _ := reflect.Select([]reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: reflect.Value{}},
		{Dir: reflect.SelectSend, Chan: reflect.ValueOf(ifaces), Send: reflect.ValueOf(reflect.Int)},
	})
	fmt.Println(i, <-ifaces)
	i, v, ok := reflect.Select([]reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(ifaces)},
		{Dir: reflect.SelectDefault},
	})
	fmt.Println(i, v.IsValid(), ok)

	try("send on closed", func() { c.Send(reflect.ValueOf("late")) })
	try("close twice", func() { c.Close() })
	try("wrong element", func() { reflect.ValueOf(make(chan int, 1)).Send(reflect.ValueOf("s")) })
	try("recv-only", func() { reflect.ValueOf(make(<-chan int)).Send(reflect.ValueOf(1)) })
	try("send-only", func() { reflect.ValueOf(make(chan<- int)).Recv() })
	try("two defaults", func() {
		reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectDefault}, {Dir: reflect.SelectDefault}})
	})
	try("bad dir", func() { reflect.Select([]reflect.SelectCase{{Dir: 9}}) })
	try("not a chan", func() { reflect.ValueOf(1).Recv() })
	try("MakeChan", func() { reflect.MakeChan(reflect.TypeOf(make(<-chan int)), 0) })
	try("MakeChan size", func() { reflect.MakeChan(ct, -1) })
}
