package main

import "fmt"

type Animal struct {
	Name string
	legs int
}

func (a Animal) Describe() string { return fmt.Sprintf("%s has %d legs", a.Name, a.legs) }
func (a *Animal) SetLegs(n int)   { a.legs = n }
func (a Animal) Sound() string    { return "..." }

type Dog struct {
	Animal
	Breed string
}

func (d Dog) Sound() string { return "woof" }

type Logger struct{ prefix string }

func (l *Logger) Log(s string) { fmt.Println(l.prefix + s) }

type Service struct {
	*Logger
	Dog
	id int
}

type Sounder interface{ Sound() string }

func main() {
	d := Dog{Animal{"rex", 4}, "lab"}
	fmt.Println(d.Name, d.Breed, d.legs)
	fmt.Println(d.Describe())
	d.SetLegs(3)
	fmt.Println(d.Describe())
	fmt.Println(d.Sound(), d.Animal.Sound())
	var s Sounder = d
	fmt.Println(s.Sound())
	s = d.Animal
	fmt.Println(s.Sound())
	fmt.Printf("%+v\n", d)

	svc := Service{Logger: &Logger{"[svc] "}, Dog: d, id: 7}
	svc.Log("started")
	fmt.Println(svc.Name, svc.Describe(), svc.id)
	svc.prefix = "[new] "
	svc.Log("renamed")
}
