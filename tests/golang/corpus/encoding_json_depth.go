// encoding/json refuses input nested deeper than 10,000 objects or arrays, as Go does, with
// its error, instead of recursing without end.
package main

import (
	"encoding/json"
	"fmt"
	"strings"
)

func main() {
	var v any
	fmt.Println(json.Unmarshal([]byte(strings.Repeat("[", 10000)+strings.Repeat("]", 10000)), &v) == nil)
	fmt.Println(json.Unmarshal([]byte(strings.Repeat("[", 10001)+strings.Repeat("]", 10001)), &v))
	fmt.Println(json.Unmarshal([]byte(strings.Repeat("[", 1000000)), &v))
}
