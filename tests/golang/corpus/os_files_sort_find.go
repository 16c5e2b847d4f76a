package main

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

func main() {
	f, err := os.Open("config.json")
	fmt.Println(f == nil, err)
	fmt.Println(errors.Is(err, os.ErrNotExist), os.IsNotExist(err))
	var pe *os.PathError
	fmt.Println(errors.As(err, &pe), pe.Op, pe.Path, pe.Err)
	_, err = os.ReadFile("/etc/hosts.missing")
	fmt.Println(err, os.IsNotExist(err), os.IsNotExist(errors.New("x")))
	fmt.Println(strconv.QuoteRuneToASCII('☺'), strconv.QuoteRuneToASCII('\n'), strconv.QuoteRuneToASCII('a'))
	words := []string{"apple", "banana", "cherry", "grape"}
	for _, w := range []string{"banana", "coconut", "zebra", "a"} {
		i, found := sort.Find(len(words), func(i int) int { return strings.Compare(w, words[i]) })
		fmt.Println(w, i, found)
	}
}
