// Map keys that are not equal to themselves: every m[NaN] = v adds an entry that no lookup
// or delete reaches, and range still visits each of them with its value.
package main

import (
	"fmt"
	"math"
	"sort"
)

type point struct{ x, y float64 }

func main() {
	nan := math.NaN()
	m := map[float64]string{1: "one"}
	for i := 0; i < 5; i++ {
		m[nan] = fmt.Sprint("nan", i)
	}
	_, found := m[nan]
	fmt.Println(len(m), found)
	delete(m, nan)
	fmt.Println(len(m))

	var got []string
	for k, v := range m {
		if k != k {
			got = append(got, v)
		} else {
			got = append(got, fmt.Sprint(k, "=", v))
		}
	}
	sort.Strings(got)
	fmt.Println(got)

	// Deleting the other key while ranging: the NaN entries still come.
	count := 0
	for k := range m {
		delete(m, 1)
		if k != k {
			count++
		}
	}
	fmt.Println(count, len(m))

	// Struct and interface keys holding a NaN.
	ps := map[point]int{}
	ps[point{nan, 1}] = 1
	ps[point{nan, 1}] = 2
	ps[point{0, 1}] = 3
	ps[point{0, 1}] = 4
	sum := 0
	for _, v := range ps {
		sum += v
	}
	fmt.Println(len(ps), sum)
	is := map[interface{}]int{nan: 1, "a": 2}
	is[nan] = 3
	n := 0
	for k, v := range is {
		if f, ok := k.(float64); ok && f != f {
			n += v
		}
	}
	fmt.Println(len(is), n)

	// Many NaN keys while every other key is deleted.
	big := map[float64]int{}
	for i := 0; i < 100; i++ {
		big[float64(i)] = i
		big[nan] = -1
	}
	for i := 0; i < 100; i++ {
		delete(big, float64(i))
	}
	nans := 0
	for k, v := range big {
		if k != k && v == -1 {
			nans++
		}
	}
	fmt.Println(len(big), nans)
	fmt.Println(map[float64]int{nan: 1, 2: 2})
}
