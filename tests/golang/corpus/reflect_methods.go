package main

import (
	"fmt"
	"reflect"
)

type Base struct{ id int }

func (b Base) ID() int { return b.id }

type Worker struct {
	Base
	name string
}

func (w Worker) Name() string          { return w.name }
func (w *Worker) Rename(n string)      { w.name = n }
func (w Worker) Greet(s string) string { return s + ", " + w.name }
func (w Worker) private()              {}

type Greeter interface {
	Greet(string) string
	Name() string
}

// Methods through reflection: the method sets of a type and its pointer sorted by name, a
// method's type as a function of the receiver, and calling it through Func.Interface().
func main() {
	w := Worker{Base{7}, "ada"}
	for _, t := range []reflect.Type{reflect.TypeOf(w), reflect.TypeOf(&w)} {
		fmt.Println(t, t.NumMethod())
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			fmt.Println(" ", m.Index, m.Name, m.Type, m.IsExported())
		}
	}
	m, ok := reflect.TypeOf(w).MethodByName("Greet")
	fmt.Println(ok, m.Func.Interface().(func(Worker, string) string)(w, "hello"))
	r, _ := reflect.TypeOf(&w).MethodByName("Rename")
	r.Func.Interface().(func(*Worker, string))(&w, "bob")
	fmt.Println(w.Name())
	id, _ := reflect.TypeOf(&w).MethodByName("ID")
	fmt.Println(id.Func.Interface().(func(*Worker) int)(&w))
	_, ok = reflect.TypeOf(w).MethodByName("Rename")
	fmt.Println(ok)
	_, ok = reflect.TypeOf(w).MethodByName("private")
	fmt.Println(ok)
	gt := reflect.TypeOf((*Greeter)(nil)).Elem()
	for i := 0; i < gt.NumMethod(); i++ {
		fmt.Println(gt.Method(i).Name)
	}
	defer func() { fmt.Println("recovered:", recover()) }()
	reflect.TypeOf(w).Method(5)
}
