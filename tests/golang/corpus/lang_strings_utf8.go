package main

import "fmt"

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), s[0], s[1], s[2], string(s[0]))
	for i, r := range s {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println()
	for i := 0; i < 3; i++ {
		fmt.Printf("%d=%x ", i, s[i])
	}
	fmt.Println()
	bs := []byte(s)
	rs := []rune(s)
	fmt.Println(len(bs), len(rs), rs[1], string(rs[1]), string(rs[7:]))
	fmt.Println(bs[:3])
	bs[0] = 'H'
	fmt.Println(string(bs), s)
	fmt.Println(string(rune(65)), string(rune(0x4e16)), string(rune(-1)))
	fmt.Println(s[7:], s[:1]+s[3:6])
	bad := "a\xffb"
	for i, r := range bad {
		fmt.Println(i, r, string(r))
	}
	fmt.Println(len(bad), []rune(bad))
	fmt.Println("a" < "b", "abc" < "abd", "Z" < "a", "" < "a", "héllo" == s[:6])
	t := "x"
	t += "yz"
	fmt.Println(t, t[1:], len(t))
	raw := `a\nb
c`
	fmt.Println(raw, len(raw))
	fmt.Println("tab\tq\"uote\\ \u00e9 \U0001F600 \x41")
}
