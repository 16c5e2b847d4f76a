// hash/crc32: checksums with the IEEE, Castagnoli and Koopman polynomials, one Write or
// many, Update continuing a checksum, Sum appending big-endian, and a consistent-hashing
// use: goroutines sending each key to the shard its checksum picks.
package main

import (
	"fmt"
	"hash/crc32"
	"sort"
	"sync"
)

func main() {
	data := []byte("The quick brown fox jumps over the lazy dog")
	fmt.Printf("%08x %08x\n", crc32.ChecksumIEEE(nil), crc32.ChecksumIEEE(data))
	for _, poly := range []uint32{crc32.IEEE, crc32.Castagnoli, crc32.Koopman} {
		t := crc32.MakeTable(poly)
		h := crc32.New(t)
		h.Write(data[:10])
		h.Write(data[10:])
		fmt.Printf("%08x %08x %08x %x\n", crc32.Checksum(data, t), h.Sum32(), crc32.Update(crc32.Checksum(data[:7], t), t, data[7:]), h.Sum([]byte{0xff}))
	}
	h := crc32.NewIEEE()
	h.Write([]byte("abc"))
	h.Reset()
	fmt.Println(h.Sum32(), h.Size(), h.BlockSize(), crc32.IEEETable[1], crc32.Size)

	const shards = 4
	keys := []string{"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}
	var mu sync.Mutex
	placed := map[uint32][]string{}
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Add(1)
		go func(k string) {
			defer wg.Done()
			s := crc32.ChecksumIEEE([]byte(k)) % shards
			mu.Lock()
			placed[s] = append(placed[s], k)
			mu.Unlock()
		}(k)
	}
	wg.Wait()
	for s := uint32(0); s < shards; s++ {
		sort.Strings(placed[s])
		fmt.Println(s, placed[s])
	}
}
