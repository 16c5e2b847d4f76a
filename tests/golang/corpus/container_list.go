package main

import (
	"container/list"
	"fmt"
)

func show(l *list.List) {
	fmt.Print(l.Len(), ":")
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Print(" ", e.Value)
	}
	fmt.Print(" |")
	for e := l.Back(); e != nil; e = e.Prev() {
		fmt.Print(" ", e.Value)
	}
	fmt.Println()
}

// An LRU cache, the list's best-known use.
type LRU struct {
	cap   int
	order *list.List
	items map[string]*list.Element
}

type entry struct {
	key string
	val int
}

func (c *LRU) Get(k string) (int, bool) {
	if e, ok := c.items[k]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*entry).val, true
	}
	return 0, false
}

func (c *LRU) Put(k string, v int) {
	if e, ok := c.items[k]; ok {
		e.Value.(*entry).val = v
		c.order.MoveToFront(e)
		return
	}
	c.items[k] = c.order.PushFront(&entry{k, v})
	if c.order.Len() > c.cap {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.items, last.Value.(*entry).key)
	}
}

func main() {
	var l list.List // the zero List is ready
	show(&l)
	e4 := l.PushBack(4)
	e1 := l.PushFront(1)
	l.InsertBefore(3, e4)
	l.InsertAfter(2, e1)
	show(&l)
	l.MoveToBack(e1)
	l.MoveToFront(e4)
	show(&l)
	l.MoveBefore(e1, e4)
	l.MoveAfter(e4, l.Back())
	show(&l)
	fmt.Println(l.Remove(e1), l.Remove(e1), e1.Next(), e1.Prev())
	show(&l)

	other := list.New()
	other.PushBack("x")
	fmt.Println(other.InsertBefore("y", e4), l.Len())
	l.MoveToFront(other.Front()) // not in l: nothing moves
	l.PushBackList(other)
	l.PushFrontList(&l)
	show(&l)
	l.Init()
	show(&l)

	c := &LRU{cap: 2, order: list.New(), items: map[string]*list.Element{}}
	c.Put("a", 1)
	c.Put("b", 2)
	c.Get("a")
	c.Put("c", 3)
	_, okb := c.Get("b")
	va, oka := c.Get("a")
	fmt.Println(okb, va, oka, c.order.Len())
}
