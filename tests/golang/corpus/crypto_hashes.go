// crypto/md5, crypto/sha1, crypto/sha256 and hash/fnv: sums of messages around the
// 64-byte block and its 56-byte padding limit, one Write or many, Sum leaving the hash
// as it was, Reset; hashing in goroutines, one worker per input.
package main

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"fmt"
	"hash"
	"hash/fnv"
	"strings"
	"sync"
)

func main() {
	for _, n := range []int{0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000} {
		msg := []byte(strings.Repeat("abc", n)[:n])
		fmt.Printf("%4d %x %x\n", n, md5.Sum(msg), sha1.Sum(msg))
		fmt.Printf("     %x\n", sha256.Sum256(msg))
	}
	for _, h := range []hash.Hash{md5.New(), sha1.New(), sha256.New(), fnv.New32(), fnv.New32a(), fnv.New64(), fnv.New64a()} {
		for _, part := range []string{"The quick brown fox ", "jumps over ", "", "the lazy dog"} {
			h.Write([]byte(part))
		}
		first := h.Sum([]byte("prefix:"))
		again := h.Sum(nil)
		fmt.Printf("%T size=%d block=%d %q %x\n", h, h.Size(), h.BlockSize(), first[:7], again)
		h.Reset()
		h.Write([]byte("x"))
		fmt.Printf("  after Reset: %x\n", h.Sum(nil))
	}
	h32 := fnv.New32a()
	h32.Write([]byte("hello"))
	h64 := fnv.New64a()
	h64.Write([]byte("hello"))
	fmt.Println(h32.Sum32(), h64.Sum64())

	words := []string{"alpha", "beta", "gamma", "delta"}
	sums := make([][32]byte, len(words))
	var wg sync.WaitGroup
	for i, w := range words {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sums[i] = sha256.Sum256([]byte(w))
		}()
	}
	wg.Wait()
	for i, w := range words {
		fmt.Printf("%s %x\n", w, sums[i][:8])
	}
}
