package main

type T struct {
	A int
	B string
}

func main() {
	panic(T{1, "x"})
}
