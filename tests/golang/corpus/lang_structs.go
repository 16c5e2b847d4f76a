package main

import "fmt"

type Point struct{ X, Y int }

type Rect struct {
	Min, Max Point
	Label    string
}

type key struct {
	name string
	id   int
}

func move(p Point) Point {
	p.X += 10
	return p
}

func main() {
	p := Point{1, 2}
	q := p
	q.X = 5
	fmt.Println(p, q, p == q, p == Point{1, 2})
	fmt.Println(move(p), p)
	r := Rect{Min: Point{0, 0}, Max: Point{3, 4}, Label: "box"}
	r2 := r
	r2.Max.X = 30
	fmt.Println(r, r2, r == r2)
	fmt.Printf("%+v\n", r)

	seen := map[key]int{}
	seen[key{"a", 1}]++
	seen[key{"a", 1}]++
	seen[key{"b", 2}]++
	fmt.Println(len(seen), seen[key{"a", 1}], seen[key{"c", 3}])
	pm := map[Point]string{{1, 2}: "a", {0, 0}: "origin"}
	fmt.Println(pm)

	anon := struct {
		A int
		B string
	}{1, "x"}
	fmt.Println(anon)
	var zero Rect
	fmt.Printf("%+v %v\n", zero, zero == Rect{})
	pts := []Point{{1, 1}, {2, 2}}
	for _, pt := range pts {
		pt.X = 100
	}
	fmt.Println(pts)
	arr := [2]Point{}
	arr[0].Y = 7
	fmt.Println(arr)
	var e struct{}
	fmt.Println(e, struct{}{} == e)
	type Inner struct{ V []int }
	i1 := Inner{[]int{1}}
	i2 := i1
	i2.V[0] = 2
	fmt.Println(i1, i2)
}
