package main

import (
	"errors"
	"fmt"
)

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }

func classify(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v (%T)", x, x)
	case string:
		return "string of length " + fmt.Sprint(len(x))
	case []int:
		return fmt.Sprintf("slice of %d ints", len(x))
	case error:
		return "error: " + x.Error()
	case fmt.Stringer:
		return "stringer " + x.String()
	case func() int:
		return fmt.Sprint("func returning ", x())
	case map[string]int:
		return fmt.Sprint("map with ", len(x), " keys")
	case *int:
		return fmt.Sprint("pointer to ", *x)
	case bool:
		if x {
			return "true bool"
		}
		return "false bool"
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	n := 5
	values := []interface{}{
		nil, 1, int64(2), "héllo", []int{1, 2}, errors.New("bad"), Temp(21.5),
		func() int { return 7 }, map[string]int{"a": 1}, &n, true, false, 3.5, struct{}{},
		[]string{},
	}
	for _, v := range values {
		fmt.Println(classify(v))
	}
	var err error = errors.New("x")
	switch err.(type) {
	case fmt.Stringer:
		fmt.Println("stringer")
	case error:
		fmt.Println("just an error")
	}
	switch v := interface{}(uint8(3)); v.(type) {
	case int:
		fmt.Println("int")
	default:
		fmt.Printf("default %T\n", v)
	}
}
