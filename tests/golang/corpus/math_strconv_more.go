// Go 1.19 functions of math and strconv that programs reach for less often: the inverse
// hyperbolic functions, Sincos, Logb, Ilogb and FMA; quoting that keeps graphic runes,
// UnquoteChar and QuotedPrefix.
package main

import (
	"fmt"
	"math"
	"strconv"
)

func main() {
	xs := []float64{0, math.Copysign(0, -1), 1e-300, 1e-9, 0.3, 0.5, 0.99, 1, 1.5, 2, 2.5, 10,
		1e10, 3e8, 1 << 29, 1e300, -0.7, -3, math.Inf(1), math.Inf(-1), math.NaN(),
		math.SmallestNonzeroFloat64, 5e-310}
	for _, x := range xs {
		s, c := math.Sincos(x)
		fmt.Println(x, math.Asinh(x), math.Acosh(x), math.Atanh(x), s, c,
			math.Logb(x), math.Ilogb(x))
	}
	fmt.Println(math.FMA(0.1, 10, -1), 0.1*10-1, math.FMA(1e308, 10, -1e308),
		math.FMA(2, 3, 4), math.FMA(math.Inf(1), 0, 1), math.FMA(-0.0, 1, 0))
	x, y := 1+0x1p-30, 1-0x1p-30
	fmt.Println(math.FMA(x, y, -1), x*y-1)

	for _, s := range []string{"a\u3000b\u00a0c\u2028d\t", "\xff\u200b", "日本\x7f"} {
		fmt.Println(strconv.QuoteToGraphic(s), strconv.Quote(s), strconv.QuoteToASCII(s))
		fmt.Println(string(strconv.AppendQuoteToGraphic([]byte("q:"), s)))
	}
	for _, r := range []rune{'\u3000', '\u00a0', '\t', 'x', 0x10ffff + 1, '\u2028'} {
		fmt.Println(strconv.QuoteRuneToGraphic(r), strconv.QuoteRune(r),
			string(strconv.AppendQuoteRuneToGraphic(nil, r)))
	}

	for _, c := range []struct {
		s string
		q byte
	}{
		{`\n rest`, '"'}, {`\x41BC`, '"'}, {`\u00e9!`, '"'}, {`\U0001F600`, '"'},
		{`\'x`, '\''}, {`\'x`, '"'}, {`"x`, '"'}, {`\377z`, '"'}, {`\400`, '"'},
		{"é€", '"'}, {"", '"'}, {`\q`, '"'}, {`\uD800`, '"'},
	} {
		v, mb, tail, err := strconv.UnquoteChar(c.s, c.q)
		fmt.Printf("%q %c: %d %v %q %v\n", c.s, c.q, v, mb, tail, err)
	}
	for _, s := range []string{`"abc" def`, "`raw\nx` y", `'a'b`, `'ab'`, `"a\"b" c`,
		`"unterminated`, `"new` + "\n" + `line"`, `x"a"`, `'\n'`, `""`, "``", `"\xff"`, `'`} {
		p, err := strconv.QuotedPrefix(s)
		fmt.Printf("%q %q %v\n", s, p, err)
	}
}
