// Package bytes implements functions for the manipulation of byte slices, and Buffer. The
// functions work on the bytes as package strings works on a string's (they call it), and
// those that return part of their argument return a subslice of it, as Go's do.
package bytes

import (
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// MinRead is the minimum slice size passed to a Read call by Buffer.ReadFrom.
const MinRead = 512

// ErrTooLarge is passed to panic if memory cannot be allocated to store data in a buffer.
var ErrTooLarge = errors.New("bytes.Buffer: too large")

func Compare(a, b []byte) int                 { return strings.Compare(string(a), string(b)) }
func Equal(a, b []byte) bool                  { return string(a) == string(b) }
func EqualFold(s, t []byte) bool              { return strings.EqualFold(string(s), string(t)) }
func Contains(b, subslice []byte) bool        { return strings.Contains(string(b), string(subslice)) }
func ContainsAny(b []byte, chars string) bool { return strings.ContainsAny(string(b), chars) }
func ContainsRune(b []byte, r rune) bool      { return strings.ContainsRune(string(b), r) }
func Count(s, sep []byte) int                 { return strings.Count(string(s), string(sep)) }
func HasPrefix(s, prefix []byte) bool         { return strings.HasPrefix(string(s), string(prefix)) }
func HasSuffix(s, suffix []byte) bool         { return strings.HasSuffix(string(s), string(suffix)) }
func Index(s, sep []byte) int                 { return strings.Index(string(s), string(sep)) }
func IndexAny(s []byte, chars string) int     { return strings.IndexAny(string(s), chars) }
func IndexByte(b []byte, c byte) int          { return strings.IndexByte(string(b), c) }
func IndexRune(s []byte, r rune) int          { return strings.IndexRune(string(s), r) }
func IndexFunc(s []byte, f func(r rune) bool) int {
	return strings.IndexFunc(string(s), f)
}
func LastIndex(s, sep []byte) int        { return strings.LastIndex(string(s), string(sep)) }
func LastIndexByte(s []byte, c byte) int { return strings.LastIndexByte(string(s), c) }
func ToValidUTF8(s, replacement []byte) []byte {
	return []byte(strings.ToValidUTF8(string(s), string(replacement)))
}
func LastIndexAny(s []byte, chars string) int {
	return strings.LastIndexAny(string(s), chars)
}
func LastIndexFunc(s []byte, f func(r rune) bool) int {
	return strings.LastIndexFunc(string(s), f)
}

// Clone returns a copy of b (nil for nil).
func Clone(b []byte) []byte {
	if b == nil {
		return nil
	}
	return append([]byte{}, b...)
}

func Repeat(b []byte, count int) []byte {
	if count == 0 {
		return []byte{}
	}
	if count < 0 {
		panic("bytes: negative Repeat count")
	} else if len(b)*count/count != len(b) {
		panic("bytes: Repeat count causes overflow")
	}
	return []byte(strings.Repeat(string(b), count))
}
func ToUpper(s []byte) []byte           { return []byte(strings.ToUpper(string(s))) }
func ToLower(s []byte) []byte           { return []byte(strings.ToLower(string(s))) }
func ToTitle(s []byte) []byte           { return []byte(strings.ToTitle(string(s))) }
func Title(s []byte) []byte             { return []byte(strings.Title(string(s))) }
func Map(mapping func(r rune) rune, s []byte) []byte {
	return []byte(strings.Map(mapping, string(s)))
}

// Replace returns a copy of s with the first n non-overlapping instances of old replaced by
// new (all for n < 0); a copy of s as append makes it (nil for an empty s) when it replaces
// none.
func Replace(s, old, new []byte, n int) []byte {
	if n == 0 || !Contains(s, old) && len(old) > 0 {
		return append([]byte(nil), s...)
	}
	return []byte(strings.Replace(string(s), string(old), string(new), n))
}

func ReplaceAll(s, old, new []byte) []byte { return Replace(s, old, new, -1) }

// Runes interprets s as a sequence of UTF-8-encoded code points.
func Runes(s []byte) []rune { return []rune(string(s)) }

// pieces is s's parts as subslices of s, each with its capacity cut at its end, as Go's
// split functions give them: parts (strings's split of string(s)) follow each other in s
// with `gap` bytes between them (the separator), or, when gap < 0, with the bytes up to
// where the next part is found (fields).
func pieces(s []byte, parts []string, gap int) [][]byte {
	out := make([][]byte, len(parts))
	at := 0
	for i, p := range parts {
		if gap < 0 {
			at += strings.Index(string(s[at:]), p)
		}
		end := at + len(p)
		out[i] = s[at:end:end]
		at = end + gap
	}
	return out
}

// explode splits s into its UTF-8 sequences, at most n parts (n < 0: all), the last the
// unsplit rest. A byte that is not UTF-8 is a part of its own, as it is (package strings
// gives U+FFFD's encoding for it).
func explode(s []byte, n int) [][]byte {
	// No limit is a limit of len(s), as in Go's: every rune is a piece of its own, the last
	// one too.
	if n <= 0 || n > len(s) {
		n = len(s)
	}
	a := make([][]byte, 0, n)
	for len(s) > 0 {
		if len(a) == n-1 {
			a = append(a, s)
			break
		}
		_, size := utf8.DecodeRune(s)
		a = append(a, s[0:size:size])
		s = s[size:]
	}
	return a
}

// Split and SplitN's last part keeps the rest of s's capacity, as Go's does.
func Split(s, sep []byte) [][]byte { return SplitN(s, sep, -1) }
func SplitN(s, sep []byte, n int) [][]byte {
	if n == 0 {
		return nil
	}
	if len(sep) == 0 {
		return explode(s, n)
	}
	out := pieces(s, strings.SplitN(string(s), string(sep), n), len(sep))
	if last := len(out) - 1; len(sep) > 0 && last >= 0 {
		out[last] = s[len(s)-len(out[last]):]
	}
	return out
}
func SplitAfter(s, sep []byte) [][]byte { return SplitAfterN(s, sep, -1) }
func SplitAfterN(s, sep []byte, n int) [][]byte {
	if n == 0 {
		return nil
	}
	if len(sep) == 0 {
		return explode(s, n)
	}
	out := pieces(s, strings.SplitAfterN(string(s), string(sep), n), 0)
	if last := len(out) - 1; len(sep) > 0 && last >= 0 {
		out[last] = s[len(s)-len(out[last]):]
	}
	return out
}
func Fields(s []byte) [][]byte { return pieces(s, strings.Fields(string(s)), -1) }
func FieldsFunc(s []byte, f func(rune) bool) [][]byte {
	return pieces(s, strings.FieldsFunc(string(s), f), -1)
}

// Join concatenates s with sep between the elements, into a new slice.
func Join(s [][]byte, sep []byte) []byte {
	if len(s) == 0 {
		return []byte{}
	}
	if len(s) == 1 {
		return append([]byte(nil), s[0]...)
	}
	n := len(sep) * (len(s) - 1)
	for _, v := range s {
		n += len(v)
	}
	b := make([]byte, n)
	bp := copy(b, s[0])
	for _, v := range s[1:] {
		bp += copy(b[bp:], sep)
		bp += copy(b[bp:], v)
	}
	return b
}

// trimmed is s less its first `left` bytes and its bytes from `right` on: a subslice.
func trimmed(s []byte, left, right int) []byte {
	if left >= right {
		return nil
	}
	return s[left:right]
}

func Trim(s []byte, cutset string) []byte {
	l := len(s) - len(strings.TrimLeft(string(s), cutset))
	return trimmed(s, l, len(strings.TrimRight(string(s), cutset)))
}

func TrimLeft(s []byte, cutset string) []byte {
	return trimmed(s, len(s)-len(strings.TrimLeft(string(s), cutset)), len(s))
}

// TrimRight keeps an empty result non-nil (unless s is nil), as Go's does.
func TrimRight(s []byte, cutset string) []byte {
	return s[:len(strings.TrimRight(string(s), cutset))]
}

func TrimSpace(s []byte) []byte { return TrimFunc(s, isSpace) }

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x85, 0xA0:
		return true
	}
	return strings.TrimSpace(string(r)) == ""
}

func TrimFunc(s []byte, f func(r rune) bool) []byte {
	return TrimRightFunc(TrimLeftFunc(s, f), f)
}

// TrimLeftFunc gives nil when f holds for every rune, as Go's does.
func TrimLeftFunc(s []byte, f func(r rune) bool) []byte {
	return trimmed(s, len(s)-len(strings.TrimLeftFunc(string(s), f)), len(s))
}

func TrimRightFunc(s []byte, f func(r rune) bool) []byte {
	return s[:len(strings.TrimRightFunc(string(s), f))]
}

func TrimPrefix(s, prefix []byte) []byte {
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

func TrimSuffix(s, suffix []byte) []byte {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

// Cut slices s around the first instance of sep.
func Cut(s, sep []byte) (before, after []byte, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, nil, false
}

// A Buffer is a variable-sized buffer of bytes with Read and Write methods; its zero value is
// an empty buffer ready to use.
type Buffer struct {
	buf      []byte
	off      int
	lastRead readOp // last read operation, so that Unread* can work correctly
}

// readOp is what a Buffer last read: a rune of 1 to 4 bytes, another read, or nothing
// unreadable.
type readOp int8

const (
	opRead    readOp = -1 // any other read operation
	opInvalid readOp = 0  // non-read operation
)

func NewBuffer(buf []byte) *Buffer     { return &Buffer{buf: buf} }
func NewBufferString(s string) *Buffer { return &Buffer{buf: []byte(s)} }

// Bytes returns the unread portion of the buffer.
func (b *Buffer) Bytes() []byte { return b.buf[b.off:] }

// String returns the unread portion of the buffer as a string ("<nil>" for a nil Buffer).
func (b *Buffer) String() string {
	if b == nil {
		return "<nil>"
	}
	return string(b.buf[b.off:])
}

func (b *Buffer) Len() int { return len(b.buf) - b.off }
func (b *Buffer) Cap() int { return cap(b.buf) }

func (b *Buffer) Reset() {
	b.buf = b.buf[:0]
	b.off = 0
	b.lastRead = opInvalid
}

// Truncate discards all but the first n unread bytes.
func (b *Buffer) Truncate(n int) {
	if n == 0 {
		b.Reset()
		return
	}
	b.lastRead = opInvalid
	if n < 0 || n > b.Len() {
		panic("bytes.Buffer: truncation out of range")
	}
	b.buf = b.buf[:b.off+n]
}

// Grow makes room for n more bytes.
func (b *Buffer) Grow(n int) {
	if n < 0 {
		panic("bytes.Buffer.Grow: negative count")
	}
	b.buf = b.buf[:b.grow(n)]
}

// smallBufferSize is what an empty Buffer allocates first.
const smallBufferSize = 64

const maxInt = int(^uint(0) >> 1)

// grow lengthens the buffer by n bytes and returns where they begin. Its capacities are Go's:
// a Buffer that had nothing allocates 64 bytes, one that must grow moves its unread bytes to
// the front when that frees room for twice what it needs, else allocates twice its capacity
// past the bytes read, or what it needs if more (rounded up by append as Go rounds it).
func (b *Buffer) grow(n int) int {
	m := b.Len()
	if m == 0 && b.off != 0 {
		b.Reset()
	}
	if l := len(b.buf); n <= cap(b.buf)-l {
		b.buf = b.buf[:l+n]
		return l
	}
	if b.buf == nil && n <= smallBufferSize {
		b.buf = make([]byte, n, smallBufferSize)
		return 0
	}
	c := cap(b.buf)
	switch {
	case n <= c/2-m:
		copy(b.buf, b.buf[b.off:])
	case c > maxInt-c-n:
		panic(ErrTooLarge)
	default:
		// Twice the capacity after the bytes already read, or as much as needed.
		size := m + b.off + n
		if size < 2*(c-b.off) {
			size = 2 * (c - b.off)
		}
		nb := allocate(size)
		copy(nb, b.buf[b.off:])
		b.buf = nb
	}
	b.off = 0
	b.buf = b.buf[:m+n]
	return m
}

// allocate returns size bytes as append allocates them; a size it cannot allocate panics
// with ErrTooLarge.
func allocate(size int) []byte {
	defer func() {
		if recover() != nil {
			panic(ErrTooLarge)
		}
	}()
	return append([]byte(nil), make([]byte, size)...)
}

func (b *Buffer) Write(p []byte) (n int, err error) {
	b.lastRead = opInvalid
	return copy(b.buf[b.grow(len(p)):], p), nil
}

func (b *Buffer) WriteString(s string) (n int, err error) {
	b.lastRead = opInvalid
	return copy(b.buf[b.grow(len(s)):], s), nil
}

func (b *Buffer) WriteByte(c byte) error {
	b.lastRead = opInvalid
	b.buf[b.grow(1)] = c
	return nil
}

func (b *Buffer) WriteRune(r rune) (n int, err error) {
	if uint32(r) < utf8.RuneSelf {
		b.WriteByte(byte(r))
		return 1, nil
	}
	b.lastRead = opInvalid
	m := b.grow(utf8.UTFMax)
	b.buf = utf8.AppendRune(b.buf[:m], r)
	return len(b.buf) - m, nil
}

// Read reads the next len(p) bytes from the buffer, or until it is drained (io.EOF when it was
// empty and p is not).
func (b *Buffer) Read(p []byte) (n int, err error) {
	b.lastRead = opInvalid
	if b.Len() == 0 {
		b.Reset()
		if len(p) == 0 {
			return 0, nil
		}
		return 0, io.EOF
	}
	n = copy(p, b.buf[b.off:])
	b.off += n
	if n > 0 {
		b.lastRead = opRead
	}
	return n, nil
}

// Next returns a slice of the next n unread bytes (all of them when fewer), as read.
func (b *Buffer) Next(n int) []byte {
	if m := b.Len(); n > m {
		n = m
	}
	data := b.buf[b.off : b.off+n]
	b.off += n
	b.lastRead = opInvalid
	if n > 0 {
		b.lastRead = opRead
	}
	return data
}

func (b *Buffer) ReadByte() (byte, error) {
	if b.Len() == 0 {
		b.Reset()
		return 0, io.EOF
	}
	c := b.buf[b.off]
	b.off++
	b.lastRead = opRead
	return c, nil
}

func (b *Buffer) ReadRune() (r rune, size int, err error) {
	if b.Len() == 0 {
		b.Reset()
		return 0, 0, io.EOF
	}
	r, size = utf8.DecodeRune(b.buf[b.off:])
	b.off += size
	b.lastRead = readOp(size)
	return r, size, nil
}

var errUnreadByte = errors.New("bytes.Buffer: UnreadByte: previous operation was not a successful read")

// UnreadByte unreads the last byte returned by the most recent successful read operation
// that read at least one byte.
func (b *Buffer) UnreadByte() error {
	if b.lastRead == opInvalid {
		return errUnreadByte
	}
	b.lastRead = opInvalid
	if b.off > 0 {
		b.off--
	}
	return nil
}

// UnreadRune unreads the last rune returned by ReadRune.
func (b *Buffer) UnreadRune() error {
	if b.lastRead <= opInvalid {
		return errors.New("bytes.Buffer: UnreadRune: previous operation was not a successful ReadRune")
	}
	if b.off >= int(b.lastRead) {
		b.off -= int(b.lastRead)
	}
	b.lastRead = opInvalid
	return nil
}

// ReadFrom reads from r until EOF and appends what it read to the buffer.
func (b *Buffer) ReadFrom(r io.Reader) (n int64, err error) {
	b.lastRead = opInvalid
	for {
		i := b.grow(MinRead)
		b.buf = b.buf[:i]
		m, e := r.Read(b.buf[i:cap(b.buf)])
		if m < 0 {
			panic("bytes.Buffer: reader returned negative count from Read")
		}
		b.buf = b.buf[:i+m]
		n += int64(m)
		if e == io.EOF {
			return n, nil
		}
		if e != nil {
			return n, e
		}
	}
}

// ReadBytes reads until the first delim, which it includes; io.EOF if there is none.
func (b *Buffer) ReadBytes(delim byte) (line []byte, err error) {
	i := IndexByte(b.buf[b.off:], delim)
	end := b.off + i + 1
	if i < 0 {
		end = len(b.buf)
		err = io.EOF
	}
	line = append([]byte(nil), b.buf[b.off:end]...)
	b.off = end
	b.lastRead = opRead
	return line, err
}

func (b *Buffer) ReadString(delim byte) (line string, err error) {
	bytes, err := b.ReadBytes(delim)
	return string(bytes), err
}

// WriteTo writes the unread bytes to w; the buffer is then empty.
func (b *Buffer) WriteTo(w io.Writer) (n int64, err error) {
	b.lastRead = opInvalid
	if unread := b.Len(); unread > 0 {
		m, e := w.Write(b.buf[b.off:])
		if m > unread {
			panic("bytes.Buffer.WriteTo: invalid Write count")
		}
		b.off += m
		n = int64(m)
		if e != nil {
			return n, e
		}
		if m != unread {
			return n, io.ErrShortWrite
		}
	}
	b.Reset()
	return n, nil
}

// A Reader reads from a byte slice (io.Reader, io.ByteScanner, io.RuneScanner, io.WriterTo):
// a strings.Reader of the slice's bytes as they were when it was given.
type Reader struct {
	strings.Reader
}

// NewReader returns a new Reader reading from b.
func NewReader(b []byte) *Reader {
	r := new(Reader)
	r.Reset(b)
	return r
}

// Reset resets the Reader to be reading from b.
func (r *Reader) Reset(b []byte) { r.Reader.Reset(string(b)) }

// The strings.Reader's methods that fail, in the words of Go's bytes.Reader.
func (r *Reader) ReadAt(b []byte, off int64) (int, error) {
	n, err := r.Reader.ReadAt(b, off)
	return n, readerError(err)
}
func (r *Reader) Seek(offset int64, whence int) (int64, error) {
	n, err := r.Reader.Seek(offset, whence)
	return n, readerError(err)
}
func (r *Reader) UnreadByte() error { return readerError(r.Reader.UnreadByte()) }
func (r *Reader) UnreadRune() error { return readerError(r.Reader.UnreadRune()) }

// readerError is err, a strings.Reader's, as a bytes.Reader words it.
func readerError(err error) error {
	if err == nil || err == io.EOF {
		return err
	}
	text := strings.Replace(err.Error(), "strings.Reader", "bytes.Reader", 1)
	return errors.New(strings.Replace(text, "beginning of string", "beginning of slice", 1))
}
