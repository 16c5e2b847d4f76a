package main
{{if op == "select"}}

import "fmt"
{{end}}

func main() {
{{if op == "empty-select"}}
	select {} // no cases: blocks forever
{{else}}
	var ch chan int // nil: declared, never made

{{if op == "send"}}
	ch <- 1 // a send on a nil channel blocks forever
{{end}}
{{if op == "recv"}}
	<-ch // a receive from a nil channel blocks forever
{{end}}
{{if op == "select"}}
	select { // select skips nil channels, so no case can ever run
	case v := <-ch:
		fmt.Println("received", v)
	case ch <- 1:
		fmt.Println("sent")
	}
{{end}}
{{end}}
}
