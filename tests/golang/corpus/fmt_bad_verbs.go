package main

import "fmt"

type T struct{ A int }

func main() {
	fmt.Printf("%d\n", "x")
	fmt.Printf("%s\n", 42)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%d\n", 1, "two", 3.0)
	fmt.Printf("no verbs\n", "extra")
	fmt.Printf("%z\n", 5)
	fmt.Printf("%!\n")
	fmt.Printf("%t\n", 1)
	fmt.Printf("%d\n", T{1})
	fmt.Printf("%s\n", nil)
	fmt.Printf("%d\n", nil)
	fmt.Printf("%x\n", 3.5)
	fmt.Printf("%c\n", "str")
	fmt.Printf("%e\n", 3)
	fmt.Printf("100%\n")
	fmt.Printf("%-\n", 1)
	fmt.Println(fmt.Sprintf("%d-%s", 1))
	fmt.Println(fmt.Sprintf("%[2]d %[1]d", 1, 2))
	fmt.Println(fmt.Sprintf("%[3]d", 1, 2))
	fmt.Println(fmt.Sprintf("%.*d", "x", 5))
}
