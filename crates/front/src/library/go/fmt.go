// Package fmt declares chanlab's fmt package. Formatting is native; Errorf is written in
// Go so that `%w` wraps errors as Go's does.
package fmt

import (
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// Stringer is implemented by any value that has a String method.
type Stringer interface {
	String() string
}

// GoStringer is implemented by any value that has a GoString method, which %#v prints.
type GoStringer interface {
	GoString() string
}

// State represents the printer state passed to custom formatters: the flags, width and
// precision of the verb, and a Writer for the formatted value.
type State interface {
	Write(b []byte) (n int, err error)
	Width() (wid int, ok bool)
	Precision() (prec int, ok bool)
	Flag(c int) bool
}

// Formatter is implemented by any value that has a Format method, which formats the value
// for every verb in its place.
type Formatter interface {
	Format(f State, verb rune)
}

// FormatString returns the directive State f was made for, as `%-10.3v`, with verb.
func FormatString(state State, verb rune) string {
	s := "%"
	for _, c := range " +-#0" {
		if state.Flag(int(c)) {
			s += string(c)
		}
	}
	if w, ok := state.Width(); ok {
		s += strconv.Itoa(w)
	}
	if p, ok := state.Precision(); ok {
		s += "." + strconv.Itoa(p)
	}
	return s + string(verb)
}

// formatState is the State a Formatter is given: what it writes goes to the output in the
// operand's place.
type formatState struct {
	buf           []byte
	flags         string
	wid, prec     int
	widOK, precOK bool
}

func (s *formatState) Write(b []byte) (int, error) {
	s.buf = append(s.buf, b...)
	return len(b), nil
}

func (s *formatState) WriteString(str string) (int, error) {
	s.buf = append(s.buf, str...)
	return len(str), nil
}

func (s *formatState) Width() (int, bool)     { return s.wid, s.widOK }
func (s *formatState) Precision() (int, bool) { return s.prec, s.precOK }

func (s *formatState) Flag(c int) bool {
	for _, f := range s.flags {
		if int(f) == c {
			return true
		}
	}
	return false
}

// callFormat calls v's Format method with a State of the verb's flags (those of " +-#0" that
// are set), width and precision, and gives what it wrote, and if it panicked, with what: the
// printer calls it for an operand that is a Formatter (no Go code calls it: the checker
// checks it, and the compiler compiles it, for a program that declares a Format method).
func callFormat(v Formatter, verb rune, flags string, wid, prec int, widOK, precOK bool) (written []byte, value any, panicked bool) {
	s := &formatState{flags: flags, wid: wid, prec: prec, widOK: widOK, precOK: precOK}
	defer func() {
		if panicked {
			written, value = s.buf, recover()
		}
	}()
	panicked = true
	v.Format(s, verb)
	return s.buf, nil, false
}

func Print(a ...any) (n int, err error)
func Println(a ...any) (n int, err error)
func Printf(format string, a ...any) (n int, err error)
func Sprint(a ...any) string
func Sprintln(a ...any) string
func Sprintf(format string, a ...any) string

// Append, Appendf and Appendln format as Sprint, Sprintf and Sprintln do, onto b.
func Append(b []byte, a ...any) []byte { return append(b, Sprint(a...)...) }
func Appendf(b []byte, format string, a ...any) []byte {
	return append(b, Sprintf(format, a...)...)
}
func Appendln(b []byte, a ...any) []byte { return append(b, Sprintln(a...)...) }

// Fprint, Fprintln and Fprintf write to any value with a Write method (os.Stdout,
// os.Stderr, a strings.Builder).
func Fprint(w interface {
	Write(p []byte) (n int, err error)
}, a ...any) (n int, err error) {
	return w.Write([]byte(Sprint(a...)))
}

func Fprintln(w interface {
	Write(p []byte) (n int, err error)
}, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintln(a...)))
}

func Fprintf(w interface {
	Write(p []byte) (n int, err error)
}, format string, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintf(format, a...)))
}

// Errorf formats according to a format specifier and returns the string as an error. An
// operand of a %w verb is wrapped: the result has an Unwrap method.
func Errorf(format string, a ...any) error {
	s, w := errorf(format, a)
	if w >= 0 {
		if e, ok := a[w].(error); ok {
			return &wrapError{msg: s, err: e}
		}
	}
	return errors.New(s)
}

// errorf returns Errorf's text and the index of the operand its %w verb consumed (-1 when
// none did).
func errorf(format string, a []any) (string, int)

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string {
	return e.msg
}

func (e *wrapError) Unwrap() error {
	return e.err
}

// Scanning: Sscan, Sscanln and Sscanf read from a string, Fscan, Fscanln and Fscanf from an
// io.Reader (through its ReadRune and UnreadRune when it has them, so that it is left just
// after what was scanned; otherwise a byte at a time, as Go's does), Scan, Scanln and Scanf
// from the standard input, which is empty. Operands are pointers to the basic types (bool,
// the integers, the floats, string, []byte); %c scans a rune into an integer.

// runeSource is where a scan reads its input from.
type runeSource interface {
	ReadRune() (r rune, size int, err error)
	UnreadRune() error
}

// stringSource reads runes from a string.
type stringSource struct {
	s    string
	i    int
	last int
}

func (r *stringSource) ReadRune() (rune, int, error) {
	if r.i >= len(r.s) {
		r.last = 0
		return 0, 0, io.EOF
	}
	c, size := utf8.DecodeRuneInString(r.s[r.i:])
	r.i += size
	r.last = size
	return c, size, nil
}

func (r *stringSource) UnreadRune() error {
	r.i -= r.last
	r.last = 0
	return nil
}

// readerSource reads runes from an io.Reader a byte at a time; it can unread the last rune.
type readerSource struct {
	r       io.Reader
	pending rune
	peeked  bool
	last    rune
	buf     [utf8.UTFMax]byte
}

func (r *readerSource) ReadRune() (rune, int, error) {
	if r.peeked {
		r.peeked = false
		return r.pending, utf8.RuneLen(r.pending), nil
	}
	n := 0
	for n < utf8.UTFMax {
		k, err := r.r.Read(r.buf[n : n+1])
		if k == 0 {
			if n > 0 {
				break
			}
			if err == nil {
				err = io.ErrNoProgress
			}
			return 0, 0, err
		}
		n++
		if utf8.FullRune(r.buf[:n]) {
			break
		}
	}
	c, size := utf8.DecodeRune(r.buf[:n])
	r.last = c
	return c, size, nil
}

func (r *readerSource) UnreadRune() error {
	r.pending = r.last
	r.peeked = true
	return nil
}

func sourceOf(r io.Reader) runeSource {
	if rs, ok := r.(runeSource); ok {
		return rs
	}
	return &readerSource{r: r}
}

// scanError carries a scan's error through a panic to the scan's entry point.
type scanError struct {
	err error
}

// scanner is the state of one Scan, Scanln or Scanf call.
type scanner struct {
	src       runeSource
	nlIsSpace bool // newlines count as spaces (Scan, and Scanf's spaces)
	atEOF     bool
	count     int
	// Scanf's width: the operand reads at most `left` more runes (then sees the end).
	limited bool
	left    int
}

const eof = -1

func (s *scanner) getRune() rune {
	if s.limited && s.left <= 0 {
		return eof
	}
	r, _, err := s.src.ReadRune()
	if err != nil {
		if err == io.EOF {
			s.atEOF = true
			return eof
		}
		panic(scanError{err})
	}
	s.left--
	return r
}

func (s *scanner) unread(r rune) {
	if r != eof {
		s.src.UnreadRune()
		s.left++
	}
}

func (s *scanner) peek() rune {
	r := s.getRune()
	s.unread(r)
	return r
}

func (s *scanner) errorString(msg string) {
	panic(scanError{errors.New(msg)})
}

func isScanSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// skipSpace skips spaces; a newline, where newlines are not spaces, ends the operands.
func (s *scanner) skipSpace() {
	for {
		r := s.getRune()
		if r == eof {
			return
		}
		if r == '\r' && s.peek() == '\n' {
			continue
		}
		if r == '\n' {
			if s.nlIsSpace {
				continue
			}
			s.errorString("unexpected newline")
		}
		if !isScanSpace(r) {
			s.unread(r)
			return
		}
	}
}

// token returns the next run of runes that ok accepts.
func (s *scanner) token(ok func(rune) bool) string {
	var b []byte
	for {
		r := s.getRune()
		if r == eof {
			break
		}
		if !ok(r) {
			s.unread(r)
			break
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

func notSpace(r rune) bool { return !isScanSpace(r) }

// accept consumes the next rune if it is in set.
func (s *scanner) accept(set string) bool {
	r := s.getRune()
	for _, c := range set {
		if c == r {
			return true
		}
	}
	s.unread(r)
	return false
}

// scanInt scans an integer of bitSize bits (a uint when unsigned) as verb reads it.
func (s *scanner) scanInt(verb rune, bitSize int, unsigned bool) int64 {
	if verb == 'c' {
		return int64(s.getRune())
	}
	s.skipSpace()
	// A verb's base takes its digits only; %v takes Go's literal syntax, underscores too.
	base, digits := 10, "0123456789"
	switch verb {
	case 'b':
		base, digits = 2, "01"
	case 'o':
		base, digits = 8, "01234567"
	case 'x', 'X':
		base, digits = 16, "0123456789aAbBcCdDeEfF"
	case 'v':
		base, digits = 0, "0123456789_"
	}
	tok := ""
	if !unsigned && s.accept("+") {
		tok = "+"
	} else if !unsigned && s.accept("-") {
		tok = "-"
	} else if unsigned && s.accept("+") {
		tok = "+"
	}
	if verb == 'v' && s.accept("0") {
		tok += "0"
		switch {
		case s.accept("bB"):
			tok, digits = tok+"b", "01_"
		case s.accept("oO"):
			tok, digits = tok+"o", "01234567_"
		case s.accept("xX"):
			tok, digits = tok+"x", "0123456789aAbBcCdDeEfF_"
		default:
			digits = "01234567_"
		}
	}
	body := s.token(func(r rune) bool {
		for _, c := range digits {
			if c == r {
				return true
			}
		}
		return false
	})
	if body == "" && (tok == "" || tok[len(tok)-1] != '0') {
		s.errorString("expected integer")
	}
	tok += body
	if unsigned {
		u, err := strconv.ParseUint(tok, base, 64)
		if err != nil {
			panic(scanError{err})
		}
		if bitSize < 64 && u>>uint(bitSize) != 0 {
			s.errorString("unsigned integer overflow on token " + tok)
		}
		return int64(u)
	}
	i, err := strconv.ParseInt(tok, base, 64)
	if err != nil {
		panic(scanError{err})
	}
	if x := (i << uint(64-bitSize)) >> uint(64-bitSize); x != i {
		s.errorString("integer overflow on token " + tok)
	}
	return i
}

func isFloatRune(r rune) bool {
	return r >= '0' && r <= '9' || r == '.' || r == '+' || r == '-' || r == 'e' || r == 'E' ||
		r == 'x' || r == 'X' || r == 'p' || r == 'P' || r == '_' || r >= 'a' && r <= 'f' ||
		r >= 'A' && r <= 'F' || r == 'i' || r == 'n' || r == 'I' || r == 'N'
}

func (s *scanner) scanFloat(bitSize int) float64 {
	s.skipSpace()
	tok := s.token(isFloatRune)
	f, err := strconv.ParseFloat(tok, bitSize)
	if err != nil {
		panic(scanError{err})
	}
	return f
}

func (s *scanner) scanString(verb rune) string {
	s.skipSpace()
	if verb == 'q' {
		u, err := strconv.Unquote(s.quoted())
		if err != nil {
			panic(scanError{err})
		}
		return u
	}
	return s.token(notSpace)
}

// scanBool scans a boolean as Go's does: 0, 1, or a word starting with t or f, which must
// then spell true or false (any case) if it goes on; anything else reads as false.
func (s *scanner) scanBool() bool {
	switch s.getRune() {
	case '0':
		return false
	case '1':
		return true
	case 't', 'T':
		if s.accept("rR") && (!s.accept("uU") || !s.accept("eE")) {
			s.errorString("syntax error scanning boolean")
		}
		return true
	case 'f', 'F':
		if s.accept("aA") && (!s.accept("lL") || !s.accept("sS") || !s.accept("eE")) {
			s.errorString("syntax error scanning boolean")
		}
		return false
	}
	return false
}

// quoted reads a Go string literal, back-quoted or double-quoted, as written.
func (s *scanner) quoted() string {
	quote := s.getRune()
	if quote != '"' && quote != '`' {
		s.errorString("expected quoted string")
	}
	b := utf8.AppendRune(nil, quote)
	for {
		r := s.getRune()
		if r == eof {
			panic(scanError{io.ErrUnexpectedEOF})
		}
		b = utf8.AppendRune(b, r)
		if r == '\\' && quote == '"' {
			if r = s.getRune(); r == eof {
				panic(scanError{io.ErrUnexpectedEOF})
			}
			b = utf8.AppendRune(b, r)
		} else if r == quote {
			return string(b)
		}
	}
}

// scanOne scans one operand as verb reads it.
func (s *scanner) scanOne(verb rune, arg any) {
	switch p := arg.(type) {
	case *bool:
		s.skipSpace()
		*p = s.scanBool()
	case *int:
		*p = int(s.scanInt(verb, 64, false))
	case *int8:
		*p = int8(s.scanInt(verb, 8, false))
	case *int16:
		*p = int16(s.scanInt(verb, 16, false))
	case *int32:
		*p = int32(s.scanInt(verb, 32, false))
	case *int64:
		*p = s.scanInt(verb, 64, false)
	case *uint:
		*p = uint(s.scanInt(verb, 64, true))
	case *uint8:
		*p = uint8(s.scanInt(verb, 8, true))
	case *uint16:
		*p = uint16(s.scanInt(verb, 16, true))
	case *uint32:
		*p = uint32(s.scanInt(verb, 32, true))
	case *uint64:
		*p = uint64(s.scanInt(verb, 64, true))
	case *uintptr:
		*p = uintptr(s.scanInt(verb, 64, true))
	case *float32:
		*p = float32(s.scanFloat(32))
	case *float64:
		*p = s.scanFloat(64)
	case *string:
		*p = s.scanString(verb)
	case *[]byte:
		*p = []byte(s.scanString(verb))
	default:
		t := Sprintf("%T", arg)
		if len(t) == 0 || t[0] != '*' {
			s.errorString("type not a pointer: " + t)
		}
		s.errorString("can't scan type: " + t)
	}
	s.count++
}

// run runs scan, turning a scan's error into the result.
func (s *scanner) run(scan func()) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			se, ok := r.(scanError)
			if !ok {
				panic(r)
			}
			err = se.err
		}
		n = s.count
	}()
	scan()
	return
}

// scanValues scans space-separated operands; with nlIsSpace false, they are on one line,
// which must end after them.
func scanValues(src runeSource, a []any, nlIsSpace bool) (int, error) {
	s := &scanner{src: src, nlIsSpace: nlIsSpace}
	return s.run(func() {
		for _, arg := range a {
			s.skipSpace()
			if s.peek() == eof {
				panic(scanError{io.EOF})
			}
			s.scanOne('v', arg)
		}
		if !nlIsSpace {
			for {
				r := s.getRune()
				if r == '\n' || r == eof {
					break
				}
				if !isScanSpace(r) {
					s.errorString("expected newline")
				}
			}
		}
	})
}

// scanFormat scans the operands as format directs.
func scanFormat(src runeSource, format string, a []any) (int, error) {
	s := &scanner{src: src, nlIsSpace: false}
	return s.run(func() {
		argi := 0
		for i := 0; i < len(format); {
			c, w := utf8.DecodeRuneInString(format[i:])
			if c != '%' {
				if isScanSpace(c) {
					// A run of spaces and newlines in the format, as Go's advance reads it:
					// each newline matches spaces then a newline (or the end); spaces not
					// after a newline match one or more spaces (or the end).
					newlines, trailingSpace := 0, false
					for i < len(format) {
						fc, fw := utf8.DecodeRuneInString(format[i:])
						if !isScanSpace(fc) {
							break
						}
						if fc == '\n' {
							newlines++
							trailingSpace = false
						} else {
							trailingSpace = true
						}
						i += fw
					}
					for j := 0; j < newlines; j++ {
						r := s.getRune()
						for isScanSpace(r) && r != '\n' {
							r = s.getRune()
						}
						if r != '\n' && r != eof {
							s.errorString("newline in format does not match input")
						}
					}
					if trailingSpace {
						r := s.getRune()
						if newlines == 0 {
							if !isScanSpace(r) && r != eof {
								s.errorString("expected space in input to match format")
							}
							if r == '\n' {
								s.errorString("newline in input does not match format")
							}
						}
						for isScanSpace(r) && r != '\n' {
							r = s.getRune()
						}
						s.unread(r)
					}
					continue
				}
				i += w
				r := s.getRune()
				if r != c {
					s.unread(r)
					if r == eof {
						panic(scanError{io.ErrUnexpectedEOF})
					}
					s.errorString("input does not match format")
				}
				continue
			}
			i += w
			// Flags are skipped; a width limits the runes the operand reads.
			for i < len(format) && (format[i] == '+' || format[i] == '-' || format[i] == '#') {
				i++
			}
			width, hasWidth := 0, false
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				width = width*10 + int(format[i]-'0')
				hasWidth = true
				i++
			}
			if i >= len(format) {
				s.errorString("too few operands for format '%'")
			}
			verb, w := utf8.DecodeRuneInString(format[i:])
			i += w
			if verb == '%' {
				s.skipSpace()
				if r := s.getRune(); r != '%' {
					s.unread(r)
					s.errorString("missing literal %")
				}
				continue
			}
			if argi >= len(a) {
				s.errorString("too few operands for format '%" + format[i-w:i] + "'")
			}
			if hasWidth {
				if verb != 'c' {
					s.skipSpace()
				}
				s.limited, s.left = true, width
			}
			if verb != 'c' && s.peek() == eof {
				panic(scanError{io.EOF})
			}
			s.scanOne(verb, a[argi])
			s.limited = false
			argi++
		}
		if argi < len(a) {
			s.errorString("too many operands")
		}
	})
}

// Sscan scans the argument string, storing successive space-separated values into
// successive arguments. Newlines count as space.
func Sscan(str string, a ...any) (n int, err error) {
	return scanValues(&stringSource{s: str}, a, true)
}

// Sscanln is like Sscan, but stops scanning at a newline and after the final item there must
// be a newline or EOF.
func Sscanln(str string, a ...any) (n int, err error) {
	return scanValues(&stringSource{s: str}, a, false)
}

// Sscanf scans the argument string, storing successive space-separated values into
// successive arguments as determined by the format.
func Sscanf(str string, format string, a ...any) (n int, err error) {
	return scanFormat(&stringSource{s: str}, format, a)
}

// Fscan scans text read from r, storing successive space-separated values into successive
// arguments. Newlines count as space.
func Fscan(r io.Reader, a ...any) (n int, err error) {
	return scanValues(sourceOf(r), a, true)
}

// Fscanln is like Fscan, but stops scanning at a newline.
func Fscanln(r io.Reader, a ...any) (n int, err error) {
	return scanValues(sourceOf(r), a, false)
}

// Fscanf scans text read from r as determined by the format.
func Fscanf(r io.Reader, format string, a ...any) (n int, err error) {
	return scanFormat(sourceOf(r), format, a)
}

// Scan scans the standard input, which is empty.
func Scan(a ...any) (n int, err error) { return Sscan("", a...) }

// Scanln scans the standard input, which is empty.
func Scanln(a ...any) (n int, err error) { return Sscanln("", a...) }

// Scanf scans the standard input, which is empty.
func Scanf(format string, a ...any) (n int, err error) { return Sscanf("", format, a...) }
