//! The register bytecode (docs/INTERPRETER.md, Execution).
//!
//! Operands are registers of the current frame (`R`, numbered from the frame's base),
//! constants (`K`, indexes into `Program::consts`), functions (`F`, into `Program::funcs`) and
//! instruction indexes (`T`, jump targets within the function). Instructions are typed: the
//! compiler picks `AddI` or `AddF` from the checked types, so the loop does no dispatch on
//! values of its own.
//!
//! Calls use a sliding window: the caller puts the arguments in consecutive registers from
//! `base`, the callee's frame starts there (its parameters are its first registers), and the
//! callee's results come back in the same registers, from `base`.

use super::types::{IntKind, MethodId};

/// A register of the current frame.
pub type R = u16;

/// [`Instr::GoV`]'s `wrap` for a go statement Go runs without a wrapper.
pub const NO_WRAP: u32 = u32::MAX;

/// One instruction (16 bytes).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    Nop,
    // --- Moving values
    /// `d = s` (shallow: aggregates alias; use `Copy` where Go copies).
    Mov {
        d: R,
        s: R,
    },
    /// `d = s` as Go copies it (aggregates deeply).
    Copy {
        d: R,
        s: R,
    },
    /// `d = consts[k]`.
    Const {
        d: R,
        k: u32,
    },
    /// `d = consts[k]`, copied (a fresh zero aggregate).
    ConstCopy {
        d: R,
        k: u32,
    },
    Int {
        d: R,
        v: i32,
    },
    Bool {
        d: R,
        v: bool,
    },
    Nil {
        d: R,
    },
    Global {
        d: R,
        g: u32,
    },
    SetGlobal {
        g: u32,
        s: R,
    },
    /// `d = env[i]` of the running closure (a captured cell, or a copied value).
    Env {
        d: R,
        i: u16,
    },
    /// `d = new cell holding s` (a variable that escapes).
    NewCell {
        d: R,
        s: R,
    },
    /// `d = *cell` where register `c` holds a cell pointer.
    Load {
        d: R,
        p: R,
    },
    /// `*p = s` (an aggregate's contents are copied into its storage).
    Store {
        p: R,
        s: R,
    },
    /// `d = &s` for the array or struct in `s`: a pointer to its storage.
    AddrOf {
        d: R,
        s: R,
    },
    /// Writes aggregate `s`'s contents into aggregate `d`'s storage (assignment to an array
    /// or struct variable that pointers may see).
    StoreAgg {
        d: R,
        s: R,
    },

    // --- Integers (every kind is an i64; `Wrap` brings a sized kind back in range)
    AddI {
        d: R,
        a: R,
        b: R,
    },
    SubI {
        d: R,
        a: R,
        b: R,
    },
    MulI {
        d: R,
        a: R,
        b: R,
    },
    /// Signed division: panics on zero; `MinInt64 / -1` wraps.
    DivI {
        d: R,
        a: R,
        b: R,
    },
    RemI {
        d: R,
        a: R,
        b: R,
    },
    DivU {
        d: R,
        a: R,
        b: R,
    },
    RemU {
        d: R,
        a: R,
        b: R,
    },
    /// `d += s` (the accumulation of a loop body: one operand fewer to read).
    AddTo {
        d: R,
        s: R,
    },
    /// `d = a + v`: an operation with a constant operand (`i++`, `x - 1`) in one instruction.
    AddImm {
        d: R,
        a: R,
        v: i32,
    },
    AndImm {
        d: R,
        a: R,
        v: i32,
    },
    OrImm {
        d: R,
        a: R,
        v: i32,
    },
    /// `d = a << n` for a constant `n` (at most 64: the result is 0).
    ShlImm {
        d: R,
        a: R,
        n: u8,
    },
    /// Arithmetic shift right by a constant `n` (at most 63).
    ShrIImm {
        d: R,
        a: R,
        n: u8,
    },
    /// Logical shift right by a constant `n` (at most 64: the result is 0).
    ShrUImm {
        d: R,
        a: R,
        n: u8,
    },
    And {
        d: R,
        a: R,
        b: R,
    },
    Or {
        d: R,
        a: R,
        b: R,
    },
    Xor {
        d: R,
        a: R,
        b: R,
    },
    AndNot {
        d: R,
        a: R,
        b: R,
    },
    /// `a << b` with `b` unsigned (`signed_b`: panics when negative).
    Shl {
        d: R,
        a: R,
        b: R,
        signed_b: bool,
    },
    /// Arithmetic shift right.
    ShrI {
        d: R,
        a: R,
        b: R,
        signed_b: bool,
    },
    /// Logical shift right (unsigned kinds; `a` already in range).
    ShrU {
        d: R,
        a: R,
        b: R,
        signed_b: bool,
    },
    NegI {
        d: R,
        s: R,
    },
    /// Bitwise complement.
    Compl {
        d: R,
        s: R,
    },
    /// `d = s` wrapped into `kind`'s range.
    Wrap {
        d: R,
        s: R,
        kind: IntKind,
    },

    // --- Floats
    AddF {
        d: R,
        a: R,
        b: R,
    },
    SubF {
        d: R,
        a: R,
        b: R,
    },
    MulF {
        d: R,
        a: R,
        b: R,
    },
    DivF {
        d: R,
        a: R,
        b: R,
    },
    NegF {
        d: R,
        s: R,
    },
    /// Rounds to float32.
    F32 {
        d: R,
    },

    // --- Complex numbers
    AddC {
        d: R,
        a: R,
        b: R,
    },
    SubC {
        d: R,
        a: R,
        b: R,
    },
    MulC {
        d: R,
        a: R,
        b: R,
    },
    DivC {
        d: R,
        a: R,
        b: R,
    },
    NegC {
        d: R,
        s: R,
    },
    /// Rounds both parts to float32 (complex64).
    C64 {
        d: R,
    },
    /// `complex(re, im)`.
    MakeC {
        d: R,
        re: R,
        im: R,
    },
    /// `real(s)`.
    RealC {
        d: R,
        s: R,
    },
    /// `imag(s)`.
    ImagC {
        d: R,
        s: R,
    },

    // --- Strings
    Concat {
        d: R,
        a: R,
        b: R,
    },

    // --- Comparisons (d = bool)
    EqI {
        d: R,
        a: R,
        b: R,
    },
    NeI {
        d: R,
        a: R,
        b: R,
    },
    LtI {
        d: R,
        a: R,
        b: R,
    },
    LeI {
        d: R,
        a: R,
        b: R,
    },
    LtU {
        d: R,
        a: R,
        b: R,
    },
    LeU {
        d: R,
        a: R,
        b: R,
    },
    EqF {
        d: R,
        a: R,
        b: R,
    },
    NeF {
        d: R,
        a: R,
        b: R,
    },
    LtF {
        d: R,
        a: R,
        b: R,
    },
    LeF {
        d: R,
        a: R,
        b: R,
    },
    LtS {
        d: R,
        a: R,
        b: R,
    },
    LeS {
        d: R,
        a: R,
        b: R,
    },
    /// Go's `==` on any comparable values (panics on an uncomparable dynamic type).
    Eq {
        d: R,
        a: R,
        b: R,
    },
    Ne {
        d: R,
        a: R,
        b: R,
    },
    Not {
        d: R,
        s: R,
    },
    IsNil {
        d: R,
        s: R,
    },

    // --- Conversions
    IToF {
        d: R,
        s: R,
    },
    UToF {
        d: R,
        s: R,
    },
    /// A 64-bit integer to `float32`, rounded once (through `float64` it could round twice).
    IToF32 {
        d: R,
        s: R,
    },
    UToF32 {
        d: R,
        s: R,
    },
    FToI {
        d: R,
        s: R,
        kind: IntKind,
    },
    /// `string(rune)`.
    RuneToS {
        d: R,
        s: R,
    },
    BytesToS {
        d: R,
        s: R,
    },
    SToBytes {
        d: R,
        s: R,
    },
    /// `(*[n]T)(s)`: a pointer to the first `n` elements of slice `s` (nil for a nil slice),
    /// or Go's panic when `s` is shorter.
    SliceToArrayPtr {
        d: R,
        s: R,
        n: u32,
    },
    /// Go's nil dereference panic when register `x` is nil (a pointer to an array that is
    /// sliced or ranged with its values).
    NilCheck {
        x: R,
    },
    /// `[n]T(s)`: a copy of the first `n` elements of slice `s`, or Go's panic when `s` is
    /// shorter.
    SliceToArray {
        d: R,
        s: R,
        n: u32,
    },
    RunesToS {
        d: R,
        s: R,
    },
    SToRunes {
        d: R,
        s: R,
    },

    // --- Control
    Jmp {
        t: u32,
    },
    Jt {
        c: R,
        t: u32,
    },
    Jf {
        c: R,
        t: u32,
    },
    // A comparison of integers and the jump on its result, in one instruction (a condition
    // of `if` or `for`): `if a == b { goto t }` and so on; `U`: unsigned; `K`: `b` is the
    // constant `v` (signed kinds, or equality of any kind).
    JEq {
        a: R,
        b: R,
        t: u32,
    },
    JNe {
        a: R,
        b: R,
        t: u32,
    },
    JLt {
        a: R,
        b: R,
        t: u32,
    },
    JLe {
        a: R,
        b: R,
        t: u32,
    },
    JLtU {
        a: R,
        b: R,
        t: u32,
    },
    JLeU {
        a: R,
        b: R,
        t: u32,
    },
    JEqK {
        a: R,
        v: i32,
        t: u32,
    },
    JNeK {
        a: R,
        v: i32,
        t: u32,
    },
    JLtK {
        a: R,
        v: i32,
        t: u32,
    },
    JLeK {
        a: R,
        v: i32,
        t: u32,
    },
    JGtK {
        a: R,
        v: i32,
        t: u32,
    },
    JGeK {
        a: R,
        v: i32,
        t: u32,
    },
    /// `d += s; i++; if i < n { goto t }`: a counted loop whose body only accumulates.
    AddToIncJLt {
        d: R,
        s: R,
        i: R,
        n: R,
        t: u32,
    },
    /// `i++; if i < n { goto t }`: a counted loop's step, test and back edge.
    IncJLt {
        i: R,
        n: R,
        t: u32,
    },

    // --- Calls
    Call {
        f: u32,
        base: R,
    },
    /// Calls the function value in register `f`.
    CallV {
        f: R,
        base: R,
    },
    /// Calls method `m` of the interface value in register `base` (its dynamic value becomes
    /// the receiver).
    CallI {
        m: MethodId,
        base: R,
    },
    /// Calls native `n` with `nargs` arguments from `base`.
    Native {
        n: u32,
        base: R,
        nargs: u16,
    },
    /// Returns the function's results (its result registers) to the caller.
    Ret,
    /// `go f(args)`: arguments from `base`.
    Go {
        f: u32,
        base: R,
        nargs: u16,
    },
    /// `go f(args)` of a function value. Go 1.19 wraps a go statement whose call has
    /// arguments or results in a function of its own (`main.main.func2`), so that a nil `f`
    /// panics in the new goroutine, in `wrap`, which calls it; a call without either has no
    /// wrapper ([`NO_WRAP`]) and a nil `f` is a fatal error where the statement runs.
    GoV {
        f: R,
        base: R,
        nargs: u16,
        wrap: u32,
    },
    GoI {
        m: MethodId,
        base: R,
        nargs: u16,
    },
    Defer {
        f: u32,
        base: R,
        nargs: u16,
    },
    DeferV {
        f: R,
        base: R,
        nargs: u16,
    },
    DeferI {
        m: MethodId,
        base: R,
        nargs: u16,
    },
    DeferNative {
        n: u32,
        base: R,
        nargs: u16,
    },
    Panic {
        s: R,
    },
    /// A value method's wrapper called on a nil pointer: Go's `value method main.T.F called
    /// using nil *T pointer` (constant `k`, the text) if `p` is nil.
    NilRecv {
        p: R,
        k: u32,
    },
    Recover {
        d: R,
    },
    /// `d` = the index of the running frame (for [`Instr::DeferTo`]).
    FrameIndex {
        d: R,
    },
    /// The deferred call just made belongs to the frame whose index is in `f`, an enclosing
    /// function's: a `defer` in the body of a loop over a function defers to the function the
    /// loop is in. It is moved there, after that frame's other deferred calls.
    DeferTo {
        f: R,
    },
    /// Makes a closure of function `f` capturing registers `first..first+n`.
    Closure {
        d: R,
        f: u32,
        first: R,
        n: u16,
    },

    // --- Aggregates, pointers, slices, maps
    /// `d = {regs[first..first+n]}` as a new owned aggregate (the values are moved in).
    MakeAgg {
        d: R,
        first: R,
        n: u16,
    },
    /// `d = []T{regs[first..first+n]}`.
    MakeSliceLit {
        d: R,
        first: R,
        n: u16,
    },
    /// `d = make([]T, len, cap)` with elements copied from `consts[zero]`.
    MakeSlice {
        d: R,
        len: R,
        cap: R,
        zero: u32,
    },
    MakeMap {
        d: R,
    },
    /// `d = make(chan T, cap)` (`cap` `R::MAX`: unbuffered), made for the variable
    /// `prog.chan_names[name]` (`NO_NAME`: none), which the trace records.
    MakeChan {
        d: R,
        cap: R,
        name: u32,
        /// The element's size in bytes (at most `u16::MAX`), for Go's limit on a buffer's
        /// size.
        esize: u16,
    },
    /// `d = new(T)` (a pointer to a fresh copy of `consts[zero]`).
    New {
        d: R,
        zero: u32,
    },
    /// `d = a.fields[i]` (`a` an aggregate or a pointer to one).
    Field {
        d: R,
        a: R,
        i: u16,
    },
    SetField {
        a: R,
        i: u16,
        s: R,
    },
    /// `d = &a.fields[i]`.
    FieldPtr {
        d: R,
        a: R,
        i: u16,
    },
    /// `d = x[i]` for a slice, array, pointer to array, or string (a byte).
    Index {
        d: R,
        x: R,
        i: R,
    },
    SetIndex {
        x: R,
        i: R,
        s: R,
    },
    /// Before `x[i]` for an index of an unsigned 64-bit type: panics if it is 2^63 or more
    /// (negative in its register), with Go's text for it.
    IndexU {
        x: R,
        i: R,
    },
    /// `d = &x[i]`.
    IndexPtr {
        d: R,
        x: R,
        i: R,
    },
    /// Before `x[lo:hi:max]` whose bounds in `unsigned` (1 low, 2 high, 4 max) are of an
    /// unsigned 64-bit type: panics if one is 2^63 or more, with Go's text for it.
    SliceU {
        x: R,
        lo: R,
        hi: R,
        max: R,
        unsigned: u8,
    },
    /// `d = x[lo:hi:max]`; an absent bound is `R::MAX`.
    SliceOp {
        d: R,
        x: R,
        lo: R,
        hi: R,
        max: R,
    },
    Len {
        d: R,
        x: R,
    },
    Cap {
        d: R,
        x: R,
    },
    /// `d = append(s, regs[first..first+n]...)`; `esize`: the element's size in bytes, which
    /// sets the capacity a growing slice gets, as Go's allocator rounds it.
    Append {
        d: R,
        s: R,
        first: R,
        n: u16,
        esize: u16,
    },
    /// `d = append(s, t...)` (`t` a slice, or a string for `[]byte`).
    AppendSlice {
        d: R,
        s: R,
        t: R,
        esize: u16,
    },
    /// `d = copy(dst, src)`.
    CopySlice {
        d: R,
        dst: R,
        src: R,
    },
    /// `d = m[k]`, or a copy of `consts[zero]` when absent.
    MapGet {
        d: R,
        m: R,
        k: R,
        zero: u32,
    },
    /// `d, ok = m[k]` (ok in register `d + 1`).
    MapGet2 {
        d: R,
        m: R,
        k: R,
        zero: u32,
    },
    MapSet {
        m: R,
        k: R,
        s: R,
    },
    MapDelete {
        m: R,
        k: R,
    },
    /// What a `range` over map `m` visits, in its order: the keys (a slice) in `d`; in
    /// `d + 1`, the values of the keys not equal to themselves at their places in a slice
    /// (nil when there are none); in `d + 2`, how many times the map was cleared.
    MapKeys {
        d: R,
        m: R,
    },
    /// A `range` over a map reaching key `k`, the `i`th of the snapshot `MapKeys` made in
    /// `at`: `d, ok = m[k]`, or for a key not equal to itself its value in the snapshot
    /// unless the map was cleared since (ok in `d + 1`; `d` unset when not ok).
    MapRangeGet {
        d: R,
        m: R,
        k: R,
        at: R,
        i: R,
    },
    /// `clear(x)` for a map or slice (`zero`: the element's zero value).
    Clear {
        x: R,
        zero: u32,
    },
    /// Decodes the rune of string `s` at byte `i`: the rune in `d`, its width in `d + 1`.
    DecodeRune {
        d: R,
        s: R,
        i: R,
    },

    // --- Interfaces
    /// `d = T(s)` boxed as an interface value of dynamic type `ty`.
    ToIface {
        d: R,
        s: R,
        ty: u32,
    },
    /// `d = s.(T)` for a concrete `T`; panics when it does not hold one (`iface`: the
    /// interface type, for the message).
    Assert {
        d: R,
        s: R,
        ty: u32,
        iface: u32,
    },
    /// `d, ok = s.(T)` (ok in `d + 1`; `zero`: T's zero value).
    Assert2 {
        d: R,
        s: R,
        ty: u32,
        zero: u32,
    },
    /// `d = s.(I)` for an interface type `I`.
    AssertI {
        d: R,
        s: R,
        ty: u32,
        iface: u32,
    },
    AssertI2 {
        d: R,
        s: R,
        ty: u32,
    },
    /// `d = the dynamic type id of s`, or -1 for nil (type switches).
    TypeOf {
        d: R,
        s: R,
    },
    /// `d = whether s's dynamic type implements interface ty` (false for nil).
    Implements {
        d: R,
        s: R,
        ty: u32,
    },

    // --- Channels
    Send {
        ch: R,
        v: R,
    },
    /// `d = <-ch` (`zero`: the element's zero value, for a closed channel).
    Recv {
        d: R,
        ch: R,
        zero: u32,
    },
    /// `d, ok = <-ch` (ok in `d + 1`).
    Recv2 {
        d: R,
        ch: R,
        zero: u32,
    },
    /// The receive of a `for v := range ch` loop, at its bottom: a value goes to `d` and on to
    /// `t`, the loop's body; a closed channel ends the loop (the next instruction).
    RangeRecv {
        d: R,
        ch: R,
        t: u32,
    },
    Close {
        ch: R,
    },
    /// A select statement (`Program::selects[sel]`); the chosen case's index in `d` (-1 for
    /// default).
    Select {
        sel: u32,
        d: R,
    },

    // --- Builtins
    /// `print`/`println` of `n` registers from `first`, to stderr.
    Print {
        first: R,
        n: u16,
        newline: bool,
    },
}

/// One case of a select statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SelectCase {
    pub ch: R,
    /// A send's value register, or `None` for a receive.
    pub send: Option<R>,
    /// A receive's destinations: the value, and `ok` (in `value + 1`) when wanted.
    pub recv_to: Option<R>,
    pub recv_ok: bool,
    /// The element type's zero value (what a receive from a closed channel gives).
    pub zero: u32,
}

/// A select statement's cases.
#[derive(Clone, Debug, PartialEq)]
pub struct SelectDesc {
    pub cases: Vec<SelectCase>,
    pub has_default: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_instruction_is_small() {
        assert!(std::mem::size_of::<Instr>() <= 16);
    }
}
