// A zero Timer or Ticker has no runtime timer: Reset (and a Timer's Stop) panic as Go's do,
// a Ticker's Stop does nothing.
package main

import (
	"fmt"
	"time"
)

func try(name string, f func()) {
	defer func() { fmt.Println(name, recover()) }()
	f()
}

func main() {
	try("ticker stop", func() { var t time.Ticker; t.Stop() })
	try("ticker reset", func() { var t time.Ticker; t.Reset(time.Second) })
	try("ticker reset 0", func() { var t time.Ticker; t.Reset(0) })
	try("timer stop", func() { var t time.Timer; t.Stop() })
	try("timer reset", func() { var t time.Timer; t.Reset(time.Second) })
	t := time.NewTimer(time.Hour)
	fmt.Println(t.Stop(), t.Reset(time.Millisecond))
	<-t.C
	fmt.Println("fired")
}
