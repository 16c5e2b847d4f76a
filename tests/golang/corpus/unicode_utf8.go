package main

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界!"
	fmt.Println(len(s), utf8.RuneCountInString(s), utf8.RuneCount([]byte(s)))
	r, size := utf8.DecodeRuneInString(s[1:])
	fmt.Println(string(r), size)
	r, size = utf8.DecodeLastRuneInString(s)
	fmt.Println(string(r), size)
	r, size = utf8.DecodeRuneInString("\xff")
	fmt.Println(r == utf8.RuneError, size)
	fmt.Println(utf8.ValidString(s), utf8.ValidString("a\xffb"), utf8.RuneLen('世'), utf8.RuneLen('a'))
	buf := make([]byte, 4)
	n := utf8.EncodeRune(buf, '€')
	fmt.Println(buf[:n], n, utf8.UTFMax, utf8.RuneSelf)
	fmt.Println(string(utf8.AppendRune(nil, 'ß')), utf8.FullRune([]byte{0xe4, 0xb8}))
	for _, c := range "aZ5 !é世\t" {
		fmt.Printf("%q L%v U%v l%v D%v S%v P%v\n", c, unicode.IsLetter(c), unicode.IsUpper(c), unicode.IsLower(c), unicode.IsDigit(c), unicode.IsSpace(c), unicode.IsPunct(c))
	}
	fmt.Println(string(unicode.ToUpper('é')), string(unicode.ToLower('Σ')), unicode.Is(unicode.Han, '世'), unicode.IsNumber('½'))
}
