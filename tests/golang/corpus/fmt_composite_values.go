package main

import (
	"errors"
	"fmt"
)

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type Item struct {
	Name  string
	Price float64
	Tags  []string
	Err   error
	T     Temp
}

type Tree struct {
	Val         int
	Left, Right *Tree
}

type PtrStringer struct{ n int }

func (p *PtrStringer) String() string { return fmt.Sprint("PS", p.n) }

func main() {
	it := Item{"pen", 1.5, []string{"a", "b"}, errors.New("out of stock"), 21.5}
	fmt.Println(it)
	fmt.Printf("%+v\n", it)
	fmt.Println(&it)
	fmt.Println([]*Item{}, []Item{{Name: "x"}})
	fmt.Println([]error{errors.New("e1"), nil, fmt.Errorf("e%d", 2)})
	fmt.Println([]Temp{1, 2.5}, map[string]Temp{"in": 20, "out": -3})
	fmt.Println([]fmt.Stringer{Temp(5)})
	t := &Tree{1, &Tree{2, nil, nil}, nil}
	fmt.Printf("%v %+v %v\n", *t.Left, *t.Left, t.Right)
	var err error
	fmt.Println(err)
	fmt.Printf("%v %d\n", err, err)
	var ip *int
	fmt.Println(ip, []*int{nil})
	fmt.Println(map[int][]string{2: {"b"}, 1: {"a"}, 3: nil})
	fmt.Println(map[string]map[string]int{"z": {"b": 2, "a": 1}, "y": {}})
	fmt.Println([2][2]int{{1, 2}, {3, 4}}, [][]string{{"a"}, {}})
	fmt.Println(struct {
		A *int
		B []int
		C map[int]int
		D interface{}
		E func()
		F chan int
	}{})
	ps := PtrStringer{3}
	fmt.Println(ps, &ps, []*PtrStringer{&ps})
	fmt.Printf("%s %v %d\n", Temp(1), Temp(2), Temp(3))
	fmt.Printf("%s|%v|%q\n", errors.New("e"), errors.New("f"), errors.New("g"))
	fmt.Println(struct{ E error }{errors.New("inside")})
	fmt.Printf("%v %+v\n", struct{ T Temp }{4}, struct{ T *Temp }{})
	b := []byte("hi")
	fmt.Println(b, string(b))
	fmt.Printf("%v %s %q %x\n", b, b, b, b)
	var iface interface{} = &it
	fmt.Printf("%T\n", iface)
	fmt.Println([]interface{}{1, "a", nil, 2.5, []int{1}})
}
