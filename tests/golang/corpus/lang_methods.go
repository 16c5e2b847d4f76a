package main

import "fmt"

type Counter struct {
	name string
	n    int
}

func (c Counter) Value() int { return c.n }
func (c *Counter) Inc()      { c.n++ }
func (c Counter) IncCopy()   { c.n++ }

type MyInt int

func (m MyInt) Double() MyInt { return m * 2 }
func (m *MyInt) Set(v int)    { *m = MyInt(v) }

func main() {
	c := Counter{name: "a"}
	c.Inc()
	c.Inc()
	c.IncCopy()
	fmt.Println(c.Value(), c.n)

	p := &c
	p.Inc()
	fmt.Println(p.Value(), c.n)

	// Method values bind the receiver when they are evaluated.
	val := c.Value
	inc := c.Inc
	inc()
	inc()
	fmt.Println(val(), c.Value())

	// Method expressions take the receiver as the first argument.
	f := Counter.Value
	g := (*Counter).Inc
	g(&c)
	fmt.Println(f(c))

	var m MyInt = 21
	fmt.Println(m.Double())
	m.Set(5)
	fmt.Println(m, MyInt.Double(m))
	d := m.Double
	m = 100
	fmt.Println(d())

	cs := []Counter{{"x", 1}, {"y", 2}}
	for i := range cs {
		cs[i].Inc()
	}
	for _, cc := range cs {
		cc.Inc()
	}
	fmt.Println(cs)
}
