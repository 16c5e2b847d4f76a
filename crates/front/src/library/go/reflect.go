// Package reflect declares chanlab's reflect package: a value's dynamic type (TypeOf, with
// the Type methods that describe a type's structure) and DeepEqual. Values (ValueOf) are not
// supported. A Type is the index of a type in the program's run-time type table, so two
// Types of one type compare equal, as Go's do; the natives read the table.
package reflect

import "strconv"

// A Kind is the specific kind of type that a Type represents.
type Kind uint

const (
	Invalid Kind = iota
	Bool
	Int
	Int8
	Int16
	Int32
	Int64
	Uint
	Uint8
	Uint16
	Uint32
	Uint64
	Uintptr
	Float32
	Float64
	Complex64
	Complex128
	Array
	Chan
	Func
	Interface
	Map
	Pointer
	Slice
	String
	Struct
	UnsafePointer
)

// Ptr is the old name for the Pointer kind.
const Ptr = Pointer

var kindNames = []string{
	"invalid", "bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16",
	"uint32", "uint64", "uintptr", "float32", "float64", "complex64", "complex128", "array",
	"chan", "func", "interface", "map", "ptr", "slice", "string", "struct", "unsafe.Pointer",
}

// String returns the name of k.
func (k Kind) String() string {
	if uint(k) < uint(len(kindNames)) {
		return kindNames[uint(k)]
	}
	return "kind" + strconv.Itoa(int(k))
}

// ChanDir represents a channel type's direction.
type ChanDir int

const (
	RecvDir ChanDir = 1 << iota
	SendDir
	BothDir = RecvDir | SendDir
)

func (d ChanDir) String() string {
	switch d {
	case SendDir:
		return "chan<-"
	case RecvDir:
		return "<-chan"
	case BothDir:
		return "chan"
	}
	return "ChanDir" + strconv.Itoa(int(d))
}

// Type is the representation of a Go type.
type Type interface {
	// Name returns a defined type's name within its package ("" for an unnamed type).
	Name() string
	// PkgPath returns a defined type's package path ("" for an unnamed or predeclared one).
	PkgPath() string
	// String returns the type as %T prints it.
	String() string
	Kind() Kind
	// Elem returns the element type of an array, chan, map, pointer or slice type.
	Elem() Type
	// Key returns a map type's key type.
	Key() Type
	// Len returns an array type's length.
	Len() int
	// NumField returns a struct type's field count.
	NumField() int
	// Field returns a struct type's i'th field.
	Field(i int) StructField
	// ChanDir returns a channel type's direction.
	ChanDir() ChanDir
	// Comparable reports whether values of this type are comparable.
	Comparable() bool
	// Implements reports whether the type implements the interface type u.
	Implements(u Type) bool
}

// A StructField describes a single field in a struct.
type StructField struct {
	Name      string
	PkgPath   string
	Type      Type
	Index     []int
	Anonymous bool
}

// IsExported reports whether the field is exported.
func (f StructField) IsExported() bool {
	return f.PkgPath == ""
}

// rtype is a Type: the index of its type in the program's run-time type table.
type rtype struct {
	id int
}

// TypeOf returns the dynamic type of i, or nil when i is a nil interface value.
func TypeOf(i any) Type {
	id := typeOf(i)
	if id < 0 {
		return nil
	}
	return rtype{id}
}

func (t rtype) String() string  { return typeString(t.id) }
func (t rtype) Name() string    { return typeName(t.id) }
func (t rtype) PkgPath() string { return typePkgPath(t.id) }
func (t rtype) Kind() Kind      { return Kind(typeKind(t.id)) }

func (t rtype) Elem() Type {
	id := typeElem(t.id)
	if id < 0 {
		panic("reflect: Elem of invalid type " + t.String())
	}
	return rtype{id}
}

func (t rtype) Key() Type {
	if t.Kind() != Map {
		panic("reflect: Key of non-map type " + t.String())
	}
	return rtype{typeKey(t.id)}
}

func (t rtype) Len() int {
	if t.Kind() != Array {
		panic("reflect: Len of non-array type " + t.String())
	}
	return typeLen(t.id)
}

func (t rtype) NumField() int {
	if t.Kind() != Struct {
		panic("reflect: NumField of non-struct type " + t.String())
	}
	return typeLen(t.id)
}

func (t rtype) Field(i int) StructField {
	if t.Kind() != Struct {
		panic("reflect: Field of non-struct type " + t.String())
	}
	if i < 0 || i >= typeLen(t.id) {
		panic("reflect: Field index out of bounds")
	}
	name, ty, embedded, exported := typeField(t.id, i)
	f := StructField{Name: name, Type: rtype{ty}, Index: []int{i}, Anonymous: embedded}
	if !exported {
		f.PkgPath = typePkgPath(t.id)
	}
	return f
}

func (t rtype) ChanDir() ChanDir {
	if t.Kind() != Chan {
		panic("reflect: ChanDir of non-chan type " + t.String())
	}
	return ChanDir(typeLen(t.id))
}

func (t rtype) Comparable() bool { return typeComparable(t.id) }

func (t rtype) Implements(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.Implements")
	}
	if u.Kind() != Interface {
		panic("reflect: non-interface type passed to Type.Implements")
	}
	return typeImplements(t.id, u.(rtype).id)
}

// The natives reading the run-time type table: an id of -1 is no type.
func typeOf(i any) int
func typeString(id int) string
func typeName(id int) string
func typePkgPath(id int) string
func typeKind(id int) int
func typeElem(id int) int
func typeKey(id int) int

// typeLen returns an array's length, a struct's field count, or a channel's ChanDir.
func typeLen(id int) int
func typeField(id int, i int) (name string, ty int, embedded bool, exported bool)
func typeComparable(id int) bool
func typeImplements(id int, iface int) bool

// DeepEqual reports whether x and y are "deeply equal", as Go defines it: values of one
// type whose elements, fields, pointees and map entries are deeply equal, with nil and empty
// slices and maps told apart, functions equal only when both are nil, and cycles allowed.
func DeepEqual(x, y any) bool
