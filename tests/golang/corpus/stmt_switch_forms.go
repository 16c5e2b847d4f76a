// Switch statements: tagless cases compiled as conditions (&&, ||, !), integer tags against
// constants of every size and against expressions, fallthrough, and tags and cases of which
// one is an interface (compared as interfaces, as == compares them).
package main

import "fmt"

type State uint8

const (
	Idle State = iota
	Running
	Done
)

func classify(n int) string {
	switch {
	case n < 0 && n > -10:
		return "small negative"
	case n < 0:
		return "negative"
	case n == 0, n == 100:
		return "zero or hundred"
	case !(n%2 == 0) || n > 1000:
		return "odd or big"
	default:
		return "even"
	}
}

func next(s State, x int) State {
	switch s {
	case Idle:
		if x > 0 {
			return Running
		}
	case Running, 7:
		switch x {
		case -1, -2:
			return Idle
		case 1 << 40, 3:
			return Done
		case x * 2:
			return 42
		}
		fallthrough
	case Done:
		return Done
	}
	return s
}

func big(x uint64) string {
	switch x {
	case 0:
		return "zero"
	case 1<<64 - 1:
		return "max"
	case 1 << 63:
		return "half"
	}
	var y int64 = int64(x)
	switch y {
	case -1 << 63:
		return "min"
	case 1<<31 - 1, -1 << 31:
		return "i32 edge"
	}
	return "other"
}

func main() {
	for _, n := range []int{-5, -50, 0, 100, 7, 8, 2000, 1001} {
		fmt.Println(n, classify(n))
	}
	for _, s := range []State{Idle, Running, Done, 7, 9} {
		for _, x := range []int{-2, 0, 1, 3} {
			fmt.Print(next(s, x), " ")
		}
		fmt.Println()
	}
	for _, x := range []uint64{0, 1<<64 - 1, 1 << 63, 1<<31 - 1, 1 << 31, 5, 1<<64 - 1<<31} {
		fmt.Println(x, big(x))
	}
	var i8 int8 = -128
	switch i8 {
	case 127:
		fmt.Println("max")
	case -128:
		fmt.Println("min")
	}
	var iface interface{} = 3
	switch iface {
	case 3:
		fmt.Println("three")
	case "3":
		fmt.Println("string")
	}
	n := 3
	switch n {
	case iface:
		fmt.Println("matched iface")
	}
	type pt struct{ X, Y int }
	var anyPt interface{} = pt{1, 2}
	var err error
	for _, p := range []pt{{1, 2}, {2, 1}} {
		switch p {
		case anyPt:
			fmt.Println(p, "is anyPt")
		case pt{2, 1}:
			fmt.Println(p, "is 2,1")
		}
	}
	for _, s := range []string{"a", "b"} {
		var anyS interface{} = "b"
		switch s {
		case "a":
			fmt.Println("a")
		case anyS:
			fmt.Println("anyS", s)
		}
	}
	switch err {
	case nil:
		fmt.Println("nil error")
	}
	switch iface {
	case 3.0:
		fmt.Println("float three")
	case int(3):
		fmt.Println("int three")
	}
	switch x := 5; {
	case x > 3:
		fmt.Println("x > 3")
		fallthrough
	case x > 10:
		fmt.Println("fell")
	}
}
