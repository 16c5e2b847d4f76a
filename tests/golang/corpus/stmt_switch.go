package main

import "fmt"

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	case score < 0:
		return "invalid"
	default:
		return "C"
	}
}

func kind(c byte) string {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return "vowel"
	case ' ':
		return "space"
	}
	return "consonant"
}

func main() {
	for _, s := range []int{95, 85, 50, -1} {
		fmt.Print(grade(s), " ")
	}
	fmt.Println()
	for _, c := range []byte("hi o") {
		fmt.Print(kind(c), " ")
	}
	fmt.Println()
	for i := 0; i < 4; i++ {
		switch i {
		case 0:
			fmt.Print("zero ")
			fallthrough
		case 1:
			fmt.Print("one-ish ")
		case 2:
			fmt.Print("two ")
			fallthrough
		default:
			fmt.Print("default ")
		}
		fmt.Println()
	}
	switch x := 5; {
	case x > 3:
		fmt.Println("x > 3")
		if x == 5 {
			break
		}
		fmt.Println("not printed")
	case x > 1:
		fmt.Println("x > 1")
	}
	calls := 0
	f := func(v int) int { calls++; return v }
	switch 2 {
	case f(1), f(2), f(3):
		fmt.Println("matched after", calls, "calls")
	}
	switch s := "go"; s + "lang" {
	case "golang":
		fmt.Println("golang")
	}
	switch {
	default:
		fmt.Println("default first")
	case false:
	}
}
