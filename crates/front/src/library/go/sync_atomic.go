// Package atomic is chanlab's sync/atomic: the atomic types and functions. Each operation is
// a native that runs as one indivisible step, in sim mode and across real mode's executors
// (where the hub performs it on the shared memory, in one order for all).
package atomic

// An Int32 is an atomic int32.
type Int32 struct {
	_ noCopy
	v int32
}

func (x *Int32) Load() int32                 { return LoadInt32(&x.v) }
func (x *Int32) Store(val int32)             { StoreInt32(&x.v, val) }
func (x *Int32) Swap(new int32) (old int32)  { return SwapInt32(&x.v, new) }
func (x *Int32) Add(delta int32) (new int32) { return AddInt32(&x.v, delta) }
func (x *Int32) CompareAndSwap(old, new int32) (swapped bool) {
	return CompareAndSwapInt32(&x.v, old, new)
}
func (x *Int32) And(mask int32) (old int32) { return AndInt32(&x.v, mask) }
func (x *Int32) Or(mask int32) (old int32)  { return OrInt32(&x.v, mask) }

// An Int64 is an atomic int64.
type Int64 struct {
	_ noCopy
	_ align64
	v int64
}

func (x *Int64) Load() int64                 { return LoadInt64(&x.v) }
func (x *Int64) Store(val int64)             { StoreInt64(&x.v, val) }
func (x *Int64) Swap(new int64) (old int64)  { return SwapInt64(&x.v, new) }
func (x *Int64) Add(delta int64) (new int64) { return AddInt64(&x.v, delta) }
func (x *Int64) CompareAndSwap(old, new int64) (swapped bool) {
	return CompareAndSwapInt64(&x.v, old, new)
}
func (x *Int64) And(mask int64) (old int64) { return AndInt64(&x.v, mask) }
func (x *Int64) Or(mask int64) (old int64)  { return OrInt64(&x.v, mask) }

// An Uint32 is an atomic uint32.
type Uint32 struct {
	_ noCopy
	v uint32
}

func (x *Uint32) Load() uint32                  { return LoadUint32(&x.v) }
func (x *Uint32) Store(val uint32)              { StoreUint32(&x.v, val) }
func (x *Uint32) Swap(new uint32) (old uint32)  { return SwapUint32(&x.v, new) }
func (x *Uint32) Add(delta uint32) (new uint32) { return AddUint32(&x.v, delta) }
func (x *Uint32) CompareAndSwap(old, new uint32) (swapped bool) {
	return CompareAndSwapUint32(&x.v, old, new)
}
func (x *Uint32) And(mask uint32) (old uint32) { return AndUint32(&x.v, mask) }
func (x *Uint32) Or(mask uint32) (old uint32)  { return OrUint32(&x.v, mask) }

// An Uint64 is an atomic uint64.
type Uint64 struct {
	_ noCopy
	_ align64
	v uint64
}

func (x *Uint64) Load() uint64                  { return LoadUint64(&x.v) }
func (x *Uint64) Store(val uint64)              { StoreUint64(&x.v, val) }
func (x *Uint64) Swap(new uint64) (old uint64)  { return SwapUint64(&x.v, new) }
func (x *Uint64) Add(delta uint64) (new uint64) { return AddUint64(&x.v, delta) }
func (x *Uint64) CompareAndSwap(old, new uint64) (swapped bool) {
	return CompareAndSwapUint64(&x.v, old, new)
}
func (x *Uint64) And(mask uint64) (old uint64) { return AndUint64(&x.v, mask) }
func (x *Uint64) Or(mask uint64) (old uint64)  { return OrUint64(&x.v, mask) }

// An Uintptr is an atomic uintptr.
type Uintptr struct {
	_ noCopy
	v uintptr
}

func (x *Uintptr) Load() uintptr                   { return LoadUintptr(&x.v) }
func (x *Uintptr) Store(val uintptr)               { StoreUintptr(&x.v, val) }
func (x *Uintptr) Swap(new uintptr) (old uintptr)  { return SwapUintptr(&x.v, new) }
func (x *Uintptr) Add(delta uintptr) (new uintptr) { return AddUintptr(&x.v, delta) }
func (x *Uintptr) CompareAndSwap(old, new uintptr) (swapped bool) {
	return CompareAndSwapUintptr(&x.v, old, new)
}
func (x *Uintptr) And(mask uintptr) (old uintptr) { return AndUintptr(&x.v, mask) }
func (x *Uintptr) Or(mask uintptr) (old uintptr)  { return OrUintptr(&x.v, mask) }

// A Bool is an atomic boolean value (a uint32, 1 for true, as Go keeps it).
type Bool struct {
	_ noCopy
	v uint32
}

func (x *Bool) Load() bool               { return LoadUint32(&x.v) != 0 }
func (x *Bool) Store(val bool)           { StoreUint32(&x.v, b32(val)) }
func (x *Bool) Swap(new bool) (old bool) { return SwapUint32(&x.v, b32(new)) != 0 }
func (x *Bool) CompareAndSwap(old, new bool) (swapped bool) {
	return CompareAndSwapUint32(&x.v, b32(old), b32(new))
}

func b32(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}

// noCopy and align64 are the fields Go's atomic types begin with (fmt prints them as {}).
type noCopy struct{}
type align64 struct{}

// A Value provides an atomic load and store of a consistently typed value.
type Value struct {
	v any
}

func (v *Value) Load() (val any) { return loadAny(&v.v) }

func (v *Value) Store(val any) {
	if val == nil {
		panic("sync/atomic: store of nil value into Value")
	}
	if old := loadAny(&v.v); old != nil && !sameType(old, val) {
		panic("sync/atomic: store of inconsistently typed value into Value")
	}
	storeAny(&v.v, val)
}

func (v *Value) Swap(new any) (old any) {
	if new == nil {
		panic("sync/atomic: swap of nil value into Value")
	}
	if old := loadAny(&v.v); old != nil && !sameType(old, new) {
		panic("sync/atomic: swap of inconsistently typed value into Value")
	}
	return swapAny(&v.v, new)
}

func (v *Value) CompareAndSwap(old, new any) (swapped bool) {
	if new == nil {
		panic("sync/atomic: compare and swap of nil value into Value")
	}
	if old != nil && !sameType(old, new) {
		panic("sync/atomic: compare and swap of inconsistently typed values")
	}
	cur := loadAny(&v.v)
	if cur == nil {
		return old == nil && compareAndSwapAny(&v.v, nil, new)
	}
	if !sameType(cur, new) {
		panic("sync/atomic: compare and swap of inconsistently typed value into Value")
	}
	// Go's comparison, which panics for a type that has none.
	if cur != old {
		return false
	}
	return compareAndSwapAny(&v.v, old, new)
}

func loadAny(addr *any) any
func storeAny(addr *any, val any)
func swapAny(addr *any, new any) (old any)
func compareAndSwapAny(addr *any, old, new any) (swapped bool)

// A Pointer is an atomic pointer of type *T. Its zero value holds no interface value at
// all, which reads as a nil *T.
type Pointer[T any] struct {
	_ [0]*T
	_ noCopy
	v any
}

func (x *Pointer[T]) Load() *T {
	p, _ := loadAny(&x.v).(*T)
	return p
}

func (x *Pointer[T]) Store(val *T) { storeAny(&x.v, val) }

func (x *Pointer[T]) Swap(new *T) (old *T) {
	old, _ = swapAny(&x.v, new).(*T)
	return
}

func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool) {
	if old == nil && compareAndSwapAny(&x.v, nil, new) {
		return true
	}
	return compareAndSwapAny(&x.v, old, new)
}

// sameType reports whether a and b have the same dynamic type.
func sameType(a, b any) bool

func AddInt32(addr *int32, delta int32) (new int32)
func LoadInt32(addr *int32) (val int32)
func StoreInt32(addr *int32, val int32)
func SwapInt32(addr *int32, new int32) (old int32)
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool)

func AddInt64(addr *int64, delta int64) (new int64)
func LoadInt64(addr *int64) (val int64)
func StoreInt64(addr *int64, val int64)
func SwapInt64(addr *int64, new int64) (old int64)
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool)

func AddUint32(addr *uint32, delta uint32) (new uint32)
func LoadUint32(addr *uint32) (val uint32)
func StoreUint32(addr *uint32, val uint32)
func SwapUint32(addr *uint32, new uint32) (old uint32)
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool)

func AddUint64(addr *uint64, delta uint64) (new uint64)
func LoadUint64(addr *uint64) (val uint64)
func StoreUint64(addr *uint64, val uint64)
func SwapUint64(addr *uint64, new uint64) (old uint64)
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool)

func AddUintptr(addr *uintptr, delta uintptr) (new uintptr)
func LoadUintptr(addr *uintptr) (val uintptr)
func StoreUintptr(addr *uintptr, val uintptr)
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr)
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool)

// update replaces *addr by f(*addr) in one indivisible step, as the compare-and-swap loop
// makes it, and returns the value it replaced: Go 1.23's And and Or.
func update[T int32 | int64 | uint32 | uint64 | uintptr](addr *T, load func(*T) T, cas func(*T, T, T) bool, f func(T) T) T {
	for {
		old := load(addr)
		if cas(addr, old, f(old)) {
			return old
		}
	}
}

func AndInt32(addr *int32, mask int32) (old int32) {
	return update(addr, LoadInt32, CompareAndSwapInt32, func(v int32) int32 { return v & mask })
}

func OrInt32(addr *int32, mask int32) (old int32) {
	return update(addr, LoadInt32, CompareAndSwapInt32, func(v int32) int32 { return v | mask })
}

func AndInt64(addr *int64, mask int64) (old int64) {
	return update(addr, LoadInt64, CompareAndSwapInt64, func(v int64) int64 { return v & mask })
}

func OrInt64(addr *int64, mask int64) (old int64) {
	return update(addr, LoadInt64, CompareAndSwapInt64, func(v int64) int64 { return v | mask })
}

func AndUint32(addr *uint32, mask uint32) (old uint32) {
	return update(addr, LoadUint32, CompareAndSwapUint32, func(v uint32) uint32 { return v & mask })
}

func OrUint32(addr *uint32, mask uint32) (old uint32) {
	return update(addr, LoadUint32, CompareAndSwapUint32, func(v uint32) uint32 { return v | mask })
}

func AndUint64(addr *uint64, mask uint64) (old uint64) {
	return update(addr, LoadUint64, CompareAndSwapUint64, func(v uint64) uint64 { return v & mask })
}

func OrUint64(addr *uint64, mask uint64) (old uint64) {
	return update(addr, LoadUint64, CompareAndSwapUint64, func(v uint64) uint64 { return v | mask })
}

func AndUintptr(addr *uintptr, mask uintptr) (old uintptr) {
	return update(addr, LoadUintptr, CompareAndSwapUintptr, func(v uintptr) uintptr { return v & mask })
}

func OrUintptr(addr *uintptr, mask uintptr) (old uintptr) {
	return update(addr, LoadUintptr, CompareAndSwapUintptr, func(v uintptr) uintptr { return v | mask })
}
