// Package base64 declares chanlab's encoding/base64 package: base64 encoding (RFC 4648),
// standard and URL-safe, padded or raw, in Go.
package base64

import "strconv"

// An Encoding is a radix 64 encoding/decoding scheme, defined by a 64-character alphabet.
type Encoding struct {
	encode    string
	decodeMap [256]byte
	padChar   rune
	strict    bool
}

const (
	StdPadding rune = '=' // Standard padding character
	NoPadding  rune = -1  // No padding
)

const (
	encodeStd = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	encodeURL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
)

// NewEncoding returns a new padded Encoding defined by the given alphabet.
func NewEncoding(encoder string) *Encoding {
	if len(encoder) != 64 {
		panic("encoding alphabet is not 64-bytes long")
	}
	e := &Encoding{encode: encoder, padChar: StdPadding}
	for i := range e.decodeMap {
		e.decodeMap[i] = 0xff
	}
	for i := 0; i < len(encoder); i++ {
		if encoder[i] == '\n' || encoder[i] == '\r' {
			panic("encoding alphabet contains newline character")
		}
		if e.decodeMap[encoder[i]] != 0xff {
			panic("encoding alphabet includes duplicate symbols")
		}
		e.decodeMap[encoder[i]] = byte(i)
	}
	return e
}

// WithPadding creates a new encoding identical to enc except with a specified padding
// character, or NoPadding to disable padding.
func (enc Encoding) WithPadding(padding rune) *Encoding {
	if padding == '\r' || padding == '\n' || padding > 0xff {
		panic("invalid padding")
	}
	if padding != NoPadding && enc.decodeMap[byte(padding)] != 0xff {
		panic("padding contained in alphabet")
	}
	enc.padChar = padding
	return &enc
}

// Strict creates a new encoding identical to enc except with strict decoding enabled: the
// bits after the last symbol must be zero.
func (enc Encoding) Strict() *Encoding {
	enc.strict = true
	return &enc
}

var (
	StdEncoding    = NewEncoding(encodeStd)
	URLEncoding    = NewEncoding(encodeURL)
	RawStdEncoding = StdEncoding.WithPadding(NoPadding)
	RawURLEncoding = URLEncoding.WithPadding(NoPadding)
)

// EncodedLen returns the length in bytes of the base64 encoding of an input buffer of
// length n.
func (enc *Encoding) EncodedLen(n int) int {
	if enc.padChar == NoPadding {
		return n/3*4 + (n%3*8+5)/6
	}
	return (n + 2) / 3 * 4
}

// DecodedLen returns the maximum length in bytes of the decoded data corresponding to n
// bytes of base64-encoded data.
func (enc *Encoding) DecodedLen(n int) int {
	if enc.padChar == NoPadding {
		return n/4*3 + n%4*6/8
	}
	return n / 4 * 3
}

// AppendEncode appends the base64 encoded src to dst.
func (enc *Encoding) AppendEncode(dst, src []byte) []byte {
	for len(src) >= 3 {
		v := uint(src[0])<<16 | uint(src[1])<<8 | uint(src[2])
		dst = append(dst, enc.encode[v>>18&0x3f], enc.encode[v>>12&0x3f], enc.encode[v>>6&0x3f], enc.encode[v&0x3f])
		src = src[3:]
	}
	if len(src) == 0 {
		return dst
	}
	v := uint(src[0]) << 16
	if len(src) == 2 {
		v |= uint(src[1]) << 8
	}
	dst = append(dst, enc.encode[v>>18&0x3f], enc.encode[v>>12&0x3f])
	if len(src) == 2 {
		dst = append(dst, enc.encode[v>>6&0x3f])
	} else if enc.padChar != NoPadding {
		dst = append(dst, byte(enc.padChar))
	}
	if enc.padChar != NoPadding {
		dst = append(dst, byte(enc.padChar))
	}
	return dst
}

// Encode encodes src, writing EncodedLen(len(src)) bytes to dst.
func (enc *Encoding) Encode(dst, src []byte) {
	// Byte by byte, as Go's writes them: a dst too short panics where Go's does.
	for i, c := range enc.AppendEncode(nil, src) {
		dst[i] = c
	}
}

// EncodeToString returns the base64 encoding of src.
func (enc *Encoding) EncodeToString(src []byte) string {
	return string(enc.AppendEncode(nil, src))
}

// CorruptInputError is the offset of the byte where the input stopped being base64.
type CorruptInputError int64

func (e CorruptInputError) Error() string {
	return "illegal base64 data at input byte " + strconv.FormatInt(int64(e), 10)
}

// Decode decodes src, writing at most DecodedLen(len(src)) bytes to dst, and returns how
// many it wrote. New line characters (\r and \n) are ignored.
func (enc *Encoding) Decode(dst, src []byte) (int, error) {
	out, err := enc.AppendDecode(nil, src)
	if len(out) > len(dst) {
		// Go's decoder writes whole quanta (and a zero after them) while dst has room for
		// four bytes, then each quantum into dst[n:], its bytes last first: a dst too short
		// panics where Go's does.
		n := 0
		for ; n+3 <= len(out) && len(dst)-n >= 4; n += 3 {
			copy(dst[n:], out[n:n+3])
			dst[n+3] = 0
		}
		for ; n < len(out); n += 3 {
			q := dst[n:]
			for i := min(3, len(out)-n) - 1; i >= 0; i-- {
				q[i] = out[n+i]
			}
		}
	}
	return copy(dst, out), err
}

// DecodeString returns the bytes represented by the base64 string s.
func (enc *Encoding) DecodeString(s string) ([]byte, error) {
	return enc.AppendDecode(nil, []byte(s))
}

// AppendDecode appends the base64 decoded src to dst: each quantum of four symbols (fewer,
// at the end of unpadded input) gives up to three bytes.
func (enc *Encoding) AppendDecode(dst, src []byte) ([]byte, error) {
	si := 0
	for {
		var quantum [4]byte
		n := 0
		for n < 4 {
			if si == len(src) {
				if n == 0 {
					return dst, nil
				}
				if n == 1 || enc.padChar != NoPadding {
					return dst, CorruptInputError(si - n)
				}
				break
			}
			c := src[si]
			si++
			if c == '\n' || c == '\r' {
				continue
			}
			if d := enc.decodeMap[c]; d != 0xff {
				quantum[n] = d
				n++
				continue
			}
			if rune(c) != enc.padChar {
				return dst, CorruptInputError(si - 1)
			}
			// Padding: it ends the input, after two or three symbols.
			switch n {
			case 0, 1:
				return dst, CorruptInputError(si - 1)
			case 2:
				si = skipNewlines(src, si)
				if si == len(src) {
					return dst, CorruptInputError(len(src))
				}
				if rune(src[si]) != enc.padChar {
					return dst, CorruptInputError(si - 1)
				}
				si++
			}
			si = skipNewlines(src, si)
			dst, err := appendQuantum(enc, dst, quantum, n, si)
			if err == nil && si < len(src) {
				err = CorruptInputError(si)
			}
			return dst, err
		}
		var err error
		if dst, err = appendQuantum(enc, dst, quantum, n, si); err != nil || n < 4 {
			return dst, err
		}
	}
}

// appendQuantum appends the bytes of n decoded symbols; strict decoding refuses nonzero
// bits after the last whole byte.
func appendQuantum(enc *Encoding, dst []byte, q [4]byte, n int, si int) ([]byte, error) {
	v := uint(q[0])<<18 | uint(q[1])<<12 | uint(q[2])<<6 | uint(q[3])
	b := [3]byte{byte(v >> 16), byte(v >> 8), byte(v)}
	switch n {
	case 2:
		if enc.strict && b[1] != 0 {
			return dst, CorruptInputError(si - 1)
		}
		return append(dst, b[0]), nil
	case 3:
		if enc.strict && b[2] != 0 {
			return dst, CorruptInputError(si - 1)
		}
		return append(dst, b[0], b[1]), nil
	}
	return append(dst, b[0], b[1], b[2]), nil
}

func skipNewlines(src []byte, i int) int {
	for i < len(src) && (src[i] == '\n' || src[i] == '\r') {
		i++
	}
	return i
}
