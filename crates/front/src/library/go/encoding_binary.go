// Package binary translates between numbers and byte sequences, as Go's: the byte orders,
// varints, and Read, Write and Size of fixed-size values (booleans, sized numbers, and arrays,
// slices and structs of them), by reflection.
package binary

import (
	"errors"
	"io"
	"math"
	"reflect"
)

// A ByteOrder specifies how to convert byte slices into unsigned integers.
type ByteOrder interface {
	Uint16([]byte) uint16
	Uint32([]byte) uint32
	Uint64([]byte) uint64
	PutUint16([]byte, uint16)
	PutUint32([]byte, uint32)
	PutUint64([]byte, uint64)
	String() string
}

// AppendByteOrder specifies how to append unsigned integers into a byte slice.
type AppendByteOrder interface {
	AppendUint16([]byte, uint16) []byte
	AppendUint32([]byte, uint32) []byte
	AppendUint64([]byte, uint64) []byte
	String() string
}

// LittleEndian is the little-endian implementation of ByteOrder and AppendByteOrder.
var LittleEndian littleEndian

// BigEndian is the big-endian implementation of ByteOrder and AppendByteOrder.
var BigEndian bigEndian

// NativeEndian is the native-endian implementation of ByteOrder and AppendByteOrder: little
// endian, as on amd64.
var NativeEndian nativeEndian

type littleEndian struct{}

func (littleEndian) Uint16(b []byte) uint16                 { return uint16(le(b, 2)) }
func (littleEndian) Uint32(b []byte) uint32                 { return uint32(le(b, 4)) }
func (littleEndian) Uint64(b []byte) uint64                 { return le(b, 8) }
func (littleEndian) PutUint16(b []byte, v uint16)           { putLE(b, uint64(v), 2) }
func (littleEndian) PutUint32(b []byte, v uint32)           { putLE(b, uint64(v), 4) }
func (littleEndian) PutUint64(b []byte, v uint64)           { putLE(b, v, 8) }
func (littleEndian) AppendUint16(b []byte, v uint16) []byte { return appendLE(b, uint64(v), 2) }
func (littleEndian) AppendUint32(b []byte, v uint32) []byte { return appendLE(b, uint64(v), 4) }
func (littleEndian) AppendUint64(b []byte, v uint64) []byte { return appendLE(b, v, 8) }
func (littleEndian) String() string                         { return "LittleEndian" }
func (littleEndian) GoString() string                       { return "binary.LittleEndian" }

type bigEndian struct{}

func (bigEndian) Uint16(b []byte) uint16                 { return uint16(be(b, 2)) }
func (bigEndian) Uint32(b []byte) uint32                 { return uint32(be(b, 4)) }
func (bigEndian) Uint64(b []byte) uint64                 { return be(b, 8) }
func (bigEndian) PutUint16(b []byte, v uint16)           { putBE(b, uint64(v), 2) }
func (bigEndian) PutUint32(b []byte, v uint32)           { putBE(b, uint64(v), 4) }
func (bigEndian) PutUint64(b []byte, v uint64)           { putBE(b, v, 8) }
func (bigEndian) AppendUint16(b []byte, v uint16) []byte { return appendBE(b, uint64(v), 2) }
func (bigEndian) AppendUint32(b []byte, v uint32) []byte { return appendBE(b, uint64(v), 4) }
func (bigEndian) AppendUint64(b []byte, v uint64) []byte { return appendBE(b, v, 8) }
func (bigEndian) String() string                         { return "BigEndian" }
func (bigEndian) GoString() string                       { return "binary.BigEndian" }

// le is the n-byte little-endian number at the start of b (Go's index panic when b is
// shorter).
func le(b []byte, n int) uint64 {
	_ = b[n-1]
	var v uint64
	for i := n - 1; i >= 0; i-- {
		v = v<<8 | uint64(b[i])
	}
	return v
}

// be is the n-byte big-endian number at the start of b.
func be(b []byte, n int) uint64 {
	_ = b[n-1]
	var v uint64
	for i := 0; i < n; i++ {
		v = v<<8 | uint64(b[i])
	}
	return v
}

// putLE writes v's low n bytes at the start of b, least significant first.
func putLE(b []byte, v uint64, n int) {
	_ = b[n-1]
	for i := 0; i < n; i++ {
		b[i] = byte(v >> (8 * i))
	}
}

// putBE writes v's low n bytes at the start of b, most significant first.
func putBE(b []byte, v uint64, n int) {
	_ = b[n-1]
	for i := 0; i < n; i++ {
		b[n-1-i] = byte(v >> (8 * i))
	}
}

func appendLE(b []byte, v uint64, n int) []byte {
	for i := 0; i < n; i++ {
		b = append(b, byte(v>>(8*i)))
	}
	return b
}

func appendBE(b []byte, v uint64, n int) []byte {
	for i := n - 1; i >= 0; i-- {
		b = append(b, byte(v>>(8*i)))
	}
	return b
}

type nativeEndian struct {
	littleEndian
}

func (nativeEndian) String() string   { return "NativeEndian" }
func (nativeEndian) GoString() string { return "binary.NativeEndian" }

// The maximum lengths of a varint-encoded N-bit integer.
const (
	MaxVarintLen16 = 3
	MaxVarintLen32 = 5
	MaxVarintLen64 = 10
)

// AppendUvarint appends the varint-encoded form of x to buf and returns the extended buffer.
func AppendUvarint(buf []byte, x uint64) []byte {
	for x >= 0x80 {
		buf = append(buf, byte(x)|0x80)
		x >>= 7
	}
	return append(buf, byte(x))
}

// PutUvarint encodes x into buf (which must be large enough) and returns the number of bytes
// written.
func PutUvarint(buf []byte, x uint64) int {
	i := 0
	for x >= 0x80 {
		buf[i] = byte(x) | 0x80
		x >>= 7
		i++
	}
	buf[i] = byte(x)
	return i + 1
}

// Uvarint decodes a uint64 from buf and returns it and the number of bytes read (> 0); 0
// bytes: buf is too small; n < 0: the value overflows 64 bits, and -n bytes were read.
func Uvarint(buf []byte) (uint64, int) {
	var x uint64
	var s uint
	for i, b := range buf {
		if i == MaxVarintLen64 {
			return 0, -(i + 1)
		}
		if b < 0x80 {
			if i == MaxVarintLen64-1 && b > 1 {
				return 0, -(i + 1)
			}
			return x | uint64(b)<<s, i + 1
		}
		x |= uint64(b&0x7f) << s
		s += 7
	}
	return 0, 0
}

// zigzag maps signed integers to unsigned ones so that small magnitudes stay small.
func zigzag(x int64) uint64 {
	ux := uint64(x) << 1
	if x < 0 {
		ux = ^ux
	}
	return ux
}

func unzigzag(ux uint64) int64 {
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x
}

// AppendVarint appends the varint-encoded form of x to buf and returns the extended buffer.
func AppendVarint(buf []byte, x int64) []byte { return AppendUvarint(buf, zigzag(x)) }

// PutVarint encodes x into buf and returns the number of bytes written.
func PutVarint(buf []byte, x int64) int { return PutUvarint(buf, zigzag(x)) }

// Varint decodes an int64 from buf, as Uvarint.
func Varint(buf []byte) (int64, int) {
	ux, n := Uvarint(buf)
	return unzigzag(ux), n
}

var errOverflow = errors.New("binary: varint overflows a 64-bit integer")

// ReadUvarint reads a uvarint from r.
func ReadUvarint(r io.ByteReader) (uint64, error) {
	var x uint64
	var s uint
	for i := 0; i < MaxVarintLen64; i++ {
		b, err := r.ReadByte()
		if err != nil {
			if i > 0 && err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return x, err
		}
		if b < 0x80 {
			if i == MaxVarintLen64-1 && b > 1 {
				return x, errOverflow
			}
			return x | uint64(b)<<s, nil
		}
		x |= uint64(b&0x7f) << s
		s += 7
	}
	return x, errOverflow
}

// ReadVarint reads a varint from r.
func ReadVarint(r io.ByteReader) (int64, error) {
	ux, err := ReadUvarint(r)
	return unzigzag(ux), err
}

// Read reads structured binary data from r into data, a pointer to a fixed-size value or a
// slice of fixed-size values, decoding it in order. Fields named _ are skipped.
func Read(r io.Reader, order ByteOrder, data any) error {
	v := reflect.ValueOf(data)
	size := -1
	switch v.Kind() {
	case reflect.Pointer:
		v = v.Elem()
		size = dataSize(v)
	case reflect.Slice:
		size = dataSize(v)
	}
	if size < 0 {
		return errors.New("binary.Read: invalid type " + reflect.TypeOf(data).String())
	}
	c := &coder{order: order, buf: make([]byte, size)}
	if _, err := io.ReadFull(r, c.buf); err != nil {
		return err
	}
	c.decode(v)
	return nil
}

// Write writes the binary representation of data, a fixed-size value, a slice of them or a
// pointer to one, into w, in order.
func Write(w io.Writer, order ByteOrder, data any) error {
	v := reflect.Indirect(reflect.ValueOf(data))
	size := dataSize(v)
	if size < 0 {
		return errors.New("binary.Write: invalid type " + reflect.TypeOf(data).String())
	}
	c := &coder{order: order, buf: make([]byte, size)}
	c.encode(v)
	_, err := w.Write(c.buf)
	return err
}

// Size returns how many bytes Write would write for v, or -1 if v is not fixed-size.
func Size(v any) int {
	return dataSize(reflect.Indirect(reflect.ValueOf(v)))
}

// dataSize is the encoded size of v (a slice's elements), or -1.
func dataSize(v reflect.Value) int {
	if !v.IsValid() {
		return -1
	}
	if v.Kind() == reflect.Slice {
		if s := sizeof(v.Type().Elem()); s >= 0 {
			return s * v.Len()
		}
		return -1
	}
	return sizeof(v.Type())
}

// sizeof is the encoded size of a value of type t, or -1 when it has none.
func sizeof(t reflect.Type) int {
	switch t.Kind() {
	case reflect.Array:
		if s := sizeof(t.Elem()); s >= 0 {
			return s * t.Len()
		}
	case reflect.Struct:
		sum := 0
		for i := 0; i < t.NumField(); i++ {
			s := sizeof(t.Field(i).Type)
			if s < 0 {
				return -1
			}
			sum += s
		}
		return sum
	case reflect.Bool, reflect.Int8, reflect.Uint8:
		return 1
	case reflect.Int16, reflect.Uint16:
		return 2
	case reflect.Int32, reflect.Uint32, reflect.Float32:
		return 4
	case reflect.Int64, reflect.Uint64, reflect.Float64:
		return 8
	}
	return -1
}

// A coder reads values from or writes them to buf, from its start on.
type coder struct {
	order  ByteOrder
	buf    []byte
	offset int
}

// next is the next n bytes of buf, which it moves past.
func (c *coder) next(n int) []byte {
	b := c.buf[c.offset : c.offset+n]
	c.offset += n
	return b
}

// parts calls f on each element of an array or slice and each field of a struct, and reports
// whether v had any; a field named _ is skipped (its bytes too).
func (c *coder) parts(v reflect.Value, f func(reflect.Value)) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			f(v.Index(i))
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < v.NumField(); i++ {
			if t.Field(i).Name == "_" {
				c.offset += sizeof(t.Field(i).Type)
				continue
			}
			f(v.Field(i))
		}
	default:
		return false
	}
	return true
}

func (c *coder) decode(v reflect.Value) {
	if c.parts(v, c.decode) {
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(c.next(1)[0] != 0)
	case reflect.Int8:
		v.SetInt(int64(int8(c.next(1)[0])))
	case reflect.Int16:
		v.SetInt(int64(int16(c.order.Uint16(c.next(2)))))
	case reflect.Int32:
		v.SetInt(int64(int32(c.order.Uint32(c.next(4)))))
	case reflect.Int64:
		v.SetInt(int64(c.order.Uint64(c.next(8))))
	case reflect.Uint8:
		v.SetUint(uint64(c.next(1)[0]))
	case reflect.Uint16:
		v.SetUint(uint64(c.order.Uint16(c.next(2))))
	case reflect.Uint32:
		v.SetUint(uint64(c.order.Uint32(c.next(4))))
	case reflect.Uint64:
		v.SetUint(c.order.Uint64(c.next(8)))
	case reflect.Float32:
		v.SetFloat(float64(math.Float32frombits(c.order.Uint32(c.next(4)))))
	case reflect.Float64:
		v.SetFloat(math.Float64frombits(c.order.Uint64(c.next(8))))
	}
}

func (c *coder) encode(v reflect.Value) {
	if c.parts(v, c.encode) {
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			c.next(1)[0] = 1
		} else {
			c.next(1)[0] = 0
		}
	case reflect.Int8:
		c.next(1)[0] = byte(v.Int())
	case reflect.Int16:
		c.order.PutUint16(c.next(2), uint16(v.Int()))
	case reflect.Int32:
		c.order.PutUint32(c.next(4), uint32(v.Int()))
	case reflect.Int64:
		c.order.PutUint64(c.next(8), uint64(v.Int()))
	case reflect.Uint8:
		c.next(1)[0] = byte(v.Uint())
	case reflect.Uint16:
		c.order.PutUint16(c.next(2), uint16(v.Uint()))
	case reflect.Uint32:
		c.order.PutUint32(c.next(4), uint32(v.Uint()))
	case reflect.Uint64:
		c.order.PutUint64(c.next(8), v.Uint())
	case reflect.Float32:
		c.order.PutUint32(c.next(4), math.Float32bits(float32(v.Float())))
	case reflect.Float64:
		c.order.PutUint64(c.next(8), math.Float64bits(v.Float()))
	}
}
