//! Composite values, methods and Printf's error forms: each case's format and operands are
//! the Go program's, its expected text what Go 1.19 printed.

// The cases use the values Go's program printed, pi among them.
#![allow(clippy::approx_constant)]

use super::*;
use crate::golang::vm::types::{ERROR_METHOD, STRING_METHOD};
use crate::golang::vm::value::Ptr;

fn int(i: i64) -> Value {
    Value::Int(i)
}

fn s(x: &str) -> Value {
    Value::str(x)
}

fn agg(items: Vec<Value>) -> Value {
    Value::agg(items)
}

/// A pointer to a fresh struct or array.
fn ptr_to(items: Vec<Value>) -> Value {
    Value::Ptr(Ptr::Agg(Rc::new(RefCell::new(items))))
}

/// The program's types, named as the Go program names them.
#[allow(dead_code)]
struct P {
    point: TypeId,
    ppoint: TypeId,
    ints: TypeId,
    int3: TypeId,
    str_int: TypeId,
    int_str: TypeId,
    f64_int: TypeId,
    bool_int: TypeId,
    key: TypeId,
    key_int: TypeId,
    int2: TypeId,
    int2_str: TypeId,
    u8_bool: TypeId,
    pint: TypeId,
    inner: TypeId,
    outer: TypeId,
    celsius: TypeId,
    celsiuses: TypeId,
    cel_cel: TypeId,
    myerr: TypeId,
    pmyerr: TypeId,
    errors: TypeId,
    both: TypeId,
    boom: TypeId,
    booms: TypeId,
    pstr: TypeId,
    ppstr: TypeId,
    ppstrs: TypeId,
    hidden: TypeId,
    hasp: TypeId,
    anys: TypeId,
    withe: TypeId,
    s_any: TypeId,
    s_point: TypeId,
    any_int: TypeId,
    wb: TypeId,
    f32s: TypeId,
    strs: TypeId,
    f64s: TypeId,
    bool2: TypeId,
    bools: TypeId,
    chan: TypeId,
    func: TypeId,
    ppoints: TypeId,
    str_ppoint: TypeId,
    stringers: TypeId,
    f32: TypeId,
    runes: TypeId,
}

fn program() -> (Host, T, P) {
    let (mut h, t) = Host::new();
    let point = h.strukt("main.Point", &[("X", t.int), ("Y", t.int)]);
    let ppoint = h.ty("*main.Point", Kind::Pointer { elem: point }, false);
    let ints = h.ty("[]int", Kind::Slice { elem: t.int }, false);
    let inner = h.strukt("main.Inner", &[("N", t.int), ("s", t.string)]);
    let pinner = h.ty("*main.Inner", Kind::Pointer { elem: inner }, false);
    let str_int = h.ty(
        "map[string]int",
        Kind::Map {
            key: t.string,
            val: t.int,
        },
        false,
    );
    let outer = h.strukt(
        "main.Outer",
        &[
            ("Name", t.string),
            ("In", inner),
            ("P", pinner),
            ("Any", t.any),
            ("Err", t.error),
            ("L", ints),
            ("M", str_int),
        ],
    );
    let celsius = h.ty("main.Celsius", Kind::Float64, true);
    h.method(celsius, STRING_METHOD, |v| {
        Ok(format!("{:.1}°C", v.as_float()).into_bytes())
    });
    let myerr = h.strukt("main.MyErr", &[("Code", t.int)]);
    let pmyerr = h.ty("*main.MyErr", Kind::Pointer { elem: myerr }, false);
    fn code(v: &Value) -> Result<Vec<u8>, String> {
        let fields = match v {
            Value::Ptr(p) => p.load().elems(),
            v => v.elems(),
        };
        Ok(format!("code {}", fields[0].as_int()).into_bytes())
    }
    h.method(myerr, ERROR_METHOD, code);
    h.method(pmyerr, ERROR_METHOD, code);
    let both = h.ty("main.Both", Kind::Int(IntKind::Int), true);
    h.types.method_id(STRING_METHOD);
    h.method(both, ERROR_METHOD, |_| Ok(b"as error".to_vec()));
    let boom = h.ty("main.Boom", Kind::Int(IntKind::Int), true);
    h.method(boom, STRING_METHOD, |_| Err("boom".into()));
    let pstr = h.strukt("main.PStr", &[("V", t.int)]);
    let ppstr = h.ty("*main.PStr", Kind::Pointer { elem: pstr }, false);
    h.method(ppstr, STRING_METHOD, |v| match v {
        Value::Ptr(p) => Ok(format!("P{}", p.load().elems()[0].as_int()).into_bytes()),
        _ => Err("runtime error: invalid memory address or nil pointer dereference".into()),
    });
    let key = h.strukt("main.Key", &[("A", t.int), ("B", t.string)]);
    let int2 = h.ty(
        "[2]int",
        Kind::Array {
            elem: t.int,
            len: 2,
        },
        false,
    );
    let stringer_m = h.types.method_id(STRING_METHOD);
    let stringer = h.ty(
        "fmt.Stringer",
        Kind::Interface {
            methods: vec![stringer_m],
        },
        true,
    );
    let anys = h.ty("[]interface {}", Kind::Slice { elem: t.any }, false);
    let map = |h: &mut Host, name: &str, key, val| h.ty(name, Kind::Map { key, val }, false);
    let slice = |h: &mut Host, name: &str, elem| h.ty(name, Kind::Slice { elem }, false);
    let p = P {
        point,
        ppoint,
        ints,
        int3: h.ty(
            "[3]int",
            Kind::Array {
                elem: t.int,
                len: 3,
            },
            false,
        ),
        str_int,
        int_str: map(&mut h, "map[int]string", t.int, t.string),
        f64_int: map(&mut h, "map[float64]int", t.float64, t.int),
        bool_int: map(&mut h, "map[bool]int", t.bool, t.int),
        key,
        key_int: map(&mut h, "map[main.Key]int", key, t.int),
        int2,
        int2_str: map(&mut h, "map[[2]int]string", int2, t.string),
        u8_bool: map(&mut h, "map[uint8]bool", t.uint8, t.bool),
        pint: h.ty("*int", Kind::Pointer { elem: t.int }, false),
        inner,
        outer,
        celsius,
        celsiuses: slice(&mut h, "[]main.Celsius", celsius),
        cel_cel: map(&mut h, "map[main.Celsius]main.Celsius", celsius, celsius),
        myerr,
        pmyerr,
        errors: slice(&mut h, "[]error", t.error),
        both,
        boom,
        booms: slice(&mut h, "[]main.Boom", boom),
        pstr,
        ppstr,
        ppstrs: slice(&mut h, "[]*main.PStr", ppstr),
        hidden: h.strukt("main.Hidden", &[("c", celsius), ("C", celsius)]),
        hasp: h.strukt("main.HasP", &[("P", ppstr)]),
        anys,
        withe: h.strukt("main.WithE", &[("E", t.error)]),
        s_any: h.strukt("struct { A interface {} }", &[("A", t.any)]),
        s_point: h.strukt("struct { P main.Point }", &[("P", point)]),
        any_int: map(&mut h, "map[interface {}]int", t.any, t.int),
        wb: h.strukt("main.WB", &[("B", t.bytes)]),
        f32s: slice(&mut h, "[]float32", t.float32),
        strs: slice(&mut h, "[]string", t.string),
        f64s: slice(&mut h, "[]float64", t.float64),
        bool2: h.ty(
            "[2]bool",
            Kind::Array {
                elem: t.bool,
                len: 2,
            },
            false,
        ),
        bools: slice(&mut h, "[]bool", t.bool),
        chan: h.ty(
            "chan int",
            Kind::Chan {
                elem: t.int,
                dir: crate::golang::vm::types::ChanDir::Both,
            },
            false,
        ),
        func: h.ty(
            "func()",
            Kind::Func {
                params: std::rc::Rc::new([]),
                results: std::rc::Rc::new([]),
                variadic: false,
            },
            false,
        ),
        ppoints: slice(&mut h, "[]*main.Point", ppoint),
        str_ppoint: map(&mut h, "map[string]*main.Point", t.string, ppoint),
        stringers: slice(&mut h, "[]fmt.Stringer", stringer),
        f32: h.strukt("main.F32", &[("F", t.float32)]),
        runes: slice(&mut h, "[]int32", t.int32),
    };
    (h, t, p)
}

/// One `Sprintf`, `Sprint`, `Sprintln` or `Errorf` call.
enum Call {
    F(&'static str, Vec<Value>),
    Print(Vec<Value>),
    Println(Vec<Value>),
    Errorf(&'static str, Vec<Value>),
}

fn run(h: &mut Host, call: &Call) -> String {
    let out = match call {
        Call::F(f, args) => sprintf(h, f.as_bytes(), args),
        Call::Print(args) => sprint(h, args),
        Call::Println(args) => sprintln(h, args),
        Call::Errorf(f, args) => errorf(h, f.as_bytes(), args).0,
    };
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn composite_values_print_as_in_go() {
    use Call::*;
    let (mut h, t, p) = program();
    let i = |ty, v| iface(ty, v);
    let point = || agg(vec![int(1), int(2)]);
    let pt = i(p.point, point());
    let ppt = i(p.ppoint, ptr_to(vec![int(1), int(2)]));
    let ints = |v: &[i64]| Value::slice(v.iter().map(|&x| int(x)).collect());
    let m = map_of(vec![(s("b"), int(2)), (s("a"), int(1)), (s("c"), int(3))]);
    let keys = map_of(vec![
        (agg(vec![int(2), s("a")]), int(1)),
        (agg(vec![int(1), s("b")]), int(2)),
        (agg(vec![int(1), s("a")]), int(3)),
    ]);
    let keys2 = map_of(vec![
        (agg(vec![int(2), s("a")]), int(1)),
        (agg(vec![int(1), s("b")]), int(2)),
    ]);
    let outer = |any: Value, err: Value| {
        agg(vec![
            s("n"),
            agg(vec![int(1), s("x")]),
            Value::Nil,
            any,
            err,
            Value::Nil,
            Value::Nil,
        ])
    };
    let o1 = i(p.outer, outer(Value::Nil, Value::Nil));
    let o2 = i(
        p.outer,
        outer(i(t.int, int(42)), i(p.myerr, agg(vec![int(7)]))),
    );
    let c = i(p.celsius, Value::Float(21.5));
    let cel = |f: f64| Value::Float(f);
    let myerr = |n| i(p.myerr, agg(vec![int(n)]));
    let boom = i(p.boom, int(1));
    let anys = i(
        p.anys,
        Value::slice(vec![
            i(t.int, int(1)),
            i(t.string, s("a")),
            Value::Nil,
            i(p.celsius, cel(3.0)),
        ]),
    );
    let wb = i(p.wb, agg(vec![Value::slice(vec![int(104), int(105)])]));
    let nil_str = |ty| i(ty, Value::Nil);
    let cases: Vec<(Call, &str)> = vec![
        (F("%v|%+v|%#v", vec![pt.clone(), pt.clone(), pt.clone()]), "{1 2}|{X:1 Y:2}|main.Point{X:1, Y:2}"),
        (F("%v|%+v|%#v", vec![ppt.clone(), ppt.clone(), ppt.clone()]), "&{1 2}|&{X:1 Y:2}|&main.Point{X:1, Y:2}"),
        (F("%v|%#v|%v|%#v", vec![i(p.ints, ints(&[1, 2, 3])), i(p.ints, ints(&[1, 2])), nil_str(p.ints), nil_str(p.ints)]), "[1 2 3]|[]int{1, 2}|[]|[]int(nil)"),
        (F("%v|%#v", vec![i(p.int3, agg(vec![int(1), int(2), int(3)])), i(p.int3, agg(vec![int(1), int(2), int(3)]))]), "[1 2 3]|[3]int{1, 2, 3}"),
        (F("%v|%#v|%v|%#v", vec![i(p.str_int, m.clone()), i(p.str_int, m.clone()), nil_str(p.str_int), nil_str(p.str_int)]), "map[a:1 b:2 c:3]|map[string]int{\"a\":1, \"b\":2, \"c\":3}|map[]|map[string]int(nil)"),
        (F("%v", vec![i(p.int_str, map_of(vec![(int(3), s("c")), (int(-1), s("a")), (int(2), s("b"))]))]), "map[-1:a 2:b 3:c]"),
        (F("%v", vec![i(p.f64_int, map_of(vec![(cel(1.0), int(4)), (cel(f64::NAN), int(1)), (cel(0.5), int(3)), (cel(f64::NEG_INFINITY), int(2))]))]), "map[NaN:1 -Inf:2 0.5:3 1:4]"),
        (F("%v", vec![i(p.bool_int, map_of(vec![(Value::Bool(true), int(1)), (Value::Bool(false), int(0))]))]), "map[false:0 true:1]"),
        (F("%v|%#v", vec![i(p.key_int, keys), i(p.key_int, keys2)]), "map[{1 a}:3 {1 b}:2 {2 a}:1]|map[main.Key]int{main.Key{A:1, B:\"b\"}:2, main.Key{A:2, B:\"a\"}:1}"),
        (F("%v", vec![i(p.int2_str, map_of(vec![(agg(vec![int(2), int(1)]), s("x")), (agg(vec![int(1), int(9)]), s("y")), (agg(vec![int(1), int(2)]), s("z"))]))]), "map[[1 2]:z [1 9]:y [2 1]:x]"),
        (F("%v", vec![i(p.u8_bool, map_of(vec![(int(200), Value::Bool(true)), (int(3), Value::Bool(false))]))]), "map[3:false 200:true]"),
        (F("%v|%#v", vec![nil_str(p.pint), nil_str(p.pint)]), "<nil>|(*int)(nil)"),
        (F("%v", vec![o1]), "{n {1 x} <nil> <nil> <nil> [] map[]}"),
        (F("%+v", vec![o2.clone()]), "{Name:n In:{N:1 s:x} P:<nil> Any:42 Err:code 7 L:[] M:map[]}"),
        (F("%#v", vec![o2]), "main.Outer{Name:\"n\", In:main.Inner{N:1, s:\"x\"}, P:(*main.Inner)(nil), Any:42, Err:main.MyErr{Code:7}, L:[]int(nil), M:map[string]int(nil)}"),
        (F("%v|%s|%d|%x|%#v|%q|%5.1f|%10v|", vec![c.clone(); 8]), "21.5°C|21.5°C|%!d(main.Celsius=21.5)|32312e35c2b043|21.5|\"21.5°C\"| 21.5|    21.5°C|"),
        (F("%v", vec![i(p.celsiuses, Value::slice(vec![cel(1.0), cel(2.0)]))]), "[1.0°C 2.0°C]"),
        (F("%v|%v|%+v|%#v|%s", vec![myerr(7), i(p.pmyerr, ptr_to(vec![int(8)])), myerr(7), myerr(7), i(p.errors, Value::slice(vec![myerr(1), Value::Nil]))]), "code 7|code 8|code 7|main.MyErr{Code:7}|[code 1 <nil>]"),
        (F("%v|%s|%d", vec![i(p.both, int(1)); 3]), "as error|as error|1"),
        (F("%v|%s|%d|%-5v|", vec![boom.clone(); 4]), "%!v(PANIC=String method: boom)|%!s(PANIC=String method: boom)|1|%!v(PANIC=String method: boom)|"),
        (F("%v|%v|%v|%+v", vec![nil_str(p.ppstr), i(p.ppstr, ptr_to(vec![int(3)])), i(p.pstr, agg(vec![int(3)])), i(p.hasp, agg(vec![ptr_to(vec![int(4)])]))]), "<nil>|P3|{3}|{P:P4}"),
        (F("%v|%v", vec![i(p.hasp, agg(vec![Value::Nil])), i(p.ppstrs, Value::slice(vec![ptr_to(vec![int(5)]), Value::Nil]))]), "{<nil>}|[P5 <nil>]"),
        (F("%v|%+v", vec![i(p.hidden, agg(vec![cel(1.5), cel(2.5)])); 2]), "{1.5 2.5°C}|{c:1.5 C:2.5°C}"),
        (F("%v|%#v|%d", vec![anys.clone(), anys, i(p.anys, Value::slice(vec![i(t.int, int(1)), i(t.string, s("a"))]))]), "[1 a <nil> 3.0°C]|[]interface {}{1, \"a\", interface {}(nil), 3}|[1 %!d(string=a)]"),
        (F("%T|%T|%T|%T|%T|%T|%T", vec![pt.clone(), ppt.clone(), i(p.ints, ints(&[])), i(p.str_int, map_of(vec![])), Value::Nil, c.clone(), i(p.anys, Value::slice(vec![]))]), "main.Point|*main.Point|[]int|map[string]int|<nil>|main.Celsius|[]interface {}"),
        (Print(vec![i(t.string, s("a")), i(t.int, int(1)), i(t.int, int(2)), i(t.string, s("b")), i(t.string, s("c")), i(t.float64, cel(3.5)), Value::Nil, i(t.bool, Value::Bool(true)), c.clone(), i(t.int, int(4))]), "a1 2bc3.5 <nil> true 21.5°C 4"),
        (Println(vec![i(t.string, s("a")), i(t.int, int(1)), i(t.int, int(2)), i(t.string, s("b")), i(t.string, s("c")), i(t.float64, cel(3.5)), Value::Nil, i(t.bool, Value::Bool(true)), c.clone(), i(t.int, int(4))]), "a 1 2 b c 3.5 <nil> true 21.5°C 4\n"),
        (Print(vec![i(t.int, int(1)), i(t.int, int(2))]), "1 2"),
        (Print(vec![i(t.string, s("a")), i(t.string, s("b"))]), "ab"),
        (Print(vec![c.clone(), i(t.int, int(2))]), "21.5°C 2"),
        (Print(vec![]), ""),
        (Println(vec![]), "\n"),
        (F("%d %d", vec![i(t.int, int(1))]), "1 %!d(MISSING)"),
        (F("%d", vec![i(t.int, int(1)), i(t.int, int(2)), i(t.string, s("x"))]), "1%!(EXTRA int=2, string=x)"),
        (F("%d%", vec![i(t.int, int(1))]), "1%!(NOVERB)"),
        (F("%*d|%.*d", vec![i(t.string, s("x")), i(t.int, int(5)), i(t.string, s("y")), i(t.int, int(6))]), "%!(BADWIDTH)5|%!(BADPREC)6"),
        (F("%[2]d %[1]d|%[3]d|%[1]d %d|%[0]d|%[x]d", vec![i(t.int, int(1)), i(t.int, int(2))]), "2 1|%!d(BADINDEX)|1 2|%!d(BADINDEX)|%!d(BADINDEX)"),
        (F("%*d|%-*d|%*d|%.*f|%[2]*[1]d", vec![i(t.int, int(5)), i(t.int, int(3)), i(t.int, int(5)), i(t.int, int(3)), i(t.int, int(-5)), i(t.int, int(3)), i(t.int, int(2)), i(t.float64, cel(3.14159)), i(t.int, int(12)), i(t.int, int(5))]), "    3|3    |3    |3.14|  5"),
        (F("%z|%d|%s|%!|100%%|%5%|%ä", vec![i(t.int, int(1)), Value::Nil, Value::Nil, i(t.int, int(2)), i(t.int, int(3))]), "%!z(int=1)|%!d(<nil>)|%!s(<nil>)|%!!(int=2)|100%|%|%!ä(int=3)"),
        (F("%d %s", vec![i(t.string, s("x")), i(t.int, int(5))]), "%!d(string=x) %!s(int=5)"),
        (F("", vec![Value::Nil, i(t.int, int(1))]), "%!(EXTRA <nil>, int=1)"),
        (F("%.[2]d|%[1]*d", vec![i(t.int, int(1)), i(t.int, int(2))]), "2|2"),
        (F("%w", vec![myerr(1)]), "%!w(main.MyErr={1})"),
        (Errorf("wrap: %w", vec![myerr(1)]), "wrap: code 1"),
        (Errorf("%w", vec![i(t.int, int(1))]), "%!w(int=1)"),
        (Errorf("%w %w", vec![myerr(1), myerr(2)]), "code 1 %!w(main.MyErr={2})"),
        (F("%x|%q|%5d|%X|%6.2f", vec![i(p.strs, Value::slice(vec![s("ab"), s("c")])), i(p.strs, Value::slice(vec![s("a"), s("b")])), i(p.ints, ints(&[1, 2])), i(p.ints, ints(&[255])), i(p.f64s, Value::slice(vec![cel(1.0), cel(2.5)]))]), "[6162 63]|[\"a\" \"b\"]|[    1     2]|[FF]|[  1.00   2.50]"),
        (F("%v|%t", vec![i(p.bool2, agg(vec![Value::Bool(true), Value::Bool(false)])), i(p.bools, Value::slice(vec![Value::Bool(true)]))]), "[true false]|[true]"),
        (F("%v|%v|%#v|%#v", vec![nil_str(p.chan), nil_str(p.func), nil_str(p.func), nil_str(p.chan)]), "<nil>|<nil>|(func())(nil)|(chan int)(nil)"),
        (F("%v|%s|%+v", vec![i(p.withe, agg(vec![Value::Nil])), i(p.withe, agg(vec![Value::Nil])), i(p.withe, agg(vec![myerr(3)]))]), "{<nil>}|{<nil>}|{E:code 3}"),
        (F("%v", vec![i(p.s_any, agg(vec![i(p.ints, ints(&[1]))]))]), "{[1]}"),
        (F("%+v", vec![i(p.s_point, agg(vec![point()]))]), "{P:{X:1 Y:2}}"),
        (F("%v|%#v", vec![i(p.any_int, map_of(vec![(Value::Nil, int(1)), (i(t.int, int(2)), int(2)), (i(t.int, int(1)), int(3))])), i(p.any_int, map_of(vec![(i(t.int, int(2)), int(2))]))]), "map[<nil>:1 1:3 2:2]|map[interface {}]int{2:2}"),
        (F("%s|%d|%x", vec![pt.clone(); 3]), "{%!s(int=1) %!s(int=2)}|{1 2}|{1 2}"),
        (F("%v|%s|%#v|%x", vec![wb.clone(); 4]), "{[104 105]}|{hi}|main.WB{B:[]uint8{0x68, 0x69}}|{6869}"),
        (F("%v|%+v", vec![i(p.f32, agg(vec![Value::Float(0.1f32 as f64)])); 2]), "{0.1}|{F:0.1}"),
        (Println(vec![ppt.clone(), i(p.ppoints, Value::slice(vec![Value::Nil]))]), "&{1 2} [<nil>]\n"),
        (F("%v", vec![i(p.str_ppoint, map_of(vec![(s("a"), Value::Nil)]))]), "map[a:<nil>]"),
        (F("%s|%v", vec![myerr(5), i(p.stringers, Value::slice(vec![c.clone(), Value::Nil]))]), "code 5|[21.5°C <nil>]"),
        (F("%08.3f|%-8.3f|%+08d|%x|%X", vec![i(t.float64, cel(-3.14159)), i(t.float64, cel(2.5)), i(t.int, int(-42)), i(t.int, int(-255)), i(t.string, s("héllo"))]), "-003.142|2.500   |-0000042|-ff|68C3A96C6C6F"),
        (F("%v %v", vec![i(t.int8, int(-5)), i(t.uint16, int(7))]), "-5 7"),
        (F("%6.2v|%.3v|%10.4v|", vec![i(t.float64, cel(3.14159)), i(t.string, s("abcdef")), i(p.strs, Value::slice(vec![s("abcdef")]))]), "   3.1|abc|[      abcd]|"),
        (F("%v|%.2f|%e|%g", vec![i(p.f32s, Value::slice(vec![cel(0.1f32 as f64), cel(1e10)])), i(p.f32s, Value::slice(vec![cel(0.1f32 as f64)])), i(t.float64, cel(1e-7)), i(t.float64, cel(1e-7))]), "[0.1 1e+10]|[0.10]|1.000000e-07|1e-07"),
        (F("%c|%U|%q", vec![i(p.runes, ints(&[72, 105])), i(p.runes, ints(&[0x68, 0xe9])), i(p.runes, ints(&[0x68, 0xe9]))]), "[H i]|[U+0068 U+00E9]|['h' 'é']"),
        (F("%s|%v", vec![i(p.celsiuses, Value::slice(vec![cel(1.0)])), i(p.cel_cel, map_of(vec![(cel(2.0), cel(3.0))]))]), "[1.0°C]|map[2.0°C:3.0°C]"),
        (F("%d|%s", vec![i(p.celsius, cel(2.0)), i(p.booms, Value::slice(vec![int(1)]))]), "%!d(main.Celsius=2)|[%!s(PANIC=String method: boom)]"),
    ];
    let mut bad = Vec::new();
    for (call, want) in &cases {
        let got = run(&mut h, call);
        if got != *want {
            bad.push(format!("got  {got:?}\nwant {want:?}"));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {} differ:\n{}",
        bad.len(),
        cases.len(),
        bad.join("\n")
    );
}

/// Go prints machine addresses here; the printer's are plausible ones of the same form.
#[test]
fn addresses_look_like_go_heap_pointers() {
    let (mut h, t, p) = program();
    let node = h.strukt("main.Node", &[("V", t.int), ("Next", t.int)]);
    let pnode = h.ty("*main.Node", Kind::Pointer { elem: node }, false);
    if let Kind::Struct { fields } = &mut h.types.types[node as usize].kind {
        fields[1].ty = pnode;
    }
    let list = ptr_to(vec![int(1), ptr_to(vec![int(2), Value::Nil])]);
    let is_addr = |s: &str| {
        s.len() == 12 && s.starts_with("0xc") && s[2..].chars().all(|c| c.is_ascii_hexdigit())
    };
    let text = |h: &mut Host, f: &str, args: &[Value]| {
        String::from_utf8(sprintf(h, f.as_bytes(), args)).unwrap()
    };

    // Only the operand itself prints as &{...}; the pointer inside prints as an address.
    let got = text(&mut h, "%v", &[iface(pnode, list.clone())]);
    let inner = got.strip_prefix("&{1 ").and_then(|s| s.strip_suffix('}'));
    assert!(inner.is_some_and(is_addr), "{got}");
    let got = text(&mut h, "%+v", &[iface(pnode, list.clone())]);
    assert!(got.starts_with("&{V:1 Next:0xc"), "{got}");

    // %p and %v of pointers, with and without 0x; the same pointer prints the same.
    let a = text(&mut h, "%p", &[iface(pnode, list.clone())]);
    let b = text(&mut h, "%#p", &[iface(pnode, list.clone())]);
    assert!(is_addr(&a), "{a}");
    assert_eq!(format!("0x{b}"), a);
    let cell = Value::Ptr(Ptr::Cell(Rc::new(RefCell::new(int(7)))));
    let v = text(&mut h, "%v", &[iface(p.pint, cell.clone())]);
    assert!(is_addr(&v), "{v}");
    let sharp = text(&mut h, "%#v", &[iface(p.pint, cell)]);
    assert_eq!(sharp, format!("(*int)({v})"));

    // Channels by id, fixed width.
    assert_eq!(
        text(&mut h, "%v", &[iface(p.chan, Value::Chan(3))]),
        "0xc000000003"
    );
    assert_eq!(
        text(&mut h, "%p", &[iface(p.chan, Value::Chan(3))]),
        "0xc000000003"
    );
    assert_eq!(
        text(&mut h, "%d", &[iface(p.chan, Value::Chan(3))]),
        "824633720835"
    );
    assert_eq!(
        text(&mut h, "%p", &[iface(t.int, int(1))]),
        "%!p(int=1)",
        "%p of a non-pointer"
    );

    // A non-nil slice or map prints an address under %p, nil prints 0x0.
    let got = text(&mut h, "%p", &[iface(p.ints, Value::slice(vec![int(1)]))]);
    assert!(is_addr(&got), "{got}");
    assert_eq!(text(&mut h, "%p", &[iface(p.ints, Value::Nil)]), "0x0");
}

#[test]
fn errorf_reports_the_wrapped_operand() {
    let (mut h, t, p) = program();
    let e = iface(p.myerr, agg(vec![int(4)]));
    let (text, wrapped) = errorf(&mut h, b"%d: %w", &[iface(t.int, int(1)), e.clone()]);
    assert_eq!((text.as_slice(), wrapped), (&b"1: code 4"[..], Some(1)));
    let (text, wrapped) = errorf(&mut h, b"%v", &[e]);
    assert_eq!((text.as_slice(), wrapped), (&b"code 4"[..], None));
}
