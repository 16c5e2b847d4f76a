package main

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
)

type Point struct {
	X, Y int
	name string
}

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Config struct {
	Name    string
	Port    int
	Debug   bool
	Ratio   float32
	Tags    []string
	Limits  map[string]int
	Inner   Point
	Owner   *Point
	Any     any
	private int8
}

func describe(v reflect.Value, indent string) {
	switch v.Kind() {
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < v.NumField(); i++ {
			f := t.Field(i)
			fmt.Printf("%s%s (%v, exported=%v):\n", indent, f.Name, f.Type, f.IsExported())
			describe(v.Field(i), indent+"  ")
		}
	case reflect.Slice, reflect.Array:
		fmt.Printf("%slen=%d\n", indent, v.Len())
		for i := 0; i < v.Len(); i++ {
			describe(v.Index(i), indent+"  ")
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			fmt.Printf("%s%v => %v\n", indent, k, v.MapIndex(k))
		}
	case reflect.Pointer:
		if v.IsNil() {
			fmt.Printf("%snil %v\n", indent, v.Type())
			return
		}
		describe(v.Elem(), indent)
	case reflect.Interface:
		if v.IsNil() {
			fmt.Printf("%snil interface\n", indent)
			return
		}
		fmt.Printf("%sinterface holding %v\n", indent, v.Elem().Type())
		describe(v.Elem(), indent+"  ")
	case reflect.Int, reflect.Int8:
		fmt.Printf("%sint %d\n", indent, v.Int())
	case reflect.String:
		fmt.Printf("%sstring %q\n", indent, v.String())
	case reflect.Bool:
		fmt.Printf("%sbool %v\n", indent, v.Bool())
	case reflect.Float32, reflect.Float64:
		fmt.Printf("%sfloat %v\n", indent, v.Float())
	default:
		fmt.Printf("%s%v: %v\n", indent, v.Kind(), v)
	}
}

func main() {
	c := Config{Name: "svc", Port: 80, Ratio: 0.5, Tags: []string{"a", "b"}, Limits: map[string]int{"x": 1, "y": 2},
		Inner: Point{1, 2, "p"}, Any: Celsius(21.5), private: -3}
	describe(reflect.ValueOf(c), "")

	// Setting through a pointer.
	v := reflect.ValueOf(&c).Elem()
	fmt.Println(v.CanSet(), reflect.ValueOf(c).CanSet(), v.Field(9).CanSet(), v.Field(0).CanSet())
	v.FieldByName("Name").SetString("renamed")
	v.Field(1).SetInt(8080)
	v.Field(2).SetBool(true)
	v.Field(3).SetFloat(0.1)
	v.Field(6).Field(0).SetInt(100)
	v.Field(4).Index(1).SetString("B")
	v.Field(8).Set(reflect.ValueOf(42))
	v.Field(7).Set(reflect.ValueOf(&Point{X: 7}))
	fmt.Printf("%+v %v\n", c.Inner, *c.Owner)
	fmt.Println(v.FieldByName("Nope").IsValid())

	// Printing Values.
	fmt.Println(reflect.ValueOf(3), reflect.ValueOf("s"), reflect.ValueOf(Celsius(1)), reflect.ValueOf([]int{1, 2}), reflect.Value{})
	fmt.Printf("%v %d %T %s\n", reflect.ValueOf(7), reflect.ValueOf(7), reflect.ValueOf(7), reflect.ValueOf(Celsius(2)))
	fmt.Println(reflect.ValueOf(3).String(), reflect.ValueOf("x").String(), reflect.Value{}.String())

	// Interface, zero, kinds.
	x := reflect.ValueOf(Point{1, 2, "n"}).Interface().(Point)
	fmt.Println(x.X, x.name)
	fmt.Println(reflect.Zero(reflect.TypeOf(Point{})), reflect.Zero(reflect.TypeOf(0)).Int(), reflect.ValueOf(0).IsZero(), reflect.ValueOf(Point{}).IsZero(), reflect.ValueOf(Point{X: 1}).IsZero())
	fmt.Println(reflect.ValueOf([]int(nil)).IsNil(), reflect.ValueOf(map[int]int{}).IsNil(), reflect.ValueOf((*int)(nil)).Elem().IsValid())
	fmt.Println(reflect.ValueOf(uint8(200)).Uint(), reflect.ValueOf("héllo").Index(1).Uint(), reflect.ValueOf("abc").Len(), reflect.ValueOf([3]int{}).Len(), reflect.ValueOf(make([]int, 2, 5)).Cap())
	ch := make(chan int, 4)
	ch <- 1
	fmt.Println(reflect.ValueOf(ch).Len(), reflect.ValueOf(ch).Cap())
	fmt.Println(reflect.Indirect(reflect.ValueOf(&x)).Field(1), reflect.Indirect(reflect.ValueOf(5)))
	var small int8
	reflect.ValueOf(&small).Elem().SetInt(300)
	fmt.Println(small)
	var iface any = 5
	fmt.Println(reflect.ValueOf(&iface).Elem().Kind(), reflect.ValueOf(&iface).Elem().Elem().Kind(), reflect.ValueOf(&iface).Elem())
	m := map[any]string{1: "one", "two": "2"}
	fmt.Println(reflect.ValueOf(m).MapIndex(reflect.ValueOf(1)), reflect.ValueOf(m).MapIndex(reflect.ValueOf("two")), reflect.ValueOf(m).MapIndex(reflect.ValueOf(3)).IsValid())
	var err error = errors.New("bad")
	fmt.Println(reflect.ValueOf(&err).Elem(), reflect.ValueOf(&err).Elem().Type(), reflect.ValueOf(&err).Elem().Elem().Type())

	for _, f := range []func(){
		func() { reflect.ValueOf("s").Int() },
		func() { reflect.ValueOf(3).SetInt(4) },
		func() { reflect.ValueOf(&c).Elem().Field(9).SetInt(1) },
		func() { reflect.ValueOf(&c).Elem().Field(9).Interface() },
		func() { reflect.ValueOf([]int{1}).Index(3) },
		func() { reflect.Value{}.Type() },
		func() { reflect.ValueOf(&c).Elem().Field(1).Set(reflect.ValueOf("x")) },
		func() { reflect.ValueOf(1).Elem() },
		func() { reflect.ValueOf(1).IsNil() },
		func() { reflect.ValueOf(map[string]int{}).MapIndex(reflect.ValueOf(1)) },
	} {
		func() {
			defer func() { fmt.Println("panic:", recover()) }()
			f()
		}()
	}
	fmt.Println(reflect.ValueOf(c.Tags).Index(0), reflect.ValueOf(c).Field(9))
}
