// encoding/hex and encoding/base64: encodings of every length around a quantum, the four
// standard encodings, a custom alphabet, hex.Dump, and the decoders' errors with Go's
// offsets.
package main

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
)

func main() {
	data := []byte("Hello, 世界!\x00\xff")
	for n := 0; n <= len(data); n += 3 {
		src := data[:n]
		fmt.Printf("%-2d %s|%s|%s|%s|%s\n", n, hex.EncodeToString(src), base64.StdEncoding.EncodeToString(src),
			base64.URLEncoding.EncodeToString(src), base64.RawStdEncoding.EncodeToString(src), base64.RawURLEncoding.EncodeToString(src))
	}
	for _, n := range []int{0, 1, 2, 3, 4, 5, 10} {
		fmt.Print(base64.StdEncoding.EncodedLen(n), base64.RawStdEncoding.EncodedLen(n), base64.StdEncoding.DecodedLen(n), base64.RawURLEncoding.DecodedLen(n), " ")
	}
	fmt.Println()
	fmt.Print(hex.Dump([]byte("Hello, world! This is a hex dump of 40 bytes.")))
	fmt.Print(hex.Dump(data[:8]))
	fmt.Printf("%q\n", hex.Dump(nil))

	for _, s := range []string{"48656c6C6f", "4865zz", "486", "48g", "", "ab\n"} {
		b, err := hex.DecodeString(s)
		fmt.Printf("hex %q -> %q %v\n", s, b, err)
	}
	for _, s := range []string{"SGVsbG8=", "SGVsbG8", "SGVs\nbG8=", "SGVsbG8==", "SG=sbG8=", "S===", "SGVsbA==x", "SGVsb!8=", "SGVsbA=\n=", "SGVsbA="} {
		b, err := base64.StdEncoding.DecodeString(s)
		r, rerr := base64.RawStdEncoding.DecodeString(s)
		fmt.Printf("b64 %q -> %q %v | %q %v\n", s, b, err, r, rerr)
	}
	custom := base64.NewEncoding("ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlkjihgfedcba9876543210+/").WithPadding('*')
	enc := custom.EncodeToString([]byte("hi!?"))
	dec, err := custom.DecodeString(enc)
	fmt.Println(enc, string(dec), err)
	strict := base64.StdEncoding.Strict()
	_, err = strict.DecodeString("SGVsbG9=")
	fmt.Println(err)
	dst := make([]byte, hex.EncodedLen(3))
	fmt.Println(hex.Encode(dst, []byte{1, 2, 254}), string(dst))
	out := make([]byte, 10)
	n, err := base64.StdEncoding.Decode(out, []byte("AQID"))
	fmt.Println(n, out[:n], err)
	var e error = hex.InvalidByteError('g')
	fmt.Println(e, hex.InvalidByteError(1), base64.CorruptInputError(7))
}
