// reflect's assignability is Go's (identical underlying types with one side unnamed, a
// bidirectional channel to a directional one), and the exported fields of an unexported
// embedded struct, reached through its pointer, can be set: encoding/json relies on both.
// A conversion ignores struct tags, nested ones too.
package main

import (
	"encoding/json"
	"fmt"
	"reflect"
)

type IS []int
type P *int
type C chan int
type inner struct {
	X int
	M map[int8]int
}
type Outer struct{ *inner }
type Plain struct{ inner }
type A struct {
	X int `json:"x"`
	N struct {
		Y string `json:"y"`
	}
}
type B struct {
	X int
	N struct{ Y string }
}

func main() {
	t := reflect.TypeOf
	fmt.Println(t([]int{}).AssignableTo(t(IS{})), t(IS{}).AssignableTo(t([]int{})),
		t(make(chan int)).AssignableTo(t(make(<-chan int))),
		t(make(C)).AssignableTo(t(make(chan<- int))),
		t(make(<-chan int)).AssignableTo(t(make(chan int))),
		t(IS{}).AssignableTo(t(C(nil))), t(0).AssignableTo(t(int64(0))))
	var s IS
	reflect.ValueOf(&s).Elem().Set(reflect.ValueOf([]int{1}))
	fmt.Println(s)
	var p P
	fmt.Println(json.Unmarshal([]byte(`5`), &p), *p)

	o := Outer{&inner{}}
	x := reflect.ValueOf(&o).Elem().FieldByName("X")
	fmt.Println(x.CanSet(), x.CanInterface())
	fmt.Println(json.Unmarshal([]byte(`{"X":1,"M":{"2":3}}`), &o), o.X, o.M)
	b, err := json.Marshal(Outer{&inner{M: map[int8]int{1: 1}}})
	fmt.Println(string(b), err)
	var q Plain
	y := reflect.ValueOf(&q).Elem().Field(0)
	fmt.Println(y.CanSet(), y.Field(0).CanSet(), y.Field(0).CanInterface())
	fmt.Println(json.Unmarshal([]byte(`{"X":4}`), &q), q.X)
	ab := reflect.ValueOf(A{X: 2}).Convert(t(B{}))
	fmt.Println(t(A{}).ConvertibleTo(t(B{})), ab, ab.Type(), t(&A{}).ConvertibleTo(t(&B{})), t(A{}).AssignableTo(t(B{})))
	fmt.Println(reflect.ValueOf(&A{X: 3}).Convert(t(&B{})).Elem().Field(0))
}
