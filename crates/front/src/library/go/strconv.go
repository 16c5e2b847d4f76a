// Package strconv declares chanlab's strconv package. Parsing is native and reports its
// errors as Go does, through *NumError values built here.
package strconv

import (
	"errors"
	"unicode/utf8"
)

// IntSize is the size in bits of an int or uint value.
const IntSize = 64

// ErrRange indicates that a value is out of range for the target type.
var ErrRange = errors.New("value out of range")

// ErrSyntax indicates that a value does not have the right syntax for the target type.
var ErrSyntax = errors.New("invalid syntax")

// A NumError records a failed conversion.
type NumError struct {
	Func string
	Num  string
	Err  error
}

func (e *NumError) Error() string {
	return "strconv." + e.Func + ": " + "parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error { return e.Err }

// numError turns a native parser's status into Go's error: 0 ok, 1 syntax, 2 range,
// 3 invalid base, 4 invalid bit size.
func numError(fn, s string, status, base, bitSize int) error {
	switch status {
	case 0:
		return nil
	case 1:
		return &NumError{fn, s, ErrSyntax}
	case 2:
		return &NumError{fn, s, ErrRange}
	case 3:
		return &NumError{fn, s, errors.New("invalid base " + Itoa(base))}
	default:
		return &NumError{fn, s, errors.New("invalid bit size " + Itoa(bitSize))}
	}
}

func parseInt(s string, base int, bitSize int) (int64, int)
func parseUint(s string, base int, bitSize int) (uint64, int)
func parseFloat(s string, bitSize int) (float64, int)

func ParseInt(s string, base int, bitSize int) (i int64, err error) {
	v, status := parseInt(s, base, bitSize)
	return v, numError("ParseInt", s, status, base, bitSize)
}

func ParseUint(s string, base int, bitSize int) (uint64, error) {
	v, status := parseUint(s, base, bitSize)
	return v, numError("ParseUint", s, status, base, bitSize)
}

func ParseFloat(s string, bitSize int) (float64, error) {
	v, status := parseFloat(s, bitSize)
	return v, numError("ParseFloat", s, status, 10, bitSize)
}

func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "true", "TRUE", "True":
		return true, nil
	case "0", "f", "F", "false", "FALSE", "False":
		return false, nil
	}
	return false, &NumError{"ParseBool", str, ErrSyntax}
}

// Atoi is equivalent to ParseInt(s, 10, 0), converted to type int.
func Atoi(s string) (int, error) {
	v, status := parseInt(s, 10, 0)
	return int(v), numError("Atoi", s, status, 10, 0)
}

func Itoa(i int) string { return FormatInt(int64(i), 10) }

func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// FormatInt returns the string representation of i in the given base, for 2 <= base <= 36.
func FormatInt(i int64, base int) string {
	if base < 2 || base > 36 {
		panic("strconv: illegal AppendInt/FormatInt base")
	}
	return formatInt(i, base)
}

// FormatUint returns the string representation of i in the given base, for 2 <= base <= 36.
func FormatUint(i uint64, base int) string {
	if base < 2 || base > 36 {
		panic("strconv: illegal AppendInt/FormatInt base")
	}
	return formatUint(i, base)
}

func formatInt(i int64, base int) string
func formatUint(i uint64, base int) string

// FormatFloat converts the floating-point number f to a string, according to the format fmt
// and precision prec, assuming f was a float of bitSize bits (32 or 64).
func FormatFloat(f float64, fmt byte, prec, bitSize int) string {
	if bitSize != 32 && bitSize != 64 {
		panic("strconv: illegal AppendFloat/FormatFloat bitSize")
	}
	return formatFloat(f, fmt, prec, bitSize)
}

func formatFloat(f float64, fmt byte, prec, bitSize int) string
func Quote(s string) string
func QuoteRune(r rune) string
func QuoteToASCII(s string) string

// QuoteRuneToASCII returns a single-quoted Go character literal for r, with non-ASCII
// characters escaped.
func QuoteRuneToASCII(r rune) string

// Unquote interprets s as a single-quoted, double-quoted, or backquoted Go string literal.
func Unquote(s string) (string, error) {
	v, ok := unquote(s)
	if !ok {
		return "", ErrSyntax
	}
	return v, nil
}

func unquote(s string) (string, bool)

// QuoteToGraphic returns a double-quoted Go string literal representing s, keeping the
// runes IsGraphic accepts (spaces such as U+3000 too) and escaping the others.
func QuoteToGraphic(s string) string

// QuoteRuneToGraphic returns a single-quoted Go character literal representing r, as
// QuoteToGraphic quotes a string.
func QuoteRuneToGraphic(r rune) string

func AppendQuoteToGraphic(dst []byte, s string) []byte {
	return append(dst, QuoteToGraphic(s)...)
}

func AppendQuoteRuneToGraphic(dst []byte, r rune) []byte {
	return append(dst, QuoteRuneToGraphic(r)...)
}

// UnquoteChar decodes the first character or byte in the escaped string or character
// literal represented by the string s: its value, whether it is a rune to encode as UTF-8
// (multibyte), and the rest of the string.
func UnquoteChar(s string, quote byte) (value rune, multibyte bool, tail string, err error) {
	value, multibyte, tail, ok := unquoteChar(s, quote)
	if !ok {
		return 0, false, "", ErrSyntax
	}
	return value, multibyte, tail, nil
}

func unquoteChar(s string, quote byte) (value rune, multibyte bool, tail string, ok bool)

// QuotedPrefix returns the quoted string (as understood by Unquote) at the prefix of s.
func QuotedPrefix(s string) (string, error) {
	if p, ok := quotedPrefix(s); ok {
		return p, nil
	}
	return "", ErrSyntax
}

func quotedPrefix(s string) (string, bool)

func AppendInt(dst []byte, i int64, base int) []byte {
	return append(dst, FormatInt(i, base)...)
}

func AppendQuote(dst []byte, s string) []byte {
	return append(dst, Quote(s)...)
}

func AppendBool(dst []byte, b bool) []byte { return append(dst, FormatBool(b)...) }
func AppendUint(dst []byte, i uint64, base int) []byte {
	return append(dst, FormatUint(i, base)...)
}
func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	return append(dst, FormatFloat(f, fmt, prec, bitSize)...)
}
func AppendQuoteRune(dst []byte, r rune) []byte { return append(dst, QuoteRune(r)...) }
func AppendQuoteToASCII(dst []byte, s string) []byte {
	return append(dst, QuoteToASCII(s)...)
}
func AppendQuoteRuneToASCII(dst []byte, r rune) []byte {
	return append(dst, QuoteRuneToASCII(r)...)
}

// IsPrint and IsGraphic are unicode's (Go's strconv keeps its own copy of the same tables).
func IsPrint(r rune) bool
func IsGraphic(r rune) bool

// CanBackquote reports whether s can be a raw string literal unchanged: no control
// characters but tab, no backquote, no byte-order mark, valid UTF-8.
func CanBackquote(s string) bool {
	for i := 0; i < len(s); {
		r, wid := utf8.DecodeRuneInString(s[i:])
		i += wid
		if wid > 1 {
			if r == '\ufeff' {
				return false
			}
			continue
		}
		if r == utf8.RuneError {
			return false
		}
		if (r < ' ' && r != '\t') || r == '`' || r == '\u007F' {
			return false
		}
	}
	return true
}
