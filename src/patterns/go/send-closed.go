package main

func main() {
	ch := make(chan int, {{capacity}})
	close(ch)
	ch <- 1 // panics, even with room in the buffer: the channel is closed
}
