package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"sync"
)

func main() {
	// A write is read in pieces by small reads.
	r, w := io.Pipe()
	wrote := make(chan string, 1)
	go func() {
		n, err := w.Write([]byte("hello, pipe"))
		wrote <- fmt.Sprint("wrote ", n, " ", err)
		w.Close()
	}()
	buf := make([]byte, 4)
	for {
		n, err := r.Read(buf)
		fmt.Printf("read %q %v\n", buf[:n], err)
		if err != nil {
			break
		}
	}
	fmt.Println(<-wrote)

	// Writers take turns; lines arrive whole.
	r, w = io.Pipe()
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			fmt.Fprintf(w, "line from writer %d\n", i)
		}(i)
	}
	go func() {
		wg.Wait()
		w.CloseWithError(errors.New("writers done"))
	}()
	sc := bufio.NewScanner(r)
	lines := 0
	for sc.Scan() {
		lines++
	}
	fmt.Println(lines, "lines", sc.Err())

	// Closing the read end fails writes.
	r, w = io.Pipe()
	r.Close()
	n, err := w.Write([]byte("x"))
	fmt.Println(n, err, err == io.ErrClosedPipe)
	r.CloseWithError(errors.New("reader gone"))
	_, err = r.Read(buf)
	fmt.Println(err)

	r, w = io.Pipe()
	r.CloseWithError(errors.New("reader gone"))
	_, err = w.Write([]byte("x"))
	fmt.Println(err)
	w.Close()
	_, err = r.Read(buf)
	fmt.Println(err)

	r, w = io.Pipe()
	go func() {
		io.WriteString(w, "all of it")
		w.Close()
	}()
	b, err := io.ReadAll(r)
	fmt.Printf("%s %v\n", b, err)
}
