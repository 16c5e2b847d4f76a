package main

func consume(in <-chan int) {
	in <- 1
}

func produce(out chan<- int) {
	v := <-out
	_ = v
}

func main() {
	ch := make(chan int)
	go consume(ch)
	produce(ch)
	var r <-chan int = ch
	close(r)
}
