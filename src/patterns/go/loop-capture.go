{{if go_version == "1.21"}}
// Loop variables as before Go 1.22: one i, shared by every iteration.
// go 1.21
{{end}}
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < {{count}}; i++ {
{{if go_version == "1.22"}}
		i := i // a copy per iteration (Go 1.22 makes this copy implicit)
{{end}}
		wg.Add(1)
		go func() {
			defer wg.Done()
{{if go_version == "1.22"}}
			fmt.Println(i) // this iteration's own i
{{else}}
			fmt.Println(i) // before Go 1.22: the one i shared by every iteration
{{end}}
		}()
	}
	wg.Wait()
}
