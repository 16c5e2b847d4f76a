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
	// NumMethod returns the number of exported methods in the type's method set.
	NumMethod() int
	// Method returns the i'th exported method of the type's method set, sorted by name.
	Method(int) Method
	// MethodByName returns the exported method with that name, and whether there is one.
	MethodByName(string) (Method, bool)
	// FieldByName returns a struct type's field with that name (promoted from an embedded
	// struct or not), and whether there is one.
	FieldByName(name string) (StructField, bool)
	// FieldByIndex returns the nested field of a struct type that index reaches, through
	// embedded structs.
	FieldByIndex(index []int) StructField
	// AssignableTo reports whether a value of the type is assignable to type u.
	AssignableTo(u Type) bool
	// ConvertibleTo reports whether a value of the type is convertible to type u.
	ConvertibleTo(u Type) bool
	// NumIn returns a function type's parameter count.
	NumIn() int
	// In returns a function type's i'th parameter type.
	In(i int) Type
	// NumOut returns a function type's result count.
	NumOut() int
	// Out returns a function type's i'th result type.
	Out(i int) Type
	// IsVariadic reports whether a function type's last parameter is variadic (In gives it
	// as a slice type).
	IsVariadic() bool
}

// A Method describes a method of a type. For a concrete type, Type is the method's type as
// a function of the receiver and Func is that function (Func.Interface() gives a value of
// type Type, which calls the method); for an interface type only Name and Index are set.
type Method struct {
	Name    string
	PkgPath string
	Type    Type
	Func    Value
	Index   int
}

// IsExported reports whether the method is exported.
func (m Method) IsExported() bool { return m.PkgPath == "" }

// A StructField describes a single field in a struct.
type StructField struct {
	Name      string
	PkgPath   string
	Type      Type
	Tag       StructTag
	Index     []int
	Anonymous bool
}

// A StructTag is the tag string in a struct field: by convention, space-separated
// key:"value" pairs.
type StructTag string

// Get returns the value associated with key in the tag string ("" when there is none).
func (tag StructTag) Get(key string) string {
	v, _ := tag.Lookup(key)
	return v
}

// Lookup returns the value associated with key in the tag string, and whether the tag has
// the key. A tag that breaks the convention ends the search where it breaks it.
func (tag StructTag) Lookup(key string) (value string, ok bool) {
	for tag != "" {
		i := 0
		for i < len(tag) && tag[i] == ' ' {
			i++
		}
		tag = tag[i:]
		if tag == "" {
			break
		}
		// The name runs to the colon: no spaces, quotes or control characters.
		i = 0
		for i < len(tag) && tag[i] > ' ' && tag[i] != ':' && tag[i] != '"' && tag[i] != 0x7f {
			i++
		}
		if i == 0 || i+1 >= len(tag) || tag[i] != ':' || tag[i+1] != '"' {
			break
		}
		name := string(tag[:i])
		tag = tag[i+1:]
		// The quoted value, escapes included.
		i = 1
		for i < len(tag) && tag[i] != '"' {
			if tag[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(tag) {
			break
		}
		quoted := string(tag[:i+1])
		tag = tag[i+1:]
		if key == name {
			value, err := strconv.Unquote(quoted)
			if err != nil {
				break
			}
			return value, true
		}
	}
	return "", false
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
	name, ty, embedded, exported, tag := typeField(t.id, i)
	f := StructField{Name: name, Type: rtype{ty}, Tag: StructTag(tag), Index: []int{i}, Anonymous: embedded}
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
func (t rtype) NumMethod() int   { return typeNumMethod(t.id) }

func (t rtype) Method(i int) Method {
	name, ftype, fn, ok := typeMethod(t.id, i)
	if !ok {
		panic("reflect: Method index out of range")
	}
	m := Method{Name: name, Index: i}
	if ftype >= 0 {
		m.Type = rtype{ftype}
		m.Func = Value{typ: ftype, val: fn}
	}
	return m
}

func (t rtype) MethodByName(name string) (Method, bool) {
	for i := 0; i < t.NumMethod(); i++ {
		if m := t.Method(i); m.Name == name {
			return m, true
		}
	}
	return Method{}, false
}

// FieldByName finds the field shallowest in the struct, breadth first through its embedded
// structs; an ambiguous name (two fields at one depth) is no field, as Go's.
func (t rtype) FieldByName(name string) (StructField, bool) {
	if t.Kind() != Struct {
		panic("reflect: FieldByName of non-struct type " + t.String())
	}
	level := []StructField{{Type: t}}
	for len(level) > 0 {
		var found []StructField
		var next []StructField
		for _, outer := range level {
			st := outer.Type
			for i := 0; i < st.NumField(); i++ {
				f := st.Field(i)
				f.Index = append(append([]int(nil), outer.Index...), i)
				if f.Name == name {
					found = append(found, f)
					continue
				}
				if f.Anonymous {
					ft := f.Type
					if ft.Kind() == Pointer {
						ft = ft.Elem()
					}
					if ft.Kind() == Struct {
						f.Type = ft
						next = append(next, f)
					}
				}
			}
		}
		if len(found) == 1 {
			return found[0], true
		}
		if len(found) > 1 {
			return StructField{}, false
		}
		level = next
	}
	return StructField{}, false
}

func (t rtype) FieldByIndex(index []int) StructField {
	var f StructField
	var ft Type = t
	for i, x := range index {
		if i > 0 && ft.Kind() == Pointer && ft.Elem().Kind() == Struct {
			ft = ft.Elem()
		}
		f = ft.Field(x)
		ft = f.Type
	}
	return f
}

func (t rtype) ConvertibleTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.ConvertibleTo")
	}
	return convertible(t.id, u.(rtype).id)
}

func (t rtype) AssignableTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.AssignableTo")
	}
	return valueAssignable(t.id, u.(rtype).id)
}

// sig is the function type's parameter and result types, and whether it is variadic; it
// panics, as Go's method of that name does, for another type.
func (t rtype) sig(method string) (in, out []int, variadic bool) {
	if t.Kind() != Func {
		panic("reflect: " + method + " of non-func type " + t.String())
	}
	return typeSig(t.id)
}

func (t rtype) NumIn() int {
	in, _, _ := t.sig("NumIn")
	return len(in)
}

func (t rtype) In(i int) Type {
	in, _, _ := t.sig("In")
	return rtype{in[i]}
}

func (t rtype) NumOut() int {
	_, out, _ := t.sig("NumOut")
	return len(out)
}

func (t rtype) Out(i int) Type {
	_, out, _ := t.sig("Out")
	return rtype{out[i]}
}

func (t rtype) IsVariadic() bool {
	_, _, variadic := t.sig("IsVariadic")
	return variadic
}

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
func typeField(id int, i int) (name string, ty int, embedded bool, exported bool, tag string)
func typeComparable(id int) bool
func typeImplements(id int, iface int) bool
func typeNumMethod(id int) int

// typeMethod gives type id's i'th exported method (sorted by name): its name, its type as a
// function of the receiver and that function (-1 and nil for an interface's method), and
// whether there is one.
func typeMethod(id, i int) (name string, ftype int, fn any, ok bool)

// typeSig gives a function type's parameter and result types, and whether it is variadic.
func typeSig(id int) (in, out []int, variadic bool)

// DeepEqual reports whether x and y are "deeply equal", as Go defines it: values of one
// type whose elements, fields, pointees and map entries are deeply equal, with nil and empty
// slices and maps told apart, functions equal only when both are nil, and cycles allowed.
func DeepEqual(x, y any) bool

// Value is the reflection interface to a Go value. val and addr are the natives' storage:
// the value as an interface of the Value's type (for a Value of interface kind, one whose
// dynamic value is that interface's), and, for an addressable Value, a pointer to where the
// value lives. The zero Value, whose val is nil, is invalid: it holds no value.
type Value struct {
	typ  int
	val  any
	addr any
	ro   bool // obtained through an unexported field (Go's flagStickyRO)
	// An unexported embedded field (Go's flagEmbedRO): its own exported fields are not
	// read-only.
	embedRO bool
}

// readOnly is Go's flagRO: either kind of unexported access.
func (v Value) readOnly() bool { return v.ro || v.embedRO }

// A ValueError occurs when a Value method is invoked on a Value that does not support it.
type ValueError struct {
	Method string
	Kind   Kind
}

func (e *ValueError) Error() string {
	if e.Kind == 0 {
		return "reflect: call of " + e.Method + " on zero Value"
	}
	return "reflect: call of " + e.Method + " on " + e.Kind.String() + " Value"
}

// ValueOf returns a new Value holding the concrete value stored in i (the zero Value for
// nil).
func ValueOf(i any) Value {
	return Value{typ: typeOf(i), val: i}
}

// Zero returns a Value representing the zero value for the specified type.
func Zero(typ Type) Value {
	if typ == nil {
		panic("reflect: Zero(nil)")
	}
	id := typ.(rtype).id
	return Value{typ: id, val: zeroOf(id)}
}

// New returns a Value representing a pointer to a new zero value for the specified type.
// chanlab's run-time types are those the program uses: the program must use the type *typ.
func New(typ Type) Value {
	if typ == nil {
		panic("reflect: New(nil)")
	}
	p := ptrTo(typ)
	return Value{typ: p, val: newOf(p)}
}

// PointerTo returns the pointer type with element t (which the program must use).
func PointerTo(t Type) Type { return rtype{ptrTo(t)} }

// PtrTo is PointerTo's older name.
func PtrTo(t Type) Type { return PointerTo(t) }

func ptrTo(t Type) int {
	p := typePtrTo(t.(rtype).id)
	if p < 0 {
		panic("reflect: chanlab's program does not use the type *" + t.String())
	}
	return p
}

// MakeSlice creates a new zero-initialized slice value for the specified slice type,
// length, and capacity.
func MakeSlice(typ Type, len, cap int) Value {
	if typ.Kind() != Slice {
		panic("reflect.MakeSlice of non-slice type")
	}
	if len < 0 {
		panic("reflect.MakeSlice: negative len")
	}
	if cap < 0 {
		panic("reflect.MakeSlice: negative cap")
	}
	if len > cap {
		panic("reflect.MakeSlice: len > cap")
	}
	id := typ.(rtype).id
	return Value{typ: id, val: makeSlice(id, len, cap)}
}

// MakeMap creates a new map with the specified type.
func MakeMap(typ Type) Value {
	if typ.Kind() != Map {
		panic("reflect.MakeMap of non-map type")
	}
	id := typ.(rtype).id
	return Value{typ: id, val: makeMap(id)}
}

// Indirect returns the value that v points to (v itself when it is not a pointer).
func Indirect(v Value) Value {
	if v.Kind() != Pointer {
		return v
	}
	return v.Elem()
}

// mustBe panics unless v is of kind k, as reflect's methods do.
func (v Value) mustBe(k Kind, method string) {
	if v.Kind() != k {
		panic(&ValueError{"reflect.Value." + method, v.Kind()})
	}
}

// mustBeAssignable panics unless v can be set.
func (v Value) mustBeAssignable(method string) {
	if v.readOnly() {
		panic("reflect: reflect.Value." + method + " using value obtained using unexported field")
	}
	if v.addr == nil {
		panic("reflect: reflect.Value." + method + " using unaddressable value")
	}
}

func (v Value) IsValid() bool { return v.val != nil }

// value is the value v holds now: an addressable Value reads where the value lives, so it
// sees what was stored there since it was made, as Go's Value does.
func (v Value) value() any {
	if v.addr != nil {
		return valueLoad(v.typ, v.addr)
	}
	return v.val
}

func (v Value) Kind() Kind {
	if v.val == nil {
		return Invalid
	}
	return Kind(typeKind(v.typ))
}

func (v Value) Type() Type {
	if v.val == nil {
		panic(&ValueError{"reflect.Value.Type", Invalid})
	}
	return rtype{v.typ}
}

func (v Value) CanAddr() bool { return v.addr != nil }

// Addr returns a pointer value representing the address of v (which must be addressable,
// and whose pointer type the program must use).
func (v Value) Addr() Value {
	if v.addr == nil {
		panic("reflect.Value.Addr of unaddressable value")
	}
	p := ptrTo(v.Type())
	return Value{typ: p, val: retyped(p, v.addr), ro: v.readOnly()}
}

// NumMethod returns the number of exported methods in the value's method set.
func (v Value) NumMethod() int {
	if v.val == nil {
		panic(&ValueError{"reflect.Value.NumMethod", Invalid})
	}
	return typeNumMethod(v.typ)
}

// Method returns v's i'th exported method (sorted by name) as a function value bound to v,
// whose arguments do not include the receiver.
func (v Value) Method(i int) Value {
	if v.val == nil {
		panic(&ValueError{"reflect.Value.Method", Invalid})
	}
	if i < 0 || i >= v.NumMethod() {
		panic("reflect: Method index out of range")
	}
	if v.Kind() == Interface {
		if v.IsNil() {
			panic("reflect: Method on nil interface value")
		}
		name, _, _, _ := typeMethod(v.typ, i)
		return v.Elem().MethodByName(name)
	}
	ftype, fn := valueMethod(v.typ, i, v.value())
	if ftype < 0 {
		panic("reflect: chanlab has no method value for method " + strconv.Itoa(i) + " of " + v.Type().String())
	}
	return Value{typ: ftype, val: fn, ro: v.readOnly()}
}

// MethodByName returns v's exported method with that name as a function value bound to v
// (the zero Value when there is none).
func (v Value) MethodByName(name string) Value {
	if v.val == nil {
		panic(&ValueError{"reflect.Value.MethodByName", Invalid})
	}
	for i := 0; i < typeNumMethod(v.typ); i++ {
		if n, _, _, _ := typeMethod(v.typ, i); n == name {
			return v.Method(i)
		}
	}
	return Value{}
}

// Call calls the function v with the arguments in, as Go's `v(in[0], in[1], ...)` does, and
// returns its results. A function called so cannot block (chanlab runs it to its return).
func (v Value) Call(in []Value) []Value {
	v.mustBe(Func, "Call")
	return v.call("Call", in)
}

// CallSlice calls the variadic function v with the arguments in, as Go's
// `v(in[0], in[1], in[2]...)` does: the last argument is the variadic slice.
func (v Value) CallSlice(in []Value) []Value {
	v.mustBe(Func, "CallSlice")
	return v.call("CallSlice", in)
}

// call checks in against v's parameters, as Go's reflect does, with its panics, and calls v.
func (v Value) call(op string, in []Value) []Value {
	if v.readOnly() {
		panic("reflect: " + op + " using value obtained using unexported field")
	}
	fn := v.value()
	if valueIsNil(fn) {
		panic("reflect.Value.Call: call of nil function")
	}
	params, results, variadic := typeSig(v.typ)
	n := len(params)
	if op == "CallSlice" {
		if !variadic {
			panic("reflect: CallSlice of non-variadic function")
		}
		if len(in) < n {
			panic("reflect: CallSlice with too few input arguments")
		}
		if len(in) > n {
			panic("reflect: CallSlice with too many input arguments")
		}
	} else {
		if variadic {
			n--
		}
		if len(in) < n {
			panic("reflect: Call with too few input arguments")
		}
		if !variadic && len(in) > n {
			panic("reflect: Call with too many input arguments")
		}
	}
	for _, x := range in {
		if x.Kind() == Invalid {
			panic("reflect: " + op + " using zero Value argument")
		}
	}
	for i := 0; i < n; i++ {
		if xt, targ := in[i].typ, params[i]; !valueAssignable(xt, targ) {
			panic("reflect: " + op + " using " + typeString(xt) + " as type " + typeString(targ))
		}
	}
	if op == "Call" && variadic {
		// The arguments past the fixed ones go in a new slice of the variadic parameter's type.
		m := len(in) - n
		extra := MakeSlice(rtype{params[n]}, m, m)
		elem := typeElem(params[n])
		for i := 0; i < m; i++ {
			x := in[n+i]
			if !valueAssignable(x.typ, elem) {
				panic("reflect: cannot use " + typeString(x.typ) + " as type " + typeString(elem) + " in " + op)
			}
			extra.Index(i).Set(x)
		}
		in = append(in[:n:n], extra)
	}
	types := make([]int, len(in))
	vals := make([]any, len(in))
	for i, x := range in {
		types[i] = x.typ
		vals[i] = x.value()
	}
	outs := callFunc(v.typ, fn, types, vals)
	ret := make([]Value, len(outs))
	for i, o := range outs {
		ret[i] = Value{typ: results[i], val: o}
	}
	return ret
}

// MakeFunc returns a new function of type typ that calls fn with its arguments as Values
// and returns fn's results, converted to its result types. chanlab runs fn to its return
// from the new function's frame: fn cannot block.
func MakeFunc(typ Type, fn func(args []Value) (results []Value)) Value {
	if typ.Kind() != Func {
		panic("reflect: call of MakeFunc with non-Func type")
	}
	id := typ.(rtype).id
	return Value{typ: id, val: makeFunc(id, makeFuncStub, fn, makeFuncIn, makeFuncOut)}
}

// makeFuncIn gives the arguments of a function MakeFunc made (their types and values) as
// the Values its fn takes.
func makeFuncIn(types []int, vals []any) []Value {
	args := make([]Value, len(vals))
	for i := range vals {
		args[i] = Value{typ: types[i], val: vals[i]}
	}
	return args
}

// makeFuncOut checks the results fn gave a function of type id that MakeFunc made, as Go's
// reflect does, and gives their types and values.
func makeFuncOut(id int, results []Value) ([]int, []any) {
	_, out, _ := typeSig(id)
	if len(results) != len(out) {
		panic("reflect: wrong return count from function created by MakeFunc")
	}
	types := make([]int, len(results))
	vals := make([]any, len(results))
	for i, r := range results {
		if r.val == nil {
			panic("reflect: function created by MakeFunc using closure returned zero Value")
		}
		if r.readOnly() {
			panic("reflect: function created by MakeFunc using closure returned value obtained from unexported field")
		}
		if !valueAssignable(r.typ, out[i]) {
			panic("reflect.MakeFunc: value of type " + typeString(r.typ) + " is not assignable to type " + typeString(out[i]))
		}
		types[i], vals[i] = r.typ, r.value()
	}
	return types, vals
}

// MakeChan creates a new channel with the specified type and buffer size.
func MakeChan(typ Type, buffer int) Value {
	if typ.Kind() != Chan {
		panic("reflect.MakeChan of non-chan type")
	}
	if buffer < 0 {
		panic("reflect.MakeChan: negative buffer size")
	}
	if typ.ChanDir() != BothDir {
		panic("reflect.MakeChan: unidirectional channel type")
	}
	id := typ.(rtype).id
	return Value{typ: id, val: makeChan(id, buffer)}
}

// A SelectDir describes the communication direction of a select case.
type SelectDir int

const (
	_             SelectDir = iota
	SelectSend              // case Chan <- Send
	SelectRecv              // case <-Chan:
	SelectDefault           // default
)

// A SelectCase describes a single case in a select operation: a send of Send on Chan, a
// receive from Chan, or the default. A zero Chan is a nil channel, whose case never
// proceeds.
type SelectCase struct {
	Dir  SelectDir
	Chan Value
	Send Value
}

// Select executes a select operation described by the list of cases, as Go's select
// statement: it blocks until one of the cases can proceed (unless there is a default), picks
// one of those that can at random, and executes it. It returns the index of the chosen case
// and, for a receive, the value received and whether it was sent (false for the zero value
// of a closed channel).
func Select(cases []SelectCase) (chosen int, recv Value, recvOK bool) {
	dirs := make([]int, len(cases))
	chans := make([]any, len(cases))
	types := make([]int, len(cases))
	sends := make([]any, len(cases))
	haveDefault := false
	for i, c := range cases {
		dirs[i] = int(c.Dir)
		switch c.Dir {
		default:
			panic("reflect.Select: invalid Dir")
		case SelectDefault:
			if haveDefault {
				panic("reflect.Select: multiple default cases")
			}
			haveDefault = true
			if c.Chan.IsValid() {
				panic("reflect.Select: default case has Chan value")
			}
			if c.Send.IsValid() {
				panic("reflect.Select: default case has Send value")
			}
		case SelectSend:
			if !c.Chan.IsValid() {
				break
			}
			c.Chan.mustBe(Chan, "Select")
			if c.Chan.Type().ChanDir()&SendDir == 0 {
				panic("reflect.Select: SendDir case using recv-only channel")
			}
			v := c.Send
			if !v.IsValid() {
				panic("reflect.Select: SendDir case missing Send value")
			}
			if elem := typeElem(c.Chan.typ); !valueAssignable(v.typ, elem) {
				panic("reflect.Select: value of type " + typeString(v.typ) + " is not assignable to type " + typeString(elem))
			}
			chans[i], types[i], sends[i] = c.Chan.value(), v.typ, v.value()
		case SelectRecv:
			if c.Send.IsValid() {
				panic("reflect.Select: RecvDir case has Send value")
			}
			if !c.Chan.IsValid() {
				break
			}
			c.Chan.mustBe(Chan, "Select")
			if c.Chan.Type().ChanDir()&RecvDir == 0 {
				panic("reflect.Select: RecvDir case using send-only channel")
			}
			chans[i] = c.Chan.value()
		}
	}
	chosen, val, ok := rselect(dirs, chans, types, sends)
	if cases[chosen].Dir == SelectRecv {
		recv, recvOK = Value{typ: typeElem(cases[chosen].Chan.typ), val: val}, ok
	}
	return chosen, recv, recvOK
}

// Send sends x on the channel v, blocking until it can.
func (v Value) Send(x Value) {
	v.mustBe(Chan, "Send")
	v.send(x, false)
}

// TrySend sends x on the channel v if it can do so without blocking, and reports whether
// it did.
func (v Value) TrySend(x Value) bool {
	v.mustBe(Chan, "TrySend")
	return v.send(x, true)
}

func (v Value) send(x Value, nb bool) bool {
	if v.Type().ChanDir()&SendDir == 0 {
		panic("reflect: send on recv-only channel")
	}
	if elem := typeElem(v.typ); x.IsValid() && !valueAssignable(x.typ, elem) {
		panic("reflect.Value.Send: value of type " + typeString(x.typ) + " is not assignable to type " + typeString(elem))
	}
	cases := []SelectCase{{Dir: SelectSend, Chan: v, Send: x}}
	if nb {
		cases = append(cases, SelectCase{Dir: SelectDefault})
	}
	chosen, _, _ := Select(cases)
	return chosen == 0
}

// Recv receives a value from the channel v, blocking until there is one; ok is false for
// the zero value a closed channel gives.
func (v Value) Recv() (x Value, ok bool) {
	v.mustBe(Chan, "Recv")
	return v.recv(false)
}

// TryRecv receives a value from the channel v if it can do so without blocking; when it
// cannot, x is the zero Value.
func (v Value) TryRecv() (x Value, ok bool) {
	v.mustBe(Chan, "TryRecv")
	return v.recv(true)
}

func (v Value) recv(nb bool) (Value, bool) {
	if v.Type().ChanDir()&RecvDir == 0 {
		panic("reflect: recv on send-only channel")
	}
	cases := []SelectCase{{Dir: SelectRecv, Chan: v}}
	if nb {
		cases = append(cases, SelectCase{Dir: SelectDefault})
	}
	chosen, x, ok := Select(cases)
	if chosen != 0 {
		return Value{}, false
	}
	return x, ok
}

// Close closes the channel v.
func (v Value) Close() {
	v.mustBe(Chan, "Close")
	if v.Type().ChanDir()&SendDir == 0 {
		panic("reflect: close of receive-only channel")
	}
	closeChan(v.value())
}

// Convert returns the value v converted to type t, by Go's conversion rules: numbers to
// numbers, an integer to the string of its rune, strings to and from byte and rune slices,
// values to types of identical underlying types and to interfaces they implement.
func (v Value) Convert(t Type) Value {
	if v.val == nil {
		panic(&ValueError{"reflect.Value.Convert", Invalid})
	}
	to := t.(rtype).id
	out, ok := convert(v.typ, to, v.value())
	if !ok {
		panic("reflect.Value.Convert: value of type " + typeString(v.typ) + " cannot be converted to type " + t.String())
	}
	return Value{typ: to, val: out, ro: v.readOnly()}
}

// CanConvert reports whether the value v can be converted to type t.
func (v Value) CanConvert(t Type) bool {
	return v.val != nil && convertible(v.typ, t.(rtype).id)
}

// FieldByIndex returns the nested field of the struct v that index reaches, through
// embedded structs (and pointers to them).
func (v Value) FieldByIndex(index []int) Value {
	for i, x := range index {
		if i > 0 && v.Kind() == Pointer && v.Type().Elem().Kind() == Struct {
			if v.IsNil() {
				panic("reflect: indirection through nil pointer to embedded struct")
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

// Bytes returns v's underlying slice of bytes.
func (v Value) Bytes() []byte {
	if v.Kind() != Slice || typeKind(typeElem(v.typ)) != int(Uint8) {
		panic("reflect.Value.Bytes of non-byte slice")
	}
	return rawBytes(v.value())
}

// SetBytes sets v's underlying slice of bytes to x.
func (v Value) SetBytes(x []byte) {
	v.mustBeAssignable("SetBytes")
	v.mustBe(Slice, "SetBytes")
	if typeKind(typeElem(v.typ)) != int(Uint8) {
		panic("reflect.Value.SetBytes of non-byte slice")
	}
	valueSet(v.typ, v.addr, v.typ, retyped(v.typ, x))
}

// SetZero sets v to the zero value of its type.
func (v Value) SetZero() {
	v.mustBeAssignable("SetZero")
	v.Set(Zero(v.Type()))
}

// Comparable reports whether the value v is comparable: its type is, and, for an interface
// or a composite of them, so are the values it holds.
func (v Value) Comparable() bool {
	switch v.Kind() {
	case Invalid:
		return false
	case Array:
		for i := 0; i < v.Len(); i++ {
			if !v.Index(i).Comparable() {
				return false
			}
		}
		return true
	case Struct:
		for i := 0; i < v.NumField(); i++ {
			if !v.Field(i).Comparable() {
				return false
			}
		}
		return true
	case Interface:
		return v.IsNil() || v.Elem().Comparable()
	}
	return v.Type().Comparable()
}

// Equal reports whether v is equal to u, as Go's == is for values of one type (an
// interface's dynamic value compared); it panics for values that are not comparable.
func (v Value) Equal(u Value) bool {
	if v.Kind() == Interface {
		v = v.Elem()
	}
	if u.Kind() == Interface {
		u = u.Elem()
	}
	if !v.IsValid() || !u.IsValid() {
		return v.IsValid() == u.IsValid()
	}
	if v.typ != u.typ {
		return false
	}
	if !v.Comparable() {
		panic("reflect.Value.Equal: values of type " + v.Type().String() + " are not comparable")
	}
	return valueInterface(v.typ, v.value()) == valueInterface(u.typ, u.value())
}

// A MapIter is an iterator for ranging over a map (see Value.MapRange).
type MapIter struct {
	m    Value
	keys []Value
	i    int
}

// MapRange returns a range iterator for the map v: call Next to advance it, and Key and
// Value to read each entry.
func (v Value) MapRange() *MapIter {
	if v.Kind() != Map {
		panic(&ValueError{"reflect.Value.MapRange", v.Kind()})
	}
	return &MapIter{m: v}
}

// Next advances the iterator and reports whether there is another entry.
func (iter *MapIter) Next() bool {
	if !iter.m.IsValid() {
		panic("MapIter.Next called on an iterator that does not have an associated map Value")
	}
	if iter.keys == nil {
		iter.keys = iter.m.MapKeys()
		iter.i = -1
		if iter.keys == nil {
			iter.keys = []Value{}
		}
	}
	if iter.i >= len(iter.keys) {
		panic("MapIter.Next called on exhausted iterator")
	}
	iter.i++
	return iter.i < len(iter.keys)
}

func (iter *MapIter) entry(method string) Value {
	if iter.keys == nil {
		panic("MapIter." + method + " called before Next")
	}
	if iter.i >= len(iter.keys) {
		panic("MapIter." + method + " called on exhausted iterator")
	}
	return iter.keys[iter.i]
}

// Key returns the key of the iterator's current map entry.
func (iter *MapIter) Key() Value { return iter.entry("Key") }

// Value returns the value of the iterator's current map entry.
func (iter *MapIter) Value() Value { return iter.m.MapIndex(iter.entry("Value")) }

// Reset modifies iter to iterate over v (a map Value, or the zero Value).
func (iter *MapIter) Reset(v Value) {
	if v.IsValid() {
		v.mustBe(Map, "Reset")
	}
	*iter = MapIter{m: v}
}

func (v Value) CanSet() bool { return v.addr != nil && !v.readOnly() }
func (v Value) CanInterface() bool {
	if v.val == nil {
		panic(&ValueError{"reflect.Value.CanInterface", Invalid})
	}
	return !v.readOnly()
}

// Interface returns v's current value as an interface{}.
func (v Value) Interface() any {
	if v.val == nil {
		panic(&ValueError{"reflect.Value.Interface", Invalid})
	}
	if v.readOnly() {
		panic("reflect.Value.Interface: cannot return value obtained from unexported field or method")
	}
	return valueInterface(v.typ, v.value())
}

func (v Value) Bool() bool {
	v.mustBe(Bool, "Bool")
	return valueBool(v.value())
}

func (v Value) Int() int64 {
	switch v.Kind() {
	case Int, Int8, Int16, Int32, Int64:
		return valueInt(v.value())
	}
	panic(&ValueError{"reflect.Value.Int", v.Kind()})
}

func (v Value) Uint() uint64 {
	switch v.Kind() {
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return uint64(valueInt(v.value()))
	}
	panic(&ValueError{"reflect.Value.Uint", v.Kind()})
}

func (v Value) Float() float64 {
	switch v.Kind() {
	case Float32, Float64:
		return valueFloat(v.value())
	}
	panic(&ValueError{"reflect.Value.Float", v.Kind()})
}

// String returns the string v holds; for any other kind, "<T Value>".
func (v Value) String() string {
	switch v.Kind() {
	case Invalid:
		return "<invalid Value>"
	case String:
		return valueString(v.value())
	}
	return "<" + v.Type().String() + " Value>"
}

func (v Value) Len() int {
	switch v.Kind() {
	case Array, Chan, Map, Slice, String:
		return valueLen(v.value(), false)
	case Pointer:
		if t := v.Type().Elem(); t.Kind() == Array {
			return t.Len()
		}
	}
	panic(&ValueError{"reflect.Value.Len", v.Kind()})
}

func (v Value) Cap() int {
	switch v.Kind() {
	case Array, Chan, Slice:
		return valueLen(v.value(), true)
	}
	panic(&ValueError{"reflect.Value.Cap", v.Kind()})
}

// IsNil reports whether v, a chan, func, interface, map, pointer or slice, is nil.
func (v Value) IsNil() bool {
	switch v.Kind() {
	case Chan, Func, Interface, Map, Pointer, Slice:
		return valueIsNil(v.value())
	}
	panic(&ValueError{"reflect.Value.IsNil", v.Kind()})
}

// Pointer returns v's value as a uintptr. For a function it is its entry, which
// runtime.FuncForPC names (0 for a nil one). chanlab's values have no addresses: for a
// pointer, channel, map or slice Pointer panics saying so.
func (v Value) Pointer() uintptr {
	switch k := v.Kind(); k {
	case Func:
		return funcEntry(v.value())
	case Chan, Map, Pointer, Slice, UnsafePointer:
		panic("reflect: chanlab has no addresses: Value.Pointer of a " + k.String() + " Value")
	}
	panic(&ValueError{"reflect.Value.Pointer", v.Kind()})
}

func funcEntry(f any) uintptr

// IsZero reports whether v is the zero value for its type.
func (v Value) IsZero() bool {
	if v.val == nil {
		panic(&ValueError{"reflect.Value.IsZero", Invalid})
	}
	return valueIsZero(v.typ, v.value())
}

// Elem returns the value that the interface v contains or that the pointer v points to.
func (v Value) Elem() Value {
	switch k := v.Kind(); k {
	case Interface:
		typ, val, addr := valueElem(v.typ, v.value())
		return Value{typ: typ, val: val, addr: addr, ro: v.readOnly()}
	case Pointer:
		// What an unexported embedded pointer points to keeps that mark: its exported
		// fields can be set.
		typ, val, addr := valueElem(v.typ, v.value())
		return Value{typ: typ, val: val, addr: addr, ro: v.ro, embedRO: v.embedRO}
	}
	panic(&ValueError{"reflect.Value.Elem", v.Kind()})
}

func (v Value) NumField() int {
	v.mustBe(Struct, "NumField")
	return typeLen(v.typ)
}

// Field returns the i'th field of the struct v.
func (v Value) Field(i int) Value {
	v.mustBe(Struct, "Field")
	if i < 0 || i >= typeLen(v.typ) {
		panic("reflect: Field index out of range")
	}
	_, _, embedded, exported, _ := typeField(v.typ, i)
	typ, val, addr := valuePart(v.typ, v.value(), v.addr, i)
	return Value{typ: typ, val: val, addr: addr, ro: v.ro || !exported && !embedded,
		embedRO: !exported && embedded}
}

// FieldByName returns the struct field with the given name, promoted fields too (the zero
// Value if none).
func (v Value) FieldByName(name string) Value {
	v.mustBe(Struct, "FieldByName")
	if f, ok := v.Type().FieldByName(name); ok {
		return v.FieldByIndex(f.Index)
	}
	return Value{}
}

// Index returns v's i'th element (v an array, slice or string).
func (v Value) Index(i int) Value {
	switch k := v.Kind(); k {
	case Array, Slice, String:
		if i < 0 || i >= v.Len() {
			panic("reflect: " + k.String() + " index out of range")
		}
		typ, val, addr := valuePart(v.typ, v.value(), v.addr, i)
		return Value{typ: typ, val: val, addr: addr, ro: v.readOnly()}
	}
	panic(&ValueError{"reflect.Value.Index", v.Kind()})
}

// MapKeys returns the keys of the map v, in an unspecified order.
func (v Value) MapKeys() []Value {
	v.mustBe(Map, "MapKeys")
	kt := typeKey(v.typ)
	keys := mapKeys(kt, v.value())
	out := make([]Value, len(keys))
	for i, k := range keys {
		out[i] = Value{typ: kt, val: k, ro: v.readOnly()}
	}
	return out
}

// MapIndex returns the value of key in the map v (the zero Value when it has none).
func (v Value) MapIndex(key Value) Value {
	v.mustBe(Map, "MapIndex")
	kt := typeKey(v.typ)
	if !valueAssignable(key.typ, kt) {
		panic("reflect.Value.MapIndex: value of type " + key.Type().String() + " is not assignable to type " + typeString(kt))
	}
	et := typeElem(v.typ)
	val, ok := mapIndex(et, v.value(), key.typ, key.value())
	if !ok {
		return Value{}
	}
	return Value{typ: et, val: val, ro: v.readOnly() || key.readOnly()}
}

// Set assigns x to the value v.
func (v Value) Set(x Value) {
	v.mustBeAssignable("Set")
	if x.val == nil {
		panic(&ValueError{"reflect.Value.Set", Invalid})
	}
	if x.readOnly() {
		panic("reflect: reflect.Value.Set using value obtained using unexported field")
	}
	if !valueAssignable(x.typ, v.typ) {
		panic("reflect.Set: value of type " + x.Type().String() + " is not assignable to type " + v.Type().String())
	}
	valueSet(v.typ, v.addr, x.typ, x.value())
}

// SetMapIndex sets the element associated with key in the map v to elem; a zero elem
// deletes the key.
func (v Value) SetMapIndex(key, elem Value) {
	v.mustBe(Map, "SetMapIndex")
	if v.readOnly() || key.readOnly() || elem.readOnly() {
		panic("reflect: reflect.Value.SetMapIndex using value obtained using unexported field")
	}
	kt := typeKey(v.typ)
	if !valueAssignable(key.typ, kt) {
		panic("reflect.Value.SetMapIndex: value of type " + key.Type().String() + " is not assignable to type " + typeString(kt))
	}
	if elem.val == nil {
		mapSet(v.value(), key.typ, key.value(), -1, nil)
		return
	}
	et := typeElem(v.typ)
	if !valueAssignable(elem.typ, et) {
		panic("reflect.Value.SetMapIndex: value of type " + elem.Type().String() + " is not assignable to type " + typeString(et))
	}
	mapSet(v.value(), key.typ, key.value(), elem.typ, elem.value())
}

func (v Value) SetBool(x bool) {
	v.mustBeAssignable("SetBool")
	v.mustBe(Bool, "SetBool")
	valueSet(v.typ, v.addr, v.typ, x)
}

func (v Value) SetInt(x int64) {
	v.mustBeAssignable("SetInt")
	switch v.Kind() {
	case Int, Int8, Int16, Int32, Int64:
		valueSetInt(v.typ, v.addr, x)
		return
	}
	panic(&ValueError{"reflect.Value.SetInt", v.Kind()})
}

func (v Value) SetUint(x uint64) {
	v.mustBeAssignable("SetUint")
	switch v.Kind() {
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		valueSetInt(v.typ, v.addr, int64(x))
		return
	}
	panic(&ValueError{"reflect.Value.SetUint", v.Kind()})
}

func (v Value) SetFloat(x float64) {
	v.mustBeAssignable("SetFloat")
	switch v.Kind() {
	case Float32:
		valueSet(v.typ, v.addr, v.typ, float64(float32(x)))
		return
	case Float64:
		valueSet(v.typ, v.addr, v.typ, x)
		return
	}
	panic(&ValueError{"reflect.Value.SetFloat", v.Kind()})
}

func (v Value) SetString(x string) {
	v.mustBeAssignable("SetString")
	v.mustBe(String, "SetString")
	valueSet(v.typ, v.addr, v.typ, x)
}

// The natives behind Value (see bind/reflect.rs for how val and addr hold a value).
func zeroOf(id int) any
func valueInterface(id int, val any) any
func valueBool(val any) bool
func valueInt(val any) int64
func valueFloat(val any) float64
func valueString(val any) string
func valueLen(val any, capacity bool) int
func valueIsNil(val any) bool
func valueIsZero(id int, val any) bool
func valueElem(id int, val any) (typ int, elem any, addr any)

// valuePart returns field or element i of a struct, array, slice or string.
func valuePart(id int, val any, addr any, i int) (typ int, part any, partAddr any)
func mapKeys(keyType int, val any) []any
func mapIndex(elemType int, val any, keyType int, key any) (any, bool)

// valueAssignable reports whether a value of type from can be assigned to type to.
func valueAssignable(from int, to int) bool

// valueSet stores val, of type from, where addr points (a variable of type id).
func valueSet(id int, addr any, from int, val any)
func valueSetInt(id int, addr any, x int64)
func typePtrTo(id int) int
func newOf(ptrType int) any
func makeSlice(id int, len int, cap int) any
func makeMap(id int) any
func mapSet(val any, keyType int, key any, elemType int, elem any)
func retyped(id int, val any) any

// rawBytes gives the []byte a Value's val of a byte slice type holds.
func rawBytes(val any) []byte

// convertible reports whether Go converts values of type from to type to; convert converts
// one, a Value's val (false: it does not).
func convertible(from, to int) bool
func convert(from, to int, val any) (any, bool)
func valueLoad(id int, addr any) any

// valueMethod gives type id's i'th exported method as a method value bound to recv, and its
// type (-1 when the program has none).
func valueMethod(id, i int, recv any) (ftype int, fn any)

// makeChan gives a new channel of type id with a buffer of n.
func makeChan(id, n int) any

// rselect runs a select of the cases dirs describes (SelectSend, SelectRecv, SelectDefault)
// on chans (nil for a nil channel), sending sends (of types), and gives the chosen case, a
// receive's value and whether one was sent.
func rselect(dirs []int, chans []any, types []int, sends []any) (int, any, bool)

// closeChan closes channel ch.
func closeChan(ch any)

// callFunc calls fn, of function type ftype, on args (of types), and gives its results.
func callFunc(ftype int, fn any, types []int, args []any) []any

// makeFunc gives a function of type id whose code is stub's: it calls fn with its
// arguments, made Values by in, and returns fn's results, checked by out.
func makeFunc(id int, stub func(), fn func([]Value) []Value, in func([]int, []any) []Value, out func(int, []Value) ([]int, []any)) any

// makeFuncStub is the code of the functions makeFunc makes (it reads their closure).
func makeFuncStub()
