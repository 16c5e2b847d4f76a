// Package json declares chanlab's encoding/json package, written in Go on reflect.
//
// Marshal and MarshalIndent encode as Go's do: struct fields by Go's rules (tags with
// omitempty and string, embedded structs' fields promoted, conflicts resolved), maps with
// sorted keys, []byte in base64, HTML-safe strings, floats in Go's form, Marshaler and
// TextMarshaler values through their methods. Unmarshal decodes into the same kinds of
// values (or into an interface: map[string]any, []any, float64, string, bool, nil), with Go's
// syntax and type errors. An Encoder writes values to a stream, each on a line of its own
// (indented, without HTML escapes, as asked); a Decoder reads successive values from a
// stream, reading only as far as each value needs. RawMessage carries encoded JSON through
// both; Number is not provided.
package json

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// RawMessage is a raw encoded JSON value: it marshals as itself (compacted, as every
// Marshaler's output is) and unmarshals as a copy of the JSON it was given, to delay decoding
// or to precompute an encoding.
type RawMessage []byte

// MarshalJSON returns m as the JSON encoding of m ("null" for nil).
func (m RawMessage) MarshalJSON() ([]byte, error) {
	if m == nil {
		return []byte("null"), nil
	}
	return m, nil
}

// UnmarshalJSON sets *m to a copy of data.
func (m *RawMessage) UnmarshalJSON(data []byte) error {
	if m == nil {
		return errors.New("json.RawMessage: UnmarshalJSON on nil pointer")
	}
	*m = append((*m)[0:0], data...)
	return nil
}

// Marshaler is the interface implemented by types that can marshal themselves into JSON.
type Marshaler interface {
	MarshalJSON() ([]byte, error)
}

// Unmarshaler is the interface implemented by types that can unmarshal JSON of themselves.
type Unmarshaler interface {
	UnmarshalJSON([]byte) error
}

// textMarshaler is encoding.TextMarshaler.
type textMarshaler interface {
	MarshalText() (text []byte, err error)
}

// textUnmarshaler is encoding.TextUnmarshaler.
type textUnmarshaler interface {
	UnmarshalText(text []byte) error
}

// An UnsupportedTypeError is returned by Marshal when attempting to encode an unsupported
// value type.
type UnsupportedTypeError struct {
	Type reflect.Type
}

func (e *UnsupportedTypeError) Error() string {
	return "json: unsupported type: " + e.Type.String()
}

// An UnsupportedValueError is returned by Marshal when attempting to encode an unsupported
// value.
type UnsupportedValueError struct {
	Value reflect.Value
	Str   string
}

func (e *UnsupportedValueError) Error() string {
	return "json: unsupported value: " + e.Str
}

// A MarshalerError represents an error from calling a MarshalJSON or MarshalText method.
type MarshalerError struct {
	Type       reflect.Type
	Err        error
	sourceFunc string
}

func (e *MarshalerError) Error() string {
	srcFunc := e.sourceFunc
	if srcFunc == "" {
		srcFunc = "MarshalJSON"
	}
	return "json: error calling " + srcFunc + " for type " + e.Type.String() + ": " + e.Err.Error()
}

func (e *MarshalerError) Unwrap() error { return e.Err }

// A SyntaxError is a description of a JSON syntax error.
type SyntaxError struct {
	msg    string
	Offset int64
}

func (e *SyntaxError) Error() string { return e.msg }

// An UnmarshalTypeError describes a JSON value that was not appropriate for a value of a
// specific Go type.
type UnmarshalTypeError struct {
	Value  string
	Type   reflect.Type
	Offset int64
	Struct string
	Field  string
}

func (e *UnmarshalTypeError) Error() string {
	if e.Struct != "" || e.Field != "" {
		return "json: cannot unmarshal " + e.Value + " into Go struct field " + e.Struct + "." + e.Field + " of type " + e.Type.String()
	}
	return "json: cannot unmarshal " + e.Value + " into Go value of type " + e.Type.String()
}

// An InvalidUnmarshalError describes an invalid argument passed to Unmarshal.
type InvalidUnmarshalError struct {
	Type reflect.Type
}

func (e *InvalidUnmarshalError) Error() string {
	if e.Type == nil {
		return "json: Unmarshal(nil)"
	}
	if e.Type.Kind() != reflect.Pointer {
		return "json: Unmarshal(non-pointer " + e.Type.String() + ")"
	}
	return "json: Unmarshal(nil " + e.Type.String() + ")"
}

// Marshal returns the JSON encoding of v.
func Marshal(v any) ([]byte, error) {
	e := &encoder{}
	if err := e.value(reflect.ValueOf(v), false); err != nil {
		return nil, err
	}
	return e.buf, nil
}

// MarshalIndent is like Marshal but applies Indent to format the output.
func MarshalIndent(v any, prefix, indent string) ([]byte, error) {
	b, err := Marshal(v)
	if err != nil {
		return nil, err
	}
	return appendIndent(nil, b, prefix, indent), nil
}

// encoder builds an encoding; ptrDepth counts the pointers it follows, to stop at a cycle.
// noHTML leaves the characters HTML gives meaning to as they are in strings.
type encoder struct {
	buf      []byte
	ptrDepth int
	noHTML   bool
}

// str appends s quoted.
func (e *encoder) str(s string) {
	e.buf = appendQuoted(e.buf, s, !e.noHTML)
}

// An Encoder writes JSON values to an output stream, each followed by a newline.
type Encoder struct {
	w              io.Writer
	err            error
	escapeHTML     bool
	prefix, indent string
}

// NewEncoder returns a new encoder that writes to w.
func NewEncoder(w io.Writer) *Encoder {
	return &Encoder{w: w, escapeHTML: true}
}

// Encode writes the JSON encoding of v to the stream, followed by a newline.
func (enc *Encoder) Encode(v any) error {
	if enc.err != nil {
		return enc.err
	}
	e := &encoder{noHTML: !enc.escapeHTML}
	if err := e.value(reflect.ValueOf(v), false); err != nil {
		return err
	}
	b := append(e.buf, '\n')
	if enc.prefix != "" || enc.indent != "" {
		b = appendIndent(nil, b, enc.prefix, enc.indent)
	}
	if _, err := enc.w.Write(b); err != nil {
		enc.err = err
		return err
	}
	return nil
}

// SetIndent makes Encode indent each value as MarshalIndent does.
func (enc *Encoder) SetIndent(prefix, indent string) {
	enc.prefix, enc.indent = prefix, indent
}

// SetEscapeHTML says whether <, > and & in strings are escaped (they are by default).
func (enc *Encoder) SetEscapeHTML(on bool) {
	enc.escapeHTML = on
}

const maxPointerDepth = 1000

func (e *encoder) value(v reflect.Value, quoted bool) error {
	if !v.IsValid() {
		e.buf = append(e.buf, "null"...)
		return nil
	}
	t := v.Type()
	if t.Kind() != reflect.Interface && !(t.Kind() == reflect.Pointer && v.IsNil()) && v.CanInterface() {
		// As Go's encoder: an addressable value whose pointer type has the method uses it
		// (a MarshalJSON on *T for a struct field or a slice element), before T's own.
		byAddr := t.Kind() != reflect.Pointer && v.CanAddr()
		if byAddr {
			if m, ok := v.Addr().Interface().(Marshaler); ok {
				return e.marshalJSON(m, t)
			}
		}
		if m, ok := v.Interface().(Marshaler); ok {
			return e.marshalJSON(m, t)
		}
		if byAddr {
			if m, ok := v.Addr().Interface().(textMarshaler); ok {
				return e.marshalText(m, t)
			}
		}
		if m, ok := v.Interface().(textMarshaler); ok {
			return e.marshalText(m, t)
		}
	}
	switch t.Kind() {
	case reflect.Bool:
		e.quotedIf(quoted, strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.quotedIf(quoted, strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		e.quotedIf(quoted, strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		bits := 64
		if t.Kind() == reflect.Float32 {
			bits = 32
		}
		s, ok := formatFloat(v.Float(), bits)
		if !ok {
			return &UnsupportedValueError{v, s}
		}
		e.quotedIf(quoted, s)
	case reflect.String:
		if quoted {
			e.buf = appendString(e.buf, string(appendString(nil, v.String())))
		} else {
			e.str(v.String())
		}
	case reflect.Struct:
		return e.structValue(v)
	case reflect.Map:
		return e.mapValue(v)
	case reflect.Slice:
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return nil
		}
		if t.Elem().Kind() == reflect.Uint8 {
			b := make([]byte, v.Len())
			for i := range b {
				b[i] = byte(v.Index(i).Uint())
			}
			e.buf = append(e.buf, '"')
			e.buf = base64.StdEncoding.AppendEncode(e.buf, b)
			e.buf = append(e.buf, '"')
			return nil
		}
		// A slice that holds itself (through an interface) is a cycle, as a pointer can be.
		e.ptrDepth++
		if e.ptrDepth > maxPointerDepth {
			return &UnsupportedValueError{v, "encountered a cycle via " + t.String()}
		}
		err := e.array(v)
		e.ptrDepth--
		return err
	case reflect.Array:
		return e.array(v)
	case reflect.Interface:
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return nil
		}
		return e.value(v.Elem(), false)
	case reflect.Pointer:
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return nil
		}
		e.ptrDepth++
		if e.ptrDepth > maxPointerDepth {
			return &UnsupportedValueError{v, "encountered a cycle via " + t.String()}
		}
		err := e.value(v.Elem(), quoted)
		e.ptrDepth--
		return err
	default:
		return &UnsupportedTypeError{t}
	}
	return nil
}

// marshalJSON encodes what m (a value of type t) marshals itself to.
func (e *encoder) marshalJSON(m Marshaler, t reflect.Type) error {
	b, err := m.MarshalJSON()
	if err == nil {
		if _, err = parse(b); err == nil {
			b = compact(b, !e.noHTML)
		}
	}
	if err != nil {
		return &MarshalerError{t, err, "MarshalJSON"}
	}
	e.buf = append(e.buf, b...)
	return nil
}

// marshalText encodes the text m (a value of type t) marshals itself to, as a string.
func (e *encoder) marshalText(m textMarshaler, t reflect.Type) error {
	b, err := m.MarshalText()
	if err != nil {
		return &MarshalerError{t, err, "MarshalText"}
	}
	e.buf = appendString(e.buf, string(b))
	return nil
}

func (e *encoder) quotedIf(quoted bool, s string) {
	if quoted {
		e.buf = append(e.buf, '"')
	}
	e.buf = append(e.buf, s...)
	if quoted {
		e.buf = append(e.buf, '"')
	}
}

func (e *encoder) array(v reflect.Value) error {
	e.buf = append(e.buf, '[')
	for i := 0; i < v.Len(); i++ {
		if i > 0 {
			e.buf = append(e.buf, ',')
		}
		if err := e.value(v.Index(i), false); err != nil {
			return err
		}
	}
	e.buf = append(e.buf, ']')
	return nil
}

func (e *encoder) structValue(v reflect.Value) error {
	e.buf = append(e.buf, '{')
	first := true
	for _, f := range fieldsOf(v.Type()) {
		fv, ok := fieldByIndex(v, f.index)
		if !ok || f.omitEmpty && isEmptyValue(fv) {
			continue
		}
		if !first {
			e.buf = append(e.buf, ',')
		}
		first = false
		e.str(f.name)
		e.buf = append(e.buf, ':')
		if err := e.value(fv, f.quoted); err != nil {
			return err
		}
	}
	e.buf = append(e.buf, '}')
	return nil
}

// fieldByIndex follows an index path through embedded structs; false when it passes
// through a nil embedded pointer.
func fieldByIndex(v reflect.Value, index []int) (reflect.Value, bool) {
	for k, i := range index {
		if k > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}, false
			}
			v = v.Elem()
		}
		v = v.Field(i)
	}
	return v, true
}

func (e *encoder) mapValue(v reflect.Value) error {
	if !keyEncodes(v.Type().Key()) {
		return &UnsupportedTypeError{v.Type()}
	}
	if v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return nil
	}
	e.ptrDepth++
	if e.ptrDepth > maxPointerDepth {
		return &UnsupportedValueError{v, "encountered a cycle via " + v.Type().String()}
	}
	type entry struct {
		key string
		v   reflect.Value
	}
	var entries []entry
	for _, k := range v.MapKeys() {
		name, err := mapKeyString(k)
		if err != nil {
			return err
		}
		entries = append(entries, entry{name, v.MapIndex(k)})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].key < entries[j].key })
	e.buf = append(e.buf, '{')
	for i, kv := range entries {
		if i > 0 {
			e.buf = append(e.buf, ',')
		}
		e.str(kv.key)
		e.buf = append(e.buf, ':')
		if err := e.value(kv.v, false); err != nil {
			return err
		}
	}
	e.buf = append(e.buf, '}')
	e.ptrDepth--
	return nil
}

// keyEncodes reports whether a map's keys of type t can be object names: strings, integers
// and TextMarshalers.
func keyEncodes(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return true
	}
	_, ok := reflect.Zero(t).Interface().(textMarshaler)
	return ok
}

// mapKeyString is a map key as an object's name: a string, an integer, or a TextMarshaler's
// text.
func mapKeyString(k reflect.Value) (string, error) {
	if k.Kind() == reflect.String {
		return k.String(), nil
	}
	if m, ok := k.Interface().(textMarshaler); ok {
		if k.Kind() == reflect.Pointer && k.IsNil() {
			return "", nil
		}
		b, err := m.MarshalText()
		if err != nil {
			return "", &MarshalerError{k.Type(), err, "MarshalText"}
		}
		return string(b), nil
	}
	switch k.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(k.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(k.Uint(), 10), nil
	}
	return "", &UnsupportedTypeError{k.Type()}
}

func isEmptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}

// formatFloat is f as JSON writes it: the shortest form that reads back, with an exponent
// only for very large or small magnitudes; false for an infinity or NaN.
func formatFloat(f float64, bits int) (string, bool) {
	if f != f || f > 1.7976931348623157e308 || f < -1.7976931348623157e308 {
		return strconv.FormatFloat(f, 'g', -1, bits), false
	}
	abs := f
	if abs < 0 {
		abs = -abs
	}
	format := byte('f')
	if abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	b := []byte(strconv.FormatFloat(f, format, -1, bits))
	if format == 'e' {
		// e-09 becomes e-9.
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return string(b), true
}

const hexDigits = "0123456789abcdef"

// appendString appends s quoted, with the characters HTML gives meaning to escaped, invalid
// UTF-8 as U+FFFD, and U+2028 and U+2029 escaped.
func appendString(buf []byte, s string) []byte {
	return appendQuoted(buf, s, true)
}

// appendQuoted is appendString, escaping <, > and & only if html.
func appendQuoted(buf []byte, s string, html bool) []byte {
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= ' ' && b != '"' && b != '\\' && (!html || b != '<' && b != '>' && b != '&') {
				i++
				continue
			}
			buf = append(buf, s[start:i]...)
			switch b {
			case '\\', '"':
				buf = append(buf, '\\', b)
			case '\b':
				buf = append(buf, '\\', 'b')
			case '\f':
				buf = append(buf, '\\', 'f')
			case '\n':
				buf = append(buf, '\\', 'n')
			case '\r':
				buf = append(buf, '\\', 'r')
			case '\t':
				buf = append(buf, '\\', 't')
			default:
				buf = append(buf, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			buf = append(buf, s[start:i]...)
			buf = append(buf, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			buf = append(buf, s[start:i]...)
			buf = append(buf, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	buf = append(buf, s[start:]...)
	return append(buf, '"')
}

// A field is how a struct field is encoded: its name, the index path to it through
// embedded structs, and its tag's options.
type field struct {
	name      string
	tagged    bool
	index     []int
	typ       reflect.Type
	omitEmpty bool
	quoted    bool
}

// fieldsOf lists the fields JSON encodes for struct type t, by Go's rules: exported fields
// and those of embedded structs, breadth first; of several fields with one name the
// shallowest wins, a tagged one among equals, and none when that leaves a tie.
func fieldsOf(t reflect.Type) []field {
	type walk struct {
		typ   reflect.Type
		index []int
	}
	var fields []field
	current := []walk{}
	next := []walk{{typ: t}}
	count := map[reflect.Type]int{}
	nextCount := map[reflect.Type]int{}
	visited := map[reflect.Type]bool{}
	for len(next) > 0 {
		current, next = next, current[:0]
		count, nextCount = nextCount, map[reflect.Type]int{}
		for _, f := range current {
			if visited[f.typ] {
				continue
			}
			visited[f.typ] = true
			for i := 0; i < f.typ.NumField(); i++ {
				sf := f.typ.Field(i)
				if sf.Anonymous {
					ft := sf.Type
					if ft.Kind() == reflect.Pointer {
						ft = ft.Elem()
					}
					if !sf.IsExported() && ft.Kind() != reflect.Struct {
						continue
					}
				} else if !sf.IsExported() {
					continue
				}
				tag := sf.Tag.Get("json")
				if tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if !isValidTag(name) {
					name = ""
				}
				index := make([]int, len(f.index)+1)
				copy(index, f.index)
				index[len(f.index)] = i
				ft := sf.Type
				if ft.Name() == "" && ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				quoted := false
				if hasOption(opts, "string") {
					switch ft.Kind() {
					case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
						reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
						reflect.Float32, reflect.Float64, reflect.String:
						quoted = true
					}
				}
				if name != "" || !sf.Anonymous || ft.Kind() != reflect.Struct {
					tagged := name != ""
					if name == "" {
						name = sf.Name
					}
					fields = append(fields, field{name, tagged, index, ft, hasOption(opts, "omitempty"), quoted})
					if count[f.typ] > 1 {
						// Two copies: the tie-breaking below drops both.
						fields = append(fields, fields[len(fields)-1])
					}
					continue
				}
				nextCount[ft]++
				if nextCount[ft] == 1 {
					next = append(next, walk{ft, index})
				}
			}
		}
	}
	sort.SliceStable(fields, func(i, j int) bool {
		x := fields
		if x[i].name != x[j].name {
			return x[i].name < x[j].name
		}
		if len(x[i].index) != len(x[j].index) {
			return len(x[i].index) < len(x[j].index)
		}
		if x[i].tagged != x[j].tagged {
			return x[i].tagged
		}
		return indexLess(x[i].index, x[j].index)
	})
	out := fields[:0]
	for advance, i := 0, 0; i < len(fields); i += advance {
		fi := fields[i]
		for advance = 1; i+advance < len(fields); advance++ {
			if fields[i+advance].name != fi.name {
				break
			}
		}
		if advance == 1 {
			out = append(out, fi)
			continue
		}
		// The dominant field: the first, unless the next is as shallow and as tagged.
		if len(fields[i].index) != len(fields[i+1].index) || fields[i].tagged != fields[i+1].tagged {
			out = append(out, fi)
		}
	}
	fields = out
	sort.Slice(fields, func(i, j int) bool { return indexLess(fields[i].index, fields[j].index) })
	return fields
}

func indexLess(a, b []int) bool {
	for k, x := range a {
		if k >= len(b) {
			return false
		}
		if x != b[k] {
			return x < b[k]
		}
	}
	return len(a) < len(b)
}

func hasOption(opts, name string) bool {
	for opts != "" {
		var opt string
		opt, opts, _ = strings.Cut(opts, ",")
		if opt == name {
			return true
		}
	}
	return false
}

func isValidTag(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c > 0x7f:
		default:
			return false
		}
	}
	return true
}

// A node is a parsed JSON value: its kind ('{', '[', '"', '0' for a number, 't', 'f', 'n'),
// a string's value or a number's text, an object's keys, the elements, and where its text
// starts and ends in the input.
type node struct {
	kind       byte
	text       string
	keys       []string
	elems      []*node
	start, end int
}

// parser reads JSON text into nodes, failing with Go's syntax errors.
type parser struct {
	data  []byte
	pos   int
	depth int
	err   *SyntaxError
}

// maxNestingDepth is how deep objects and arrays may nest, as in Go.
const maxNestingDepth = 10000

func quoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	return "'" + s[1:len(s)-1] + "'"
}

// fail records the first syntax error: at the byte at p.pos, or at the end of the input.
func (p *parser) fail(context string) {
	if p.err != nil {
		return
	}
	if p.pos >= len(p.data) {
		p.err = &SyntaxError{"unexpected end of JSON input", int64(len(p.data))}
		return
	}
	p.err = &SyntaxError{"invalid character " + quoteChar(p.data[p.pos]) + " " + context, int64(p.pos + 1)}
}

// failInToken is fail inside a literal or number, where the end of the input counts as a
// space, as Go's scanner feeds one at the end.
func (p *parser) failInToken(context string) {
	if p.err == nil && p.pos >= len(p.data) {
		p.err = &SyntaxError{"invalid character ' ' " + context, int64(len(p.data) + 1)}
		return
	}
	p.fail(context)
}

func (p *parser) space() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\r', '\n':
			p.pos++
		default:
			return
		}
	}
}

// parse reads the whole input as one value.
func parse(data []byte) (*node, error) {
	p := &parser{data: data}
	p.space()
	n := p.value("looking for beginning of value")
	if p.err == nil {
		p.space()
		if p.pos < len(p.data) {
			p.fail("after top-level value")
		}
	}
	if p.err != nil {
		return nil, p.err
	}
	return n, nil
}

func (p *parser) value(context string) *node {
	if p.pos >= len(p.data) {
		p.fail(context)
		return nil
	}
	n := &node{start: p.pos}
	if c := p.data[p.pos]; c == '{' || c == '[' {
		p.depth++
		defer func() { p.depth-- }()
		if p.depth > maxNestingDepth {
			p.err = &SyntaxError{"invalid character " + quoteChar(c) + " exceeded max depth", int64(p.pos + 1)}
			return nil
		}
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		n.kind = '{'
		p.pos++
		p.space()
		if p.eat('}') {
			break
		}
		for {
			if p.pos >= len(p.data) || p.data[p.pos] != '"' {
				p.fail("looking for beginning of object key string")
				return nil
			}
			key := p.str()
			if p.err != nil {
				return nil
			}
			p.space()
			if !p.eat(':') {
				p.fail("after object key")
				return nil
			}
			p.space()
			n.keys = append(n.keys, key.text)
			if !p.element(n, '}', "after object key:value pair") {
				break
			}
		}
	case c == '[':
		n.kind = '['
		p.pos++
		p.space()
		if p.eat(']') {
			break
		}
		for p.element(n, ']', "after array element") {
		}
	case c == '"':
		return p.str()
	case c == '-' || c >= '0' && c <= '9':
		p.number()
		n.kind = '0'
		n.text = string(p.data[n.start:p.pos])
	case c == 't':
		p.literal("true")
		n.kind = 't'
	case c == 'f':
		p.literal("false")
		n.kind = 'f'
	case c == 'n':
		p.literal("null")
		n.kind = 'n'
	default:
		p.fail(context)
	}
	if p.err != nil {
		return nil
	}
	n.end = p.pos
	return n
}

// eat reads byte b if it comes next.
func (p *parser) eat(b byte) bool {
	if p.pos < len(p.data) && p.data[p.pos] == b {
		p.pos++
		return true
	}
	return false
}

// element reads an object's or array's next value into n and what follows it: true after a
// comma (another element follows), false after the closing byte or an error.
func (p *parser) element(n *node, close byte, context string) bool {
	elem := p.value("looking for beginning of value")
	if p.err != nil {
		return false
	}
	n.elems = append(n.elems, elem)
	p.space()
	if p.eat(',') {
		p.space()
		return true
	}
	if !p.eat(close) {
		p.fail(context)
	}
	return false
}

func (p *parser) literal(word string) {
	for i := 0; i < len(word); i++ {
		if p.pos >= len(p.data) || p.data[p.pos] != word[i] {
			p.failInToken("in literal " + word + " (expecting " + quoteChar(word[i]) + ")")
			return
		}
		p.pos++
	}
}

func (p *parser) digits() bool {
	start := p.pos
	for p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' {
		p.pos++
	}
	return p.pos > start
}

func (p *parser) number() {
	if p.data[p.pos] == '-' {
		p.pos++
		if p.pos >= len(p.data) || p.data[p.pos] < '0' || p.data[p.pos] > '9' {
			p.failInToken("in numeric literal")
			return
		}
	}
	if p.data[p.pos] == '0' {
		p.pos++
	} else {
		p.digits()
	}
	if p.pos < len(p.data) && p.data[p.pos] == '.' {
		p.pos++
		if !p.digits() {
			p.failInToken("after decimal point in numeric literal")
			return
		}
	}
	if p.pos < len(p.data) && (p.data[p.pos] == 'e' || p.data[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.data) && (p.data[p.pos] == '+' || p.data[p.pos] == '-') {
			p.pos++
		}
		if !p.digits() {
			p.failInToken("in exponent of numeric literal")
		}
	}
}

// str reads a string literal, its escapes decoded (a lone or invalid surrogate, and
// invalid UTF-8, read as U+FFFD).
func (p *parser) str() *node {
	n := &node{kind: '"', start: p.pos}
	p.pos++
	var out []byte
	for {
		if p.pos >= len(p.data) {
			p.fail("")
			return nil
		}
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			n.text = string(out)
			n.end = p.pos
			return n
		case c < ' ':
			p.fail("in string literal")
			return nil
		case c == '\\':
			p.pos++
			if p.pos >= len(p.data) {
				p.fail("")
				return nil
			}
			switch e := p.data[p.pos]; e {
			case '"', '\\', '/':
				out = append(out, e)
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'u':
				r := p.hex4()
				if p.err != nil {
					return nil
				}
				if r >= 0xD800 && r < 0xDC00 {
					// The first half of a surrogate pair: the second should follow.
					if p.pos+6 < len(p.data) && p.data[p.pos+1] == '\\' && p.data[p.pos+2] == 'u' {
						save := p.pos
						p.pos += 2
						r2 := p.hex4()
						if p.err != nil {
							return nil
						}
						if r2 >= 0xDC00 && r2 < 0xE000 {
							r = (r-0xD800)<<10 | (r2 - 0xDC00) + 0x10000
						} else {
							p.pos = save
							r = utf8.RuneError
						}
					} else {
						r = utf8.RuneError
					}
				} else if r >= 0xDC00 && r < 0xE000 {
					r = utf8.RuneError
				}
				out = utf8.AppendRune(out, r)
			default:
				p.fail("in string escape code")
				return nil
			}
			p.pos++
		case c < utf8.RuneSelf:
			out = append(out, c)
			p.pos++
		default:
			r, size := utf8.DecodeRune(p.data[p.pos:])
			out = utf8.AppendRune(out, r)
			p.pos += size
		}
	}
}

// hex4 reads the four hexadecimal digits after `\u` (p.pos is at the u; it ends on the
// last digit).
func (p *parser) hex4() rune {
	var r rune
	for k := 0; k < 4; k++ {
		p.pos++
		if p.pos >= len(p.data) {
			p.fail("")
			return 0
		}
		c := p.data[p.pos]
		switch {
		case c >= '0' && c <= '9':
			r = r*16 + rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r*16 + rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r*16 + rune(c-'A'+10)
		default:
			p.fail("in \\u hexadecimal character escape")
			return 0
		}
	}
	return r
}

// Valid reports whether data is a valid JSON encoding.
func Valid(data []byte) bool {
	_, err := parse(data)
	return err == nil
}

// Unmarshal parses the JSON-encoded data and stores the result in the value pointed to by
// v.
func Unmarshal(data []byte, v any) error {
	return unmarshal(data, v, false)
}

// unmarshal is Unmarshal; disallow makes a key that matches no field an error.
func unmarshal(data []byte, v any, disallow bool) error {
	root, err := parse(data)
	if err != nil {
		return err
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return &InvalidUnmarshalError{reflect.TypeOf(v)}
	}
	d := &decoder{data: data, disallow: disallow}
	d.value(root, rv)
	return d.err
}

// A Decoder reads and decodes JSON values from an input stream.
type Decoder struct {
	r        io.Reader
	buf      []byte // read and not yet decoded
	eof      bool   // r has no more
	err      error
	disallow bool
}

// NewDecoder returns a new decoder that reads from r.
func NewDecoder(r io.Reader) *Decoder {
	return &Decoder{r: r}
}

// DisallowUnknownFields makes Decode fail on an object key that matches no field of the
// struct it decodes into.
func (dec *Decoder) DisallowUnknownFields() { dec.disallow = true }

// Decode reads the next JSON value from its input and stores it in the value pointed to by
// v, as Unmarshal does. At the end of the input it returns io.EOF.
func (dec *Decoder) Decode(v any) error {
	if dec.err != nil {
		return dec.err
	}
	n, err := dec.nextValue()
	if err != nil {
		dec.err = err
		return err
	}
	data := dec.buf[:n]
	dec.buf = dec.buf[n:]
	return unmarshal(data, v, dec.disallow)
}

// More reports whether there is another element in the current array or object, or another
// value in the input.
func (dec *Decoder) More() bool {
	for {
		p := &parser{data: dec.buf}
		p.space()
		if p.pos < len(p.data) {
			c := p.data[p.pos]
			return c != ']' && c != '}'
		}
		if dec.eof || dec.fill() != nil {
			return false
		}
	}
}

// Buffered returns a reader of the data read from the input and not yet decoded.
func (dec *Decoder) Buffered() io.Reader {
	return bytes.NewReader(dec.buf)
}

// nextValue returns the length of the next value in the buffer, with the space before it,
// reading more of the input as long as the value may go on.
func (dec *Decoder) nextValue() (int, error) {
	for {
		p := &parser{data: dec.buf}
		p.space()
		if p.pos < len(p.data) {
			p.value("looking for beginning of value")
			atEnd := p.pos >= len(p.data)
			switch {
			case p.err != nil && !atEnd:
				return 0, p.err
			case p.err == nil && (!atEnd || dec.eof || !isDigit(p.data[p.pos-1])):
				// A number at the end of what was read may go on.
				return p.pos, nil
			case dec.eof:
				return 0, io.ErrUnexpectedEOF
			}
		} else if dec.eof {
			return 0, io.EOF
		}
		if err := dec.fill(); err != nil {
			return 0, err
		}
	}
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// fill reads more of the input into the buffer.
func (dec *Decoder) fill() error {
	var chunk [512]byte
	n, err := dec.r.Read(chunk[:])
	dec.buf = append(dec.buf, chunk[:n]...)
	if err == io.EOF {
		dec.eof = true
		return nil
	}
	return err
}

// decoder stores parsed values into Go values, keeping the first type error (decoding goes
// on past it, as Go's does) and the struct and fields it is in, for that error. An error an
// Unmarshaler or a TextUnmarshaler returns stops the decoding where it is (`failed`), as
// Go's does, and is the one returned.
type decoder struct {
	data       []byte
	disallow   bool
	err        error
	failed     bool
	structName string
	fieldStack []string
}

func (d *decoder) typeError(what string, t reflect.Type, off int) {
	if d.err != nil {
		return
	}
	err := &UnmarshalTypeError{Value: what, Type: t, Offset: int64(off)}
	d.addContext(err)
	d.err = err
}

// addContext names the struct and field being decoded in err, as Go's addErrorContext does.
func (d *decoder) addContext(err *UnmarshalTypeError) {
	if d.structName != "" || len(d.fieldStack) > 0 {
		err.Struct = d.structName
		err.Field = strings.Join(d.fieldStack, ".")
	}
}

func (d *decoder) saveError(err error) {
	if d.err == nil {
		d.err = err
	}
}

// fail stops the decoding with err, an Unmarshaler's or a TextUnmarshaler's.
func (d *decoder) fail(err error) {
	d.err = err
	d.failed = true
}

// indirect follows v's pointers down to a value it can store into, allocating nil ones (a
// null stops at the last pointer, which it sets to nil), and stops early at an Unmarshaler
// or TextUnmarshaler.
func (d *decoder) indirect(v reflect.Value, null bool) (Unmarshaler, textUnmarshaler, reflect.Value) {
	if v.Kind() != reflect.Pointer && v.Type().Name() != "" && v.CanAddr() {
		if a, ok := addrOf(v); ok {
			v = a
		}
	}
	for {
		if v.Kind() == reflect.Interface && !v.IsNil() {
			e := v.Elem()
			if e.Kind() == reflect.Pointer && !e.IsNil() && (!null || e.Elem().Kind() == reflect.Pointer) {
				v = e
				continue
			}
		}
		if v.Kind() != reflect.Pointer {
			break
		}
		if null && v.CanSet() && v.Elem().Kind() != reflect.Pointer {
			break
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		if v.CanInterface() {
			if u, ok := v.Interface().(Unmarshaler); ok {
				return u, nil, reflect.Value{}
			}
			if !null {
				if u, ok := v.Interface().(textUnmarshaler); ok {
					return nil, u, reflect.Value{}
				}
			}
		}
		v = v.Elem()
	}
	return nil, nil, v
}

// addrOf is v.Addr(), when the program has the pointer type.
func addrOf(v reflect.Value) (a reflect.Value, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return v.Addr(), true
}

func (d *decoder) value(n *node, v reflect.Value) {
	u, tu, pv := d.indirect(v, n.kind == 'n')
	if u != nil {
		err := u.UnmarshalJSON(d.data[n.start:n.end])
		// A type error from the method's own decoding names the field it is in.
		if te, ok := err.(*UnmarshalTypeError); ok {
			d.addContext(te)
		}
		if err != nil {
			d.fail(err)
		}
		return
	}
	if tu != nil {
		if n.kind == '"' {
			if err := tu.UnmarshalText([]byte(n.text)); err != nil {
				d.fail(err)
			}
			return
		}
		if n.kind != 'n' {
			d.typeError(jsonKind(n), v.Type(), n.start)
			return
		}
	}
	v = pv
	switch n.kind {
	case '{':
		d.object(n, v)
	case '[':
		d.array(n, v)
	default:
		d.literal(n, v)
	}
}

func jsonKind(n *node) string {
	switch n.kind {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "bool"
	case 'n':
		return "null"
	}
	return "number"
}

// emptyInterface reports whether v is an interface with no methods (any), where JSON's own
// forms are stored.
func emptyInterface(v reflect.Value) bool {
	return v.Kind() == reflect.Interface && v.NumMethod() == 0
}

// plain is node n as Go's decoding into an interface gives it: map[string]any, []any,
// float64, string, bool or nil (a number float64 cannot hold is nil, and a type error).
func (d *decoder) plain(n *node) any {
	switch n.kind {
	case '{':
		m := make(map[string]any, len(n.keys))
		for i, k := range n.keys {
			m[k] = d.plain(n.elems[i])
		}
		return m
	case '[':
		a := make([]any, len(n.elems))
		for i, e := range n.elems {
			a[i] = d.plain(e)
		}
		return a
	case '"':
		return n.text
	case 't':
		return true
	case 'f':
		return false
	case '0':
		f, err := strconv.ParseFloat(n.text, 64)
		if err != nil {
			d.typeError("number "+n.text, reflect.TypeOf(0.0), n.end)
			return nil
		}
		return f
	}
	return nil
}

func (d *decoder) object(n *node, v reflect.Value) {
	if emptyInterface(v) {
		v.Set(reflect.ValueOf(d.plain(n)))
		return
	}
	switch v.Kind() {
	case reflect.Map:
		kt := v.Type().Key()
		_, textKey := reflect.New(kt).Interface().(textUnmarshaler)
		switch kt.Kind() {
		case reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		default:
			if !textKey {
				d.typeError("object", v.Type(), n.start)
				return
			}
		}
		if v.IsNil() {
			v.Set(reflect.MakeMap(v.Type()))
		}
		et := v.Type().Elem()
		for i, key := range n.keys {
			elem := reflect.New(et).Elem()
			d.value(n.elems[i], elem)
			if d.failed {
				return
			}
			var kv reflect.Value
			switch {
			case textKey:
				kp := reflect.New(kt)
				if err := kp.Interface().(textUnmarshaler).UnmarshalText([]byte(key)); err != nil {
					d.fail(err)
					return
				}
				kv = kp.Elem()
			case kt.Kind() == reflect.String:
				kv = reflect.New(kt).Elem()
				kv.SetString(key)
			case kt.Kind() >= reflect.Int && kt.Kind() <= reflect.Int64:
				x, err := strconv.ParseInt(key, 10, 64)
				if err != nil || overflowsInt(kt.Kind(), x) {
					d.typeError("number "+key, kt, n.elems[i].start)
					continue
				}
				kv = reflect.New(kt).Elem()
				kv.SetInt(x)
			default:
				x, err := strconv.ParseUint(key, 10, 64)
				if err != nil || overflowsUint(kt.Kind(), x) {
					d.typeError("number "+key, kt, n.elems[i].start)
					continue
				}
				kv = reflect.New(kt).Elem()
				kv.SetUint(x)
			}
			v.SetMapIndex(kv, elem)
		}
	case reflect.Struct:
		fields := fieldsOf(v.Type())
		for i, key := range n.keys {
			f := matchField(fields, key)
			if f == nil {
				if d.disallow {
					d.saveError(errors.New("json: unknown field " + strconv.Quote(key)))
				}
				continue
			}
			fv, ok := d.fieldForStore(v, f.index)
			if !ok {
				continue
			}
			saveName, saveDepth := d.structName, len(d.fieldStack)
			d.structName = v.Type().Name()
			d.fieldStack = append(d.fieldStack, f.name)
			if f.quoted {
				d.quotedValue(n.elems[i], fv)
			} else {
				d.value(n.elems[i], fv)
			}
			d.structName, d.fieldStack = saveName, d.fieldStack[:saveDepth]
			if d.failed {
				return
			}
		}
	default:
		d.typeError("object", v.Type(), n.start)
	}
}

// matchField is the field key names: its own name, or else one equal under case folding.
func matchField(fields []field, key string) *field {
	for i := range fields {
		if fields[i].name == key {
			return &fields[i]
		}
	}
	for i := range fields {
		if strings.EqualFold(fields[i].name, key) {
			return &fields[i]
		}
	}
	return nil
}

// fieldForStore follows an index path through embedded structs, allocating nil embedded
// pointers; false when one cannot be set (an unexported embedded pointer).
func (d *decoder) fieldForStore(v reflect.Value, index []int) (reflect.Value, bool) {
	for k, i := range index {
		if k > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				if !v.CanSet() {
					d.saveError(&unexportedEmbedError{v.Type().Elem()})
					return reflect.Value{}, false
				}
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.Field(i)
	}
	return v, true
}

type unexportedEmbedError struct {
	typ reflect.Type
}

func (e *unexportedEmbedError) Error() string {
	return "json: cannot set embedded pointer to unexported struct: " + e.typ.String()
}

// quotedValue decodes a field tagged `,string`: a JSON string holding the value's JSON.
func (d *decoder) quotedValue(n *node, v reflect.Value) {
	if n.kind == 'n' {
		d.value(n, v)
		return
	}
	if n.kind != '"' {
		d.saveError(&unquotedError{"unquoted value", v.Type()})
		return
	}
	inner, err := parse([]byte(n.text))
	if err != nil || inner.kind == '{' || inner.kind == '[' {
		d.saveError(&unquotedError{strconv.Quote(n.text), v.Type()})
		return
	}
	if spaced := strings.TrimSpace(n.text); spaced != n.text {
		// Go takes the quoted text as it is: a number with space after it is not one, and
		// anything else with space around it is no value.
		if inner.kind != '0' || !strings.HasPrefix(n.text, spaced) {
			d.saveError(&unquotedError{strconv.Quote(n.text), v.Type()})
			return
		}
		inner.text = n.text
	}
	t := v.Type()
	if t.Kind() == reflect.Pointer {
		t = t.Elem() // a `*int` field tagged `,string` holds its number quoted too
	}
	if t.Kind() == reflect.String && inner.kind != '"' {
		d.saveError(&unquotedError{strconv.Quote(n.text), v.Type()})
		return
	}
	d.value(inner, v)
}

type unquotedError struct {
	what string // "unquoted value", or the string quoted
	typ  reflect.Type
}

func (e *unquotedError) Error() string {
	return "json: invalid use of ,string struct tag, trying to unmarshal " + e.what + " into " + e.typ.String()
}

func (d *decoder) array(n *node, v reflect.Value) {
	if emptyInterface(v) {
		v.Set(reflect.ValueOf(d.plain(n)))
		return
	}
	switch v.Kind() {
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), len(n.elems), len(n.elems))
		for i := 0; i < len(n.elems) && i < v.Len(); i++ {
			s.Index(i).Set(v.Index(i))
		}
		for i, e := range n.elems {
			d.value(e, s.Index(i))
			if d.failed {
				s = grownTo(s, v, i+1)
				break
			}
		}
		v.Set(s)
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if i < len(n.elems) {
				if d.value(n.elems[i], v.Index(i)); d.failed {
					return
				}
			} else {
				v.Index(i).Set(reflect.Zero(v.Type().Elem()))
			}
		}
	default:
		d.typeError("array", v.Type(), n.start)
	}
}

// grownTo is slice s, decoded into and stopped at element n-1, as Go's decoder leaves the
// slice old that it grows an element at a time: its first n elements s's, and old's past them
// when old was longer.
func grownTo(s, old reflect.Value, n int) reflect.Value {
	if old.Len() > n {
		n = old.Len()
	}
	t := reflect.MakeSlice(s.Type(), n, n)
	for j := 0; j < n; j++ {
		if j < s.Len() {
			t.Index(j).Set(s.Index(j))
		} else {
			t.Index(j).Set(old.Index(j))
		}
	}
	return t
}

func (d *decoder) literal(n *node, v reflect.Value) {
	switch n.kind {
	case 'n':
		switch v.Kind() {
		case reflect.Interface, reflect.Pointer, reflect.Map, reflect.Slice:
			v.Set(reflect.Zero(v.Type()))
		}
	case 't', 'f':
		b := n.kind == 't'
		switch {
		case v.Kind() == reflect.Bool:
			v.SetBool(b)
		case emptyInterface(v):
			v.Set(reflect.ValueOf(b))
		default:
			d.typeError("bool", v.Type(), n.start)
		}
	case '"':
		switch {
		case v.Kind() == reflect.String:
			v.SetString(n.text)
		case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8:
			b, err := base64.StdEncoding.DecodeString(n.text)
			if err != nil {
				d.saveError(err)
				return
			}
			s := reflect.MakeSlice(v.Type(), len(b), len(b))
			for i, c := range b {
				s.Index(i).SetUint(uint64(c))
			}
			v.Set(s)
		case emptyInterface(v):
			v.Set(reflect.ValueOf(n.text))
		default:
			d.typeError("string", v.Type(), n.start)
		}
	default:
		d.number(n, v)
	}
}

func (d *decoder) number(n *node, v reflect.Value) {
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		x, err := strconv.ParseInt(n.text, 10, 64)
		if err != nil || overflowsInt(v.Kind(), x) {
			d.typeError("number "+n.text, v.Type(), n.start)
			return
		}
		v.SetInt(x)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		x, err := strconv.ParseUint(n.text, 10, 64)
		if err != nil || overflowsUint(v.Kind(), x) {
			d.typeError("number "+n.text, v.Type(), n.start)
			return
		}
		v.SetUint(x)
	case reflect.Float32, reflect.Float64:
		bits := 64
		if v.Kind() == reflect.Float32 {
			bits = 32
		}
		x, err := strconv.ParseFloat(n.text, bits)
		if err != nil {
			d.typeError("number "+n.text, v.Type(), n.start)
			return
		}
		v.SetFloat(x)
	default:
		if emptyInterface(v) {
			x, err := strconv.ParseFloat(n.text, 64)
			if err != nil {
				d.typeError("number "+n.text, v.Type(), n.start)
				return
			}
			v.Set(reflect.ValueOf(x))
			return
		}
		d.typeError("number", v.Type(), n.start)
	}
}

// overflowsInt and overflowsUint tell whether x does not fit an integer of kind k.
func overflowsInt(k reflect.Kind, x int64) bool {
	bits := kindBits(k)
	return bits < 64 && x != x<<(64-bits)>>(64-bits)
}

func overflowsUint(k reflect.Kind, x uint64) bool {
	bits := kindBits(k)
	return bits < 64 && x != x<<(64-bits)>>(64-bits)
}

func kindBits(k reflect.Kind) uint {
	switch k {
	case reflect.Int8, reflect.Uint8:
		return 8
	case reflect.Int16, reflect.Uint16:
		return 16
	case reflect.Int32, reflect.Uint32:
		return 32
	}
	return 64
}

// compact is valid JSON src without insignificant space; with html, the characters HTML
// gives meaning to (and U+2028, U+2029) escaped in its strings, as Marshal does to what a
// Marshaler returns.
func compact(src []byte, html bool) []byte {
	var out []byte
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case ' ', '\t', '\r', '\n':
		case '"':
			out, i = appendStringLiteral(out, src, i, html)
		default:
			out = append(out, c)
		}
	}
	return out
}

// appendStringLiteral appends the string literal of valid JSON src that starts at i (with
// html, escaped as compact says), and returns the index of its closing quote.
func appendStringLiteral(dst, src []byte, i int, html bool) ([]byte, int) {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	for i++; i < len(src) && src[i] != '"'; i++ {
		c := src[i]
		switch {
		case c == '\\':
			dst = append(dst, '\\')
			i++
		case html && (c == '<' || c == '>' || c == '&'):
			dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			continue
		case html && c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && src[i+2]&^1 == 0xA8:
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[src[i+2]&0xF])
			i += 2
			continue
		}
		dst = append(dst, src[i])
	}
	return append(dst, '"'), i
}

// Compact appends to dst the JSON-encoded src with insignificant space characters elided.
func Compact(dst *bytes.Buffer, src []byte) error {
	if _, err := parse(src); err != nil {
		return err
	}
	dst.Write(compact(src, false))
	return nil
}

// Indent appends to dst an indented form of the JSON-encoded src: each element of an
// object or array on a new line beginning with prefix and one copy of indent per level; the
// space that ends src is kept.
func Indent(dst *bytes.Buffer, src []byte, prefix, indent string) error {
	if _, err := parse(src); err != nil {
		return err
	}
	out := appendIndent(nil, compact(src, false), prefix, indent)
	// The space that ends src stays, as Go's Indent keeps it.
	end := len(src)
	for end > 0 && strings.IndexByte(" \t\r\n", src[end-1]) >= 0 {
		end--
	}
	dst.Write(append(out, src[end:]...))
	return nil
}

// appendIndent appends compact JSON src indented (an empty object or array stays `{}`, `[]`).
func appendIndent(dst, src []byte, prefix, indent string) []byte {
	depth := 0
	newline := func() {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for k := 0; k < depth; k++ {
			dst = append(dst, indent...)
		}
	}
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '"':
			dst, i = appendStringLiteral(dst, src, i, false)
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				i++
				dst = append(dst, src[i])
				continue
			}
			depth++
			newline()
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
