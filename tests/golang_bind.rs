//! The standard library's natives, end to end: small Go programs run by the interpreter, whose
//! output is compared with what Go 1.19 printed for them (`go run`, recorded below). Each
//! program groups the functions of one package or two.

use chanlab::golang::{run, RunOptions, RunResult};
use chanlab::rt::Stream;

fn run_with_seed(source: &str, seed: u64) -> RunResult {
    let options = RunOptions {
        seed,
        ..RunOptions::default()
    };
    run(source, &options)
}

/// Runs `source` and checks that it exits with 0 and prints `want` on stdout.
fn prints(source: &str, want: &str) {
    let r = run_with_seed(source, 1);
    let (out, err) = (r.text(Stream::Stdout), r.text(Stream::Stderr));
    assert_eq!(r.exit_code, 0, "stdout:\n{out}\nstderr:\n{err}");
    if out != want {
        for (i, (got, want)) in out.lines().zip(want.lines()).enumerate() {
            assert_eq!(got, want, "line {}", i + 1);
        }
        assert_eq!(out, want);
    }
}

/// strings: searching, splitting, joining, replacing, case, trimming, Replacer, Repeat's panic.
#[test]
fn strings_prints_what_go_prints() {
    prints(
        r#"package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	s := "Hello, Wörld! héllo wörld"
	fmt.Println(strings.Count(s, "l"), strings.Count(s, ""), strings.Index(s, "wö"), strings.LastIndex(s, "l"))
	fmt.Println(strings.IndexAny(s, "öx"), strings.LastIndexAny(s, "öx"), strings.IndexByte(s, 'W'), strings.LastIndexByte(s, 'o'), strings.IndexRune(s, 'ö'))
	fmt.Println(strings.EqualFold("Straße", "STRAßE"), strings.EqualFold("Go", "GO"), strings.EqualFold("a", "b"))
	fmt.Printf("%q\n", strings.Fields("  a b\t c\n "))
	fmt.Printf("%q %q %q\n", strings.Split("a,b,,c", ","), strings.SplitAfter("a,b,c", ","), strings.SplitN("a,b,c,d", ",", 2))
	fmt.Println(strings.SplitN("a,b", ",", 0) == nil, len(strings.Split("", ",")))
	fmt.Printf("%q\n", strings.Split("héllo", ""))
	fmt.Println(strings.Join([]string{"x", "y", "z"}, "-"), strings.Join(nil, ","), strings.Repeat("ab", 3), strings.Repeat("x", 0))
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2), strings.Replace("oink oink", "oink", "moo", -1), strings.ReplaceAll("abc", "", "-"))
	fmt.Println(strings.Title("hello wide world"), strings.ToTitle("loud noises"), strings.ToLower("ÀB C"), strings.ToUpper("àb ǆ"))
	fmt.Printf("[%s] [%s] [%s] [%s]\n", strings.Trim("xxhixx", "x"), strings.TrimLeft("xxhixx", "x"), strings.TrimRight("xxhixx", "x"), strings.TrimSpace("\t hi there \n"))
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;")
	fmt.Println(r.Replace("<b>bold</b>"))
	fmt.Println(strings.Contains(s, "Wö"), strings.ContainsAny(s, "xyz"), strings.ContainsRune(s, 'é'), strings.HasSuffix(s, "wörld"))
	before, after, found := strings.Cut("key=value", "=")
	fmt.Println(before, after, found)
	fmt.Println(strings.Map(func(r rune) rune {
		if r == 'l' {
			return -1
		}
		return unicode.ToUpper(r)
	}, "hello"))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		strings.Repeat("x", -1)
	}()

}
"#,
        r#"6 26 22 26
8 23 7 20 8
true true false
["a" "b" "c"]
["a" "b" "" "c"] ["a," "b," "c"] ["a" "b,c,d"]
true 1
["h" "é" "l" "l" "o"]
x-y-z  ababab 
oinky oinky oink moo moo -a-b-c-
Hello Wide World LOUD NOISES àb c ÀB Ǆ
[hi] [hixx] [xxhi] [hi there]
&lt;b&gt;bold&lt;/b&gt;
true false true true
key value true
HEO
recovered: strings: negative Repeat count
"#,
    );
}

/// unicode's classes and case mappings; unicode/utf8's decoding, encoding and validation.
#[test]
fn unicode_prints_what_go_prints() {
    prints(
        r#"package main

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

func main() {
	for _, c := range []rune{'a', 'Z', '5', ' ', '!', '+', 'é', 'ǅ', '\u0301', '\u00a0', '\n', '½', '€'} {
		fmt.Print(unicode.IsLetter(c), unicode.IsDigit(c), unicode.IsNumber(c), unicode.IsSpace(c), unicode.IsPunct(c), unicode.IsSymbol(c),
			unicode.IsUpper(c), unicode.IsLower(c), unicode.IsTitle(c), unicode.IsMark(c), unicode.IsPrint(c), unicode.IsGraphic(c), unicode.IsControl(c), " ")
		fmt.Println(string(unicode.ToUpper(c)), string(unicode.ToLower(c)), string(unicode.ToTitle(c)))
	}

	b := []byte("héllo, 世界")
	r1, n1 := utf8.DecodeRune(b)
	r2, n2 := utf8.DecodeRuneInString("世界")
	r3, n3 := utf8.DecodeLastRune(b)
	r4, n4 := utf8.DecodeLastRuneInString("héllo")
	r5, n5 := utf8.DecodeRune([]byte{0xff, 'a'})
	r6, n6 := utf8.DecodeRuneInString("")
	fmt.Println(r1, n1, r2, n2, r3, n3, r4, n4, r5, n5, r6, n6)
	buf := make([]byte, 4)
	fmt.Println(utf8.EncodeRune(buf, '世'), buf, utf8.EncodeRune(buf, 0xD800), buf)
	fmt.Println(utf8.FullRune([]byte{0xe4, 0xb8}), utf8.FullRuneInString("世"), utf8.Valid(b), utf8.Valid([]byte{0xc3}), utf8.ValidString("ok"), utf8.ValidString("\xed\xa0\x80"))
	fmt.Println(utf8.RuneLen('世'), utf8.RuneCountInString("héllo"), utf8.ValidRune(0x10FFFF), utf8.RuneStart(0x80))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		utf8.EncodeRune(make([]byte, 1), 'é')
	}()
	vowels := &unicode.RangeTable{R16: []unicode.Range16{{'a', 'a', 1}, {'e', 'e', 1}, {'i', 'o', 6}, {'u', 'u', 1}}, R32: []unicode.Range32{{0x1F600, 0x1F64F, 1}}}
	for _, r := range "aexo😀é世ア한λ " {
		fmt.Println(unicode.Is(vowels, r), unicode.Is(unicode.Han, r), unicode.In(r, unicode.Katakana, unicode.Hangul), unicode.IsOneOf([]*unicode.RangeTable{unicode.Greek, unicode.Latin}, r), unicode.Is(unicode.L, r), unicode.Is(unicode.White_Space, r))
	}
}
"#,
        r#"true false false false false false false true false false true true false A a A
true false false false false false true false false false true true false Z z Z
false true true false false false false false false false true true false 5 5 5
false false false true false false false false false false true true false      
false false false false true false false false false false true true false ! ! !
false false false false false true false false false false true true false + + +
true false false false false false false true false false true true false É é É
true false false false false false false false true false true true false Ǆ ǆ ǅ
false false false false false false false false false true true true false ́ ́ ́
false false false true false false false false false false false true false      
false false false true false false false false false false false false true 
 
 

false false true false false false false false false false true true false ½ ½ ½
false false false false false true false false false false true true false € € €
104 1 19990 3 30028 3 111 1 65533 1 65533 0
3 [239 191 189 0] 3 [239 191 189 0]
false true true false true false
3 5 true false
recovered: runtime error: index out of range [1] with length 1
true false false true true false
true false false true true false
false false false true true false
true false false true true false
true false false false false false
false false false true true false
false true false false true false
false false true false true false
false false true false true false
false false false true true false
false false false false false true
"#,
    );
}

/// strconv: parsing with Go's errors, formatting (and its panics), quoting.
#[test]
fn strconv_prints_what_go_prints() {
    prints(
        r#"package main

import (
	"errors"
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"42", "-17", "0x1F", "abc", "99999999999999999999", "", "1_000"} {
		i, err := strconv.Atoi(s)
		fmt.Println(i, err)
		j, err := strconv.ParseInt(s, 0, 64)
		fmt.Println(j, err)
	}
	v, err := strconv.ParseInt("300", 10, 8)
	fmt.Println(v, err, errors.Is(err, strconv.ErrRange))
	_, err = strconv.ParseInt("1", 1, 64)
	fmt.Println(err)
	_, err = strconv.ParseInt("1", 10, 65)
	fmt.Println(err)
	u, err := strconv.ParseUint("18446744073709551615", 10, 64)
	fmt.Println(u, err)
	u, err = strconv.ParseUint("-1", 10, 64)
	fmt.Println(u, err)
	for _, s := range []string{"3.14", "1e10", "-0", "inf", "NaN", "1e400", "x1", "0x1p-2", ".5"} {
		f, err := strconv.ParseFloat(s, 64)
		fmt.Println(f, err)
	}
	f32, err := strconv.ParseFloat("3.4e39", 32)
	fmt.Println(f32, err)
	b, err := strconv.ParseBool("maybe")
	fmt.Println(b, err)
	fmt.Println(strconv.Itoa(-45), strconv.FormatInt(-255, 16), strconv.FormatInt(35, 36), strconv.FormatUint(1<<64-1, 2), strconv.FormatBool(true))
	for _, f := range []float64{3.14159, 1e21, 0.000001234, -2.5, 100} {
		fmt.Println(strconv.FormatFloat(f, 'f', -1, 64), strconv.FormatFloat(f, 'e', 3, 64), strconv.FormatFloat(f, 'g', -1, 32), strconv.FormatFloat(f, 'f', 2, 64), strconv.FormatFloat(f, 'x', -1, 64))
	}
	fmt.Println(strconv.Quote("héllo\n\"wörld\"\x00"), strconv.QuoteToASCII("héllo☺\n"), strconv.QuoteRune('☺'), strconv.QuoteRune('\n'))
	for _, q := range []string{`"a\tb"`, "`raw\\n`", `'x'`, `"bad`, `'ab'`, `"\u263a"`} {
		s, err := strconv.Unquote(q)
		fmt.Printf("%q %v\n", s, err)
	}
	fmt.Println(string(strconv.AppendInt([]byte("n="), 42, 10)), string(strconv.AppendQuote(nil, "q")))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		strconv.FormatInt(1, 1)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		strconv.FormatFloat(1, 'g', -1, 16)
	}()
	var ne *strconv.NumError
	_, err = strconv.Atoi("zz")
	fmt.Println(errors.As(err, &ne), ne.Func, ne.Num, ne.Err)
}
"#,
        r#"42 <nil>
42 <nil>
-17 <nil>
-17 <nil>
0 strconv.Atoi: parsing "0x1F": invalid syntax
31 <nil>
0 strconv.Atoi: parsing "abc": invalid syntax
0 strconv.ParseInt: parsing "abc": invalid syntax
9223372036854775807 strconv.Atoi: parsing "99999999999999999999": value out of range
9223372036854775807 strconv.ParseInt: parsing "99999999999999999999": value out of range
0 strconv.Atoi: parsing "": invalid syntax
0 strconv.ParseInt: parsing "": invalid syntax
0 strconv.Atoi: parsing "1_000": invalid syntax
1000 <nil>
127 strconv.ParseInt: parsing "300": value out of range true
strconv.ParseInt: parsing "1": invalid base 1
strconv.ParseInt: parsing "1": invalid bit size 65
18446744073709551615 <nil>
0 strconv.ParseUint: parsing "-1": invalid syntax
3.14 <nil>
1e+10 <nil>
-0 <nil>
+Inf <nil>
NaN <nil>
+Inf strconv.ParseFloat: parsing "1e400": value out of range
0 strconv.ParseFloat: parsing "x1": invalid syntax
0.25 <nil>
0.5 <nil>
+Inf strconv.ParseFloat: parsing "3.4e39": value out of range
false strconv.ParseBool: parsing "maybe": invalid syntax
-45 -ff z 1111111111111111111111111111111111111111111111111111111111111111 true
3.14159 3.142e+00 3.14159 3.14 0x1.921f9f01b866ep+01
1000000000000000000000 1.000e+21 1e+21 1000000000000000000000.00 0x1.b1ae4d6e2ef5p+69
0.000001234 1.234e-06 1.234e-06 0.00 0x1.4b3fd5942cd96p-20
-2.5 -2.500e+00 -2.5 -2.50 -0x1.4p+01
100 1.000e+02 100 100.00 0x1.9p+06
"héllo\n\"wörld\"\x00" "h\u00e9llo\u263a\n" '☺' '\n'
"a\tb" <nil>
"raw\\n" <nil>
"x" <nil>
"" invalid syntax
"" invalid syntax
"☺" <nil>
n=42 "q"
recovered: strconv: illegal AppendInt/FormatInt base
recovered: strconv: illegal AppendFloat/FormatFloat bitSize
true Atoi zz invalid syntax
"#,
    );
}

/// math: every function on special and ordinary values, bits, constants.
#[test]
fn math_prints_what_go_prints() {
    prints(
        r#"package main

import (
	"fmt"
	"math"
)

func main() {
	xs := []float64{0, -0.5, 2.5, -3.7, 100, 1e-10, math.Inf(1), math.Inf(-1), math.NaN()}
	for _, x := range xs {
		fmt.Println(x, math.Sin(x), math.Cos(x), math.Tan(x), math.Asin(x), math.Acos(x), math.Atan(x), math.Atan2(x, -1))
		fmt.Println(math.Sinh(x), math.Cosh(x), math.Tanh(x), math.Cbrt(x), math.Sqrt(x), math.Exp(x), math.Exp2(x), math.Log(x), math.Log10(x), math.Log2(x), math.Log1p(x))
		i, f := math.Modf(x)
		fmt.Println(math.Floor(x), math.Ceil(x), math.Trunc(x), math.Round(x), math.RoundToEven(x), math.Abs(x), i, f, math.Signbit(x), math.Copysign(3, x))
		fmt.Println(math.Pow(x, 2.5), math.Pow(2, x), math.Hypot(x, 4), math.Mod(x, 3), math.Remainder(x, 3), math.Max(x, 1), math.Min(x, 1), math.Dim(x, 1), math.IsNaN(x), math.IsInf(x, 0))
	}
	fmt.Println(math.Pow10(3), math.Pow10(-2), math.Pow10(400), math.Pow10(-400), math.Inf(-1), math.NaN())
	fmt.Println(math.Float64bits(1.5), math.Float64frombits(0x4000000000000000), math.Float32bits(1.5), math.Float32frombits(0x3fc00000), math.Float64bits(math.NaN()))
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxUint32, math.Pi, math.E, math.MaxFloat64, math.SmallestNonzeroFloat64, math.MaxFloat32)
	fmt.Printf("%.4f %.4f %v\n", math.Sqrt2, math.Phi, math.Floor(-0.5))
	frac, exp := math.Frexp(-24)
	fmt.Println(frac, exp, math.Ldexp(0.75, 5), math.Ldexp(1, -1075), math.Ldexp(1, 1024))
}
"#,
        r#"0 0 1 0 0 1.5707963267948966 0 3.141592653589793
0 1 0 0 0 1 1 -Inf -Inf -Inf 0
0 0 0 0 0 0 0 0 false 3
0 1 4 0 0 1 0 0 false false
-0.5 -0.479425538604203 0.8775825618903728 -0.5463024898437905 -0.5235987755982989 2.0943951023931957 -0.4636476090008061 -2.677945044588987
-0.5210953054937474 1.1276259652063807 -0.46211715726000974 -0.7937005259840997 NaN 0.6065306597126334 0.7071067811865475 NaN NaN NaN -0.6931471805599453
-1 -0 -0 -1 -0 0.5 -0 -0.5 true -3
NaN 0.7071067811865475 4.031128874149275 -0.5 -0.5 1 -0.5 0 false false
2.5 0.5984721441039564 -0.8011436155469337 -0.7470222972386603 NaN NaN 1.1902899496825317 1.9513027039072615
6.0502044810397875 6.132289479663686 0.9866142981514303 1.3572088082974534 1.5811388300841898 12.182493960703473 5.65685424949238 0.9162907318741551 0.3979400086720376 1.3219280948873622 1.252762968495368
2 3 2 3 2 2.5 2 0.5 false 3
9.882117688026186 5.65685424949238 4.716990566028302 2.5 -0.5 2.5 1 1.5 false false
-3.7 0.5298361409084934 -0.848100031710408 -0.6247330752245639 NaN NaN -1.306832603169192 -1.8347600504206012
-20.21129041679853 20.23601394326887 -0.9987782412811312 -1.5466803737720356 NaN 0.024723526470339388 0.07694652583405726 NaN NaN NaN NaN
-4 -3 -3 -4 -4 3.7 -3 -0.7000000000000002 true -3
NaN 0.07694652583405726 5.448853090330111 -0.7000000000000002 -0.7000000000000002 1 -3.7 0 false false
100 -0.5063656411097588 0.8623188722876839 -0.587213915156929 NaN NaN 1.5607966601082313 1.5807959934815619
1.3440585709080678e+43 1.3440585709080678e+43 1 4.641588833612778 10 2.6881171418161356e+43 1.2676506002282294e+30 4.605170185988092 2 6.643856189774724 4.61512051684126
100 100 100 100 100 100 100 0 false 3
100000.00000000001 1.2676506002282294e+30 100.07996802557444 1 1 100 1 99 false false
1e-10 1e-10 1 1e-10 1e-10 1.5707963266948965 1e-10 3.141592653489793
1.0000000000000002e-10 1 1e-10 0.0004641588833612779 1e-05 1.0000000001 1.0000000000693148 -23.025850929940457 -10 -33.219280948873624 9.999999999500001e-11
0 1 0 0 0 1e-10 0 1e-10 false 3
1e-25 1.0000000000693148 4 1e-10 1e-10 1 1e-10 0 false false
+Inf NaN NaN NaN NaN NaN 1.5707963267948966 1.5707963267948966
+Inf +Inf 1 +Inf +Inf +Inf +Inf +Inf +Inf +Inf +Inf
+Inf +Inf +Inf +Inf +Inf +Inf +Inf NaN false 3
+Inf +Inf +Inf NaN NaN +Inf 1 +Inf false true
-Inf NaN NaN NaN NaN NaN -1.5707963267948966 -1.5707963267948966
-Inf +Inf -1 -Inf NaN 0 0 NaN NaN NaN NaN
-Inf -Inf -Inf -Inf -Inf +Inf -Inf NaN true -3
+Inf 0 +Inf NaN NaN 1 -Inf 0 false true
NaN NaN NaN NaN NaN NaN NaN NaN
NaN NaN NaN NaN NaN NaN NaN NaN NaN NaN NaN
NaN NaN NaN NaN NaN NaN NaN NaN false 3
NaN NaN NaN NaN NaN NaN NaN NaN true false
1000 0.01 +Inf 0 -Inf NaN
4609434218613702656 2 1069547520 1.5 9221120237041090561
9223372036854775807 -9223372036854775808 4294967295 3.141592653589793 2.718281828459045 1.7976931348623157e+308 5e-324 3.4028234663852886e+38
1.4142 1.6180 -1
-0.75 5 24 0 +Inf
"#,
    );
}

/// sort: Slice (pdqsort's order for equal elements), Sort, SliceStable, searching, reflect's panics.
#[test]
fn sort_prints_what_go_prints() {
    prints(
        r#"package main

import (
	"errors"
	"fmt"
	"sort"
)

type person struct {
	name string
	age  int
}

type byAge []person

func (a byAge) Len() int           { return len(a) }
func (a byAge) Less(i, j int) bool { return a[i].age < a[j].age }
func (a byAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

func main() {
	people := []person{{"a", 30}, {"b", 20}, {"c", 30}, {"d", 10}, {"e", 20}, {"f", 30}, {"g", 20}, {"h", 10}, {"i", 30}, {"j", 20}, {"k", 10}, {"l", 30}, {"m", 20}, {"n", 10}, {"o", 30}}
	p2 := append([]person(nil), people...)
	p3 := append([]person(nil), people...)
	sort.Slice(people, func(i, j int) bool { return people[i].age < people[j].age })
	fmt.Println(people)
	sort.Sort(byAge(p2))
	fmt.Println(p2)
	sort.SliceStable(p3, func(i, j int) bool { return p3[i].age < p3[j].age })
	fmt.Println(p3)
	first := &p3[0]
	sort.Slice(p3, func(i, j int) bool { return p3[i].name > p3[j].name })
	fmt.Println(*first, p3[0], sort.SliceIsSorted(p3, func(i, j int) bool { return p3[i].name > p3[j].name }))
	xs := []int{5, 2, 8, 1, 9, 3, 7, 4, 6, 0, 15, 12, 11, 14, 13, 10, 20, 19, 18, 17, 16}
	sort.Ints(xs)
	fmt.Println(xs, sort.SearchInts(xs, 7), sort.IntsAreSorted(xs))
	sort.Sort(sort.Reverse(sort.IntSlice(xs)))
	fmt.Println(xs)
	big := make([]int, 200)
	for i := range big {
		big[i] = (i * 7919) % 61
	}
	idx := make([]int, len(big))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return big[idx[a]] < big[idx[b]] })
	fmt.Println(idx[:40])
	ss := []string{"pear", "apple", "fig"}
	sort.Strings(ss)
	fl := []float64{2.5, -1, 3}
	sort.Float64s(fl)
	fmt.Println(ss, fl)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		sort.Slice(42, func(i, j int) bool { return false })
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		sort.SliceIsSorted("x", func(i, j int) bool { return false })
	}()
	_ = errors.New
}
"#,
        r#"[{h 10} {n 10} {k 10} {d 10} {g 20} {e 20} {j 20} {m 20} {b 20} {f 30} {a 30} {i 30} {c 30} {l 30} {o 30}]
[{h 10} {n 10} {k 10} {d 10} {g 20} {e 20} {j 20} {m 20} {b 20} {f 30} {a 30} {i 30} {c 30} {l 30} {o 30}]
[{d 10} {h 10} {k 10} {n 10} {b 20} {e 20} {g 20} {j 20} {m 20} {a 30} {c 30} {f 30} {i 30} {l 30} {o 30}]
{o 30} {o 30} true
[0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20] 7 true
[20 19 18 17 16 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0]
[61 183 0 122 11 133 72 194 22 83 144 33 94 155 166 105 44 116 177 55 188 66 127 5 138 199 77 16 27 149 88 160 38 99 171 110 49 182 60 121]
[apple fig pear] [-1 2.5 3]
recovered: reflect: call of Swapper on int Value
recovered: <nil>
"#,
    );
}

/// errors: As through wrapping (pointers, values, interfaces, As methods), Is, its target panics.
#[test]
fn errors_prints_what_go_prints() {
    prints(
        r#"package main

import (
	"errors"
	"fmt"
	"strconv"
)

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return "my error " + strconv.Itoa(e.Code) }

type ValErr struct{ S string }

func (e ValErr) Error() string { return "val " + e.S }

type Temporary interface{ Temporary() bool }

type tempErr struct{}

func (tempErr) Error() string   { return "temp" }
func (tempErr) Temporary() bool { return true }

type sliceErr []int

func (sliceErr) Error() string { return "slice" }

type asErr struct{}

func (asErr) Error() string { return "asErr" }
func (asErr) As(target any) bool {
	if p, ok := target.(*ValErr); ok {
		*p = ValErr{"from As"}
		return true
	}
	return false
}

func main() {
	base := &MyErr{42}
	wrapped := fmt.Errorf("context: %w", base)
	twice := fmt.Errorf("outer: %w", wrapped)
	var me *MyErr
	fmt.Println(errors.As(twice, &me), me.Code, me == base)
	var ve ValErr
	fmt.Println(errors.As(twice, &ve), ve.S)
	fmt.Println(errors.As(fmt.Errorf("x: %w", ValErr{"inner"}), &ve), ve.S)
	var tmp Temporary
	fmt.Println(errors.As(fmt.Errorf("w: %w", tempErr{}), &tmp), tmp != nil && tmp.Temporary())
	var anyErr error
	fmt.Println(errors.As(twice, &anyErr), anyErr)
	fmt.Println(errors.As(asErr{}, &ve), ve.S)
	fmt.Println(errors.Is(twice, base), errors.Is(twice, &MyErr{42}), errors.Unwrap(twice) == wrapped, errors.Unwrap(base) == nil)
	s1 := sliceErr{1}
	fmt.Println(errors.Is(s1, s1), errors.Is(fmt.Errorf("%w", s1), sliceErr{1}))
	for _, target := range []any{nil, me, 5, &base, new(int)} {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			fmt.Println(errors.As(twice, target))
		}()
	}
	var nilPtr *ValErr
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		errors.As(twice, nilPtr)
	}()
}
"#,
        r#"true 42 true
false 
true inner
true true
true outer: context: my error 42
true from As
true false true true
false false
recovered: errors: target cannot be nil
recovered: errors: *target must be interface or implement error
recovered: errors: target must be a non-nil pointer
true
recovered: <nil>
recovered: errors: *target must be interface or implement error
recovered: errors: target must be a non-nil pointer
"#,
    );
}

/// time: Time.String, Format layouts, calendar fields, Month and Weekday names, ParseDuration.
#[test]
fn time_prints_what_go_prints() {
    prints(
        r#"package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Unix(1257894000, 0)
	fmt.Println(t)
	fmt.Println(t.Add(90*time.Minute + 1500*time.Millisecond).String())
	fmt.Println(t.Format(time.RFC3339), t.Format(time.Kitchen), t.Format(time.ANSIC), t.Format(time.RFC1123), t.Format(time.StampMilli))
	fmt.Println(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Weekday())
	u := time.Unix(951782400, 0) // 2000-02-29
	fmt.Println(u.Format("Monday, January 2, 2006 at 3:04pm (MST) day 002"), u.Weekday().String(), u.Month().String())
	fmt.Println(time.Month(13), time.Weekday(9), time.March, time.Saturday)
	fmt.Printf("%v %s %d\n", time.April, time.Friday, time.April)
	for _, s := range []string{"1h30m", "1.5s", "-2m3.5s", "100", "x", "3 s"} {
		d, err := time.ParseDuration(s)
		fmt.Println(d, err)
	}
	fmt.Println(time.Unix(0, 0).Format("2006-01-02 15:04:05"))
	fmt.Println(u.YearDay(), t.YearDay(), t.UTC().Format(time.RFC1123Z), t.Local().Format(time.StampNano))
}
"#,
        r#"2009-11-10 23:00:00 +0000 UTC
2009-11-11 00:30:01.5 +0000 UTC
2009-11-10T23:00:00Z 11:00PM Tue Nov 10 23:00:00 2009 Tue, 10 Nov 2009 23:00:00 UTC Nov 10 23:00:00.000
2009 November 10 23 0 0 Tuesday
Tuesday, February 29, 2000 at 12:00am (UTC) day 060 Tuesday February
%!Month(13) %!Weekday(9) March Saturday
April Friday 4
1h30m0s <nil>
1.5s <nil>
-2m3.5s <nil>
0s time: missing unit in duration "100"
0s time: invalid duration "x"
0s time: unknown unit " s" in duration "3 s"
1970-01-01 00:00:00
60 314 Tue, 10 Nov 2009 23:00:00 +0000 Nov 10 23:00:00.000000000
"#,
    );
}

/// time: a Time from Now, or from a timer, carries Go's monotonic clock reading, which String
/// prints after the wall time; in sim mode it is the virtual time since the program started
/// plus one nanosecond, as on Go's playground, whose clock is virtual too. Add keeps it,
/// Round(0) and the zone changes drop it, and `==` sees it (the properties are checked against
/// Go 1.19 by the corpus program time_monotonic).
#[test]
fn a_time_from_now_prints_its_monotonic_reading() {
    prints(
        r#"package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	fmt.Println(start)
	time.Sleep(1500 * time.Millisecond)
	fmt.Println(time.Now())
	fmt.Println(<-time.After(time.Millisecond))
	fmt.Println(start.Add(-time.Hour))
	fmt.Println(start.Round(0), start.UTC(), start == start.Round(0), start.Equal(start.Round(0)))
	fmt.Printf("%v|%s\n", start.Add(time.Nanosecond), start.Format(time.Kitchen))
}
"#,
        r#"2009-11-10 23:00:00 +0000 UTC m=+0.000000001
2009-11-10 23:00:01.5 +0000 UTC m=+1.500000001
2009-11-10 23:00:01.501 +0000 UTC m=+1.501000001
2009-11-10 22:00:00 +0000 UTC m=-3599.999999999
2009-11-10 23:00:00 +0000 UTC 2009-11-10 23:00:00 +0000 UTC false true
2009-11-10 23:00:00.000000001 +0000 UTC m=+0.000000002|11:00PM
"#,
    );
}

/// os: Write and WriteString on Stdout and Stderr (with fmt.Fprint*), the errors of a nil
/// File and of Stdin, Exit's status. (`go run` reports the status as `exit status 3` and
/// exits with 1; the program's own status is 3.)
#[test]
fn os_writes_as_go_does() {
    let r = run_with_seed(
        r#"package main

import (
	"fmt"
	"os"
)

func main() {
	n, err := os.Stdout.Write([]byte("hello\n"))
	fmt.Println(n, err)
	n, err = os.Stdout.WriteString("wörld\n")
	fmt.Println(n, err)
	n, err = os.Stderr.WriteString("to stderr\n")
	fmt.Println(n, err)
	fmt.Fprintln(os.Stdout, "via Fprintln", 42)
	fmt.Fprintf(os.Stderr, "err %d\n", 7)
	var f *os.File
	_, err = f.Write([]byte("x"))
	fmt.Println(err, err == os.ErrInvalid)
	_, err = os.Stdin.WriteString("x")
	fmt.Println(err)
	os.Stdout.WriteString("bye\n")
	os.Exit(3)
}
"#,
        1,
    );
    assert_eq!(
        r.text(Stream::Stdout),
        r#"hello
6 <nil>
wörld
7 <nil>
10 <nil>
via Fprintln 42
invalid argument true
write /dev/stdin: bad file descriptor
bye
"#
    );
    assert_eq!(r.text(Stream::Stderr), "to stderr\nerr 7\n");
    assert_eq!(r.exit_code, 3);
}

/// A last line printed without a newline ends its stream without one, and a panic's report
/// goes on from what stderr had without a newline, as Go prints them (Go 1.19: stdout `ab`,
/// stderr `xpanic: boom` and the traceback).
#[test]
fn a_last_line_without_a_newline_stays_without_one() {
    let r = run_with_seed(
        r#"package main

import "fmt"

func main() {
	fmt.Print("a")
	fmt.Print("b")
	print("x")
	panic("boom")
}
"#,
        1,
    );
    assert_eq!(r.text(Stream::Stdout), "ab");
    let stderr = r.text(Stream::Stderr);
    assert!(
        stderr.starts_with("xpanic: boom\n\ngoroutine 1 [running]:\nmain.main()\n"),
        "{stderr}"
    );
    assert!(stderr.ends_with('\n'), "{stderr}");
    assert_eq!(r.exit_code, 2);
    let r = run_with_seed(
        "package main\n\nfunc main() {\n\tprint(\"no newline\")\n}\n",
        1,
    );
    assert_eq!(r.text(Stream::Stderr), "no newline");
    assert_eq!(r.text(Stream::Stdout), "");
}

/// runtime.Version names chanlab and the Go whose semantics it runs.
#[test]
fn runtime_version_names_chanlab() {
    prints(
        r#"package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println(runtime.Version())
}
"#,
        "go1.22-chanlab\n",
    );
}

/// errors.Join and the tree walks of Is and As over it (Go 1.20's, which Go 1.19 lacks:
/// the expected text follows Go 1.20's documentation).
#[test]
fn errors_join_as_go_1_20() {
    prints(
        r#"package main

import (
	"errors"
	"fmt"
)

type codeErr struct{ code int }

func (e codeErr) Error() string { return fmt.Sprint("code ", e.code) }

func main() {
	e1 := errors.New("first")
	e2 := codeErr{7}
	j := errors.Join(e1, nil, e2)
	fmt.Println(j)
	fmt.Println(errors.Is(j, e1), errors.Is(j, e2), errors.Is(j, errors.New("first")))
	var ce codeErr
	fmt.Println(errors.As(fmt.Errorf("wrapped: %w", j), &ce), ce.code)
	fmt.Println(errors.Join() == nil, errors.Join(nil, nil) == nil, errors.As(nil, &ce))
}
"#,
        "first\ncode 7\ntrue true false\ntrue 7\ntrue true false\n",
    );
}

/// math/rand: the top-level functions follow the run's seed (the same seed, the same
/// numbers; another seed, others), a seeded source is deterministic whatever the run's
/// seed, Perm and Shuffle permute, and Intn(0) panics as Go's does.
#[test]
fn rand_follows_the_seed() {
    let source = r#"package main

import (
	"fmt"
	"math/rand"
	"sort"
)

func main() {
	fmt.Println(rand.Intn(1000000), rand.Int63(), rand.Float64())
	r := rand.New(rand.NewSource(42))
	fmt.Println(r.Intn(1000000), r.Uint64(), r.Float32())
	p := rand.Perm(50)
	sort.Ints(p)
	s := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	rand.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	t := append([]int(nil), s...)
	sort.Ints(t)
	fmt.Println(p[0], p[49], sort.IntsAreSorted(p), t)
	rand.Seed(7)
	a := rand.Int()
	rand.Seed(7)
	fmt.Println(a == rand.Int(), rand.ExpFloat64() > 0, rand.Intn(10) < 10)
	defer func() { fmt.Println(recover()) }()
	rand.Intn(0)
}
"#;
    let text = |seed| {
        let r = run_with_seed(source, seed);
        assert_eq!(r.exit_code, 0, "{}", r.text(Stream::Stderr));
        r.text(Stream::Stdout)
    };
    let (a, b, c) = (text(1), text(1), text(2));
    assert_eq!(a, b, "the same seed gives the same numbers");
    let lines = |s: &str| s.lines().map(str::to_string).collect::<Vec<_>>();
    let (a, c) = (lines(&a), lines(&c));
    assert_ne!(a[0], c[0], "another seed gives other numbers");
    assert_eq!(
        a[1], c[1],
        "a seeded source does not depend on the run's seed"
    );
    assert_eq!(a[2], "0 49 true [0 1 2 3 4 5 6 7 8 9]");
    assert_eq!(a[3], "true true true");
    assert_eq!(a[4], "invalid argument to Intn");
}

/// A goroutine left running when main returns is listed with the function whose `go`
/// statement started it, as Go's "created by" names it: `main.query`, not main.
#[test]
fn a_leaked_goroutine_names_the_function_that_started_it() {
    let source = r#"package main

import (
	"fmt"
	"time"
)

func query() <-chan int {
	ch := make(chan int)
	go func() { ch <- 42 }()
	return ch
}

func main() {
	query()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("done")
}
"#;
    let r = run_with_seed(source, 1);
    assert_eq!(r.text(Stream::Stdout), "done\n");
    let leaked = &r.report.expect("a report").leaked;
    assert_eq!(leaked.len(), 1, "{leaked:#?}");
    assert_eq!(leaked[0].func, "main.query.func1");
    assert_eq!(leaked[0].created_by, "main.query");
    assert_eq!(leaked[0].go_state(), "chan send");
}

/// `clear` during a `range` over keys no lookup finds (NaN): the entries not yet reached are
/// gone, as Go 1.21 defines it (Go 1.19, which records the corpus, has no `clear`).
#[test]
fn a_range_over_nan_keys_stops_at_a_clear() {
    prints(
        r#"package main

import (
	"fmt"
	"math"
)

func main() {
	m := map[float64]int{}
	nan := math.NaN()
	for i := 0; i < 4; i++ {
		m[nan] = i
	}
	n := 0
	for range m {
		n++
		clear(m)
	}
	fmt.Println(n, len(m))
	m[nan] = 9
	for k, v := range m {
		fmt.Println(k, v)
	}
}
"#,
        "1 0\nNaN 9\n",
    );
}

/// slices, maps and cmp as Go 1.22 defines them (Go 1.19, which records the corpus, has
/// none of the three; the expected lines follow Go 1.22's documentation and its growth of
/// slices): sorting with NaNs first and equal elements kept in order by the stable sort,
/// searching, the functions that shorten a slice zeroing what they leave behind, Insert
/// into a slice that shares the values' array, capacity as append grows it.
#[test]
fn slices_maps_and_cmp_follow_go() {
    prints(
        r#"package main

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
)

type person struct {
	name string
	age  int
}

func byAge(a, b person) int { return cmp.Compare(a.age, b.age) }

func main() {
	s := []int{3, 1, 4, 1, 5, 9, 2, 6}
	slices.Sort(s)
	fmt.Println(s, slices.IsSorted(s))
	i, found := slices.BinarySearch(s, 5)
	j, found2 := slices.BinarySearch(s, 7)
	fmt.Println(i, found, j, found2)
	fmt.Println(slices.Index(s, 4), slices.Contains(s, 8), slices.Max(s), slices.Min(s))
	c := slices.Compact(s)
	fmt.Println(c, s)
	d := slices.Delete([]int{0, 1, 2, 3, 4}, 1, 3)
	fmt.Println(d, len(d), cap(d), d[:cap(d)])
	e := slices.Insert([]int{1, 2, 3}, 1, 10, 11)
	fmt.Println(e, len(e), cap(e))
	f := make([]int, 3, 10)
	copy(f, []int{1, 2, 3})
	f = slices.Insert(f, 0, f[1:]...)
	fmt.Println(f, cap(f))
	r := slices.Replace([]string{"a", "b", "c", "d"}, 1, 3, "x")
	fmt.Println(r, len(r), r[:4])
	rv := []int{1, 2, 3}
	slices.Reverse(rv)
	fmt.Println(rv)
	words := []string{"banana", "Apple", "cherry"}
	slices.SortFunc(words, func(a, b string) int {
		return cmp.Compare(strings.ToLower(a), strings.ToLower(b))
	})
	fmt.Println(words)
	people := []person{{"Alice", 30}, {"Bob", 25}, {"Carol", 30}, {"Dan", 25}}
	slices.SortStableFunc(people, byAge)
	fmt.Println(people, slices.MaxFunc(people, byAge), slices.MinFunc(people, byAge))
	fmt.Println(slices.IndexFunc(people, func(p person) bool { return p.name == "Carol" }))
	fl := []float64{2, math.NaN(), -1}
	slices.Sort(fl)
	fmt.Println(fl, slices.Max([]float64{1, 2}), cmp.Compare(math.NaN(), 1.0), cmp.Less(1.0, math.NaN()))
	fmt.Println(slices.Equal([]int{1, 2}, []int{1, 2}), slices.Compare([]int{1, 2}, []int{1, 3}), slices.Compare([]int{1, 2, 0}, []int{1, 2}))
	fmt.Println(slices.Clone([]int(nil)) == nil, slices.Concat([]int{1}, nil, []int{2, 3}), cap(slices.Grow([]int{1}, 10)))
	fmt.Println(cmp.Or("", "default", "x"), cmp.Or(0, 0))
	m := map[string]int{"a": 1, "b": 2}
	m2 := maps.Clone(m)
	m2["c"] = 3
	fmt.Println(len(m), len(m2), maps.Equal(m, m2))
	maps.DeleteFunc(m2, func(k string, v int) bool { return v%2 == 1 })
	fmt.Println(m2)
	maps.Copy(m2, map[string]int{"z": 26})
	fmt.Println(m2, maps.EqualFunc(m, m, func(a, b int) bool { return a == b }))
	var nilMap map[string]int
	fmt.Println(maps.Clone(nilMap) == nil)
	defer func() { fmt.Println("recovered:", recover()) }()
	slices.Min([]int{})
}
"#,
        "[1 1 2 3 4 5 6 9] true
5 true 7 false
4 false 9 1
[1 2 3 4 5 6 9] [1 2 3 4 5 6 9 0]
[0 3 4] 3 5 [0 3 4 0 0]
[1 10 11 2 3] 5 6
[2 3 1 2 3] 10
[a x d] 3 [a x d ]
[3 2 1]
[Apple banana cherry]
[{Bob 25} {Dan 25} {Alice 30} {Carol 30}] {Alice 30} {Bob 25}
3
[NaN -1 2] 2 -1 false
true -1 1
true [1 2 3] 12
default 0
2 3 false
map[b:2]
map[b:2 z:26] true
true
recovered: slices.Min: empty list
",
    );
}

/// log's date and time are the run's clock, which in sim mode starts where Go's playground
/// does (2009-11-10 23:00:00 UTC): the standard logger's lines are Go's there. (The corpus's
/// log_basics program checks the rest against Go, without dates.)
#[test]
fn log_stamps_its_lines_with_the_runs_clock() {
    let source = r#"package main

import (
	"log"
	"os"
	"time"
)

func main() {
	log.Println("hello", 42)
	time.Sleep(1500 * time.Millisecond)
	log.SetFlags(log.LstdFlags | log.Lmicroseconds | log.Lshortfile)
	log.Printf("after %v", time.Second)
	l := log.New(os.Stdout, "out ", log.Ltime|log.Lmsgprefix)
	l.Print("message")
}
"#;
    let r = run_with_seed(source, 1);
    assert_eq!(r.exit_code, 0);
    assert_eq!(
        r.text(Stream::Stderr),
        "2009/11/10 23:00:00 hello 42\n2009/11/10 23:00:01.500000 prog.go:13: after 1s\n"
    );
    assert_eq!(r.text(Stream::Stdout), "23:00:01 out message\n");
}
