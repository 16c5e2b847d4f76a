package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

func main() {
	var (
		i   int
		j   int8
		u   uint
		f   float64
		f32 float32
		s   string
		b   bool
		bs  []byte
		r   rune
		h   int64
	)
	show := func(n int, err error) { fmt.Printf("n=%d err=%v\n", n, err) }

	show(fmt.Sscan("42 -7 3.5e2 hello true", &i, &j, &f, &s, &b))
	fmt.Println(i, j, f, s, b)
	show(fmt.Sscan("  1\n\n  2  ", &i, &h))
	fmt.Println(i, h)
	show(fmt.Sscan("", &i))
	show(fmt.Sscan("   ", &i))
	show(fmt.Sscan("5", &i, &s))
	show(fmt.Sscan("abc", &i))
	show(fmt.Sscan("300", &j))
	show(fmt.Sscan("-1", &u))
	show(fmt.Sscan("99999999999999999999", &i))
	show(fmt.Sscan("0x1F 0b101 0o17 017", &i, &h, &u, &j))
	fmt.Println(i, h, u, j)
	show(fmt.Sscan("yes", &b))
	show(fmt.Sscan("1.5 x", &f32, &bs))
	fmt.Println(f32, string(bs))
	show(fmt.Sscan("nan", &f))
	show(fmt.Sscan("1e", &f))

	show(fmt.Sscanln("1 2\n3", &i, &h))
	fmt.Println(i, h)
	show(fmt.Sscanln("1\n2", &i, &h))
	show(fmt.Sscanln("1 2 3", &i, &h))
	show(fmt.Sscanln("4 5  \n", &i, &h))
	fmt.Println(i, h)
	show(fmt.Sscanln("", &i))

	show(fmt.Sscanf("10-20", "%d-%d", &i, &h))
	fmt.Println(i, h)
	show(fmt.Sscanf("name: bob age: 31", "name: %s age: %d", &s, &i))
	fmt.Println(s, i)
	show(fmt.Sscanf("ff 777 101", "%x %o %b", &i, &h, &u))
	fmt.Println(i, h, u)
	show(fmt.Sscanf("x=1", "y=%d", &i))
	show(fmt.Sscanf("1 2", "%d", &i, &h))
	show(fmt.Sscanf("1", "%d %d", &i, &h))
	show(fmt.Sscanf("1", "%d %d", &i))
	show(fmt.Sscanf("ab", "%c%c", &r, &i))
	fmt.Println(string(r), i)
	show(fmt.Sscanf("50%", "%d%%", &i))
	show(fmt.Sscanf(`"quoted str" 3`, "%q %d", &s, &i))
	fmt.Println(s, i)
	show(fmt.Sscanf("3.25 true", "%f %t", &f, &b))
	fmt.Println(f, b)
	show(fmt.Sscanf("1\n2", "%d %d", &i, &h))
	show(fmt.Sscanf("1\n2", "%d\n%d", &i, &h))
	fmt.Println(i, h)
	show(fmt.Sscanf("7", "%v", &i))
	show(fmt.Sscanf("7", "%5d", &i))

	// Reading from a reader, one value at a time.
	rd := bufio.NewReader(strings.NewReader("3\n10 20 30\nrest of line\n"))
	var n int
	fmt.Fscan(rd, &n)
	sum := 0
	for k := 0; k < n; k++ {
		var v int
		fmt.Fscan(rd, &v)
		sum += v
	}
	line, _ := rd.ReadString('\n')
	line2, _ := rd.ReadString('\n')
	fmt.Printf("%d %q %q\n", sum, line, line2)
	plain := strings.NewReader("1 2")
	show(fmt.Fscanln(io.MultiReader(plain), &i, &h))
	show(fmt.Fscanf(strings.NewReader("8:9"), "%d:%d", &i, &h))
	fmt.Println(i, h)

	// The standard input is empty.
	show(fmt.Scan(&i))
	show(fmt.Scanln(&i))
	show(fmt.Scanf("%d", &i))
}
