// encoding/binary: both byte orders (Uint16/32/64, Put, Append, String, GoString), varints
// (Put, Append, decoding, too short and overflowing input, Read from a ByteReader; a read cut
// short after the first byte gives io.ErrUnexpectedEOF since Go 1.20, EOF in 1.19, so it is
// left out), and Read, Write and Size of sized numbers, booleans, floats, arrays,
// slices, structs with a blank field and pointers, with the errors of types of no fixed size.
package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
)

type Header struct {
	Magic   [4]byte
	Version uint16
	_       [2]byte
	Flags   int32
	Ratio   float32
	Count   uint64
	Ok      bool
	Temps   [3]int16
}

func main() {
	b := []byte{1, 2, 3, 4, 5, 6, 7, 8}
	for _, o := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
		fmt.Printf("%v %#v %#x %#x %#x\n", o, o, o.Uint16(b), o.Uint32(b), o.Uint64(b))
		buf := make([]byte, 8)
		o.PutUint16(buf, 0xABCD)
		o.PutUint32(buf[2:], 0xDEADBEEF)
		fmt.Printf("% x\n", buf)
		o.PutUint64(buf, math.MaxUint64-1)
		fmt.Printf("% x\n", buf)
	}
	var a []byte
	a = binary.BigEndian.AppendUint16(a, 0x0102)
	a = binary.LittleEndian.AppendUint32(a, 0x03040506)
	a = binary.BigEndian.AppendUint64(a, 0x0708090a0b0c0d0e)
	fmt.Printf("% x\n", a)
	func() {
		defer func() { fmt.Println("short:", recover()) }()
		binary.BigEndian.Uint32([]byte{1, 2})
	}()

	for _, x := range []uint64{0, 1, 127, 128, 300, 1 << 32, math.MaxUint64} {
		buf := make([]byte, binary.MaxVarintLen64)
		n := binary.PutUvarint(buf, x)
		y, m := binary.Uvarint(buf[:n])
		fmt.Printf("%d: % x %d %d %d\n", x, buf[:n], y, m, len(binary.AppendUvarint(nil, x)))
	}
	for _, x := range []int64{0, -1, 1, -64, 64, math.MinInt64, math.MaxInt64} {
		buf := binary.AppendVarint(nil, x)
		y, m := binary.Varint(buf)
		z, err := binary.ReadVarint(bytes.NewReader(buf))
		fmt.Printf("%d: % x %d %d %d %v\n", x, buf, y, m, z, err)
	}
	fmt.Println(binary.Uvarint([]byte{0x80, 0x80}))
	fmt.Println(binary.Uvarint(bytes.Repeat([]byte{0xff}, 11)))
	fmt.Println(binary.Uvarint([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02}))
	fmt.Println(binary.ReadUvarint(bytes.NewReader(nil)))
	fmt.Println(binary.ReadUvarint(bytes.NewReader(bytes.Repeat([]byte{0xff}, 11))))

	h := Header{Magic: [4]byte{'G', 'O', 'B', 'N'}, Version: 3, Flags: -2, Ratio: 1.5, Count: 1 << 40, Ok: true, Temps: [3]int16{-10, 0, 25}}
	var w bytes.Buffer
	fmt.Println(binary.Size(h), binary.Size(&h), binary.Write(&w, binary.BigEndian, &h))
	fmt.Printf("% x\n", w.Bytes())
	var back Header
	fmt.Println(binary.Read(bytes.NewReader(w.Bytes()), binary.BigEndian, &back), back == h)
	fmt.Printf("%+v\n", back)
	w.Reset()
	fmt.Println(binary.Write(&w, binary.LittleEndian, []float64{1, -0.5}), binary.Write(&w, binary.LittleEndian, int16(-3)))
	fmt.Println(binary.Write(&w, binary.LittleEndian, []bool{true, false}), binary.Write(&w, binary.LittleEndian, uint8(9)))
	fmt.Printf("% x\n", w.Bytes())
	fs := make([]float64, 2)
	var i16 int16
	flags := make([]bool, 2)
	var u8 uint8
	r := bytes.NewReader(w.Bytes())
	fmt.Println(binary.Read(r, binary.LittleEndian, fs), binary.Read(r, binary.LittleEndian, &i16), binary.Read(r, binary.LittleEndian, flags), binary.Read(r, binary.LittleEndian, &u8))
	fmt.Println(fs, i16, flags, u8, binary.Read(r, binary.LittleEndian, &u8))
	fmt.Println(binary.Read(bytes.NewReader([]byte{1}), binary.BigEndian, &i16))
	fmt.Println(binary.Write(&w, binary.BigEndian, 7), binary.Size(7), binary.Size([]int{1}), binary.Size("s"))
	fmt.Println(binary.Read(r, binary.BigEndian, new(int)))
	fmt.Println(binary.Write(&w, binary.BigEndian, struct{ S string }{"x"}))
}
