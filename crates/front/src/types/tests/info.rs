//! Tests of what the compiler reads from [`Info`]: final types of untyped expressions,
//! comma-ok forms, selections, calls, ranges, type switch variables, initialization order
//! and library functions.

use super::super::*;
use crate::syntax::ast::{ExprId, StmtId, StmtKind};

fn check(src: &str) -> Checked {
    match check_program(src, "prog.go") {
        Ok(c) => c,
        Err(d) => panic!("{:?}", d.lines()),
    }
}

/// The `nth` expression of the user's file printed as `text`, in source order.
fn expr(c: &Checked, text: &str, nth: usize) -> ExprId {
    let src = &c.ast.files[0].src;
    let found = src
        .match_indices(text)
        .filter_map(|(pos, _)| {
            (0..c.ast.exprs.len() as u32)
                .map(ExprId)
                .find(|&e| c.ast.expr(e).pos == pos as u32 && c.ast.expr_string(e) == text)
        })
        .nth(nth);
    found.unwrap_or_else(|| panic!("no expression {text}"))
}

fn ty(c: &Checked, e: ExprId) -> String {
    c.type_string(c.info.type_of(e))
}

fn main_with(body: &str) -> String {
    format!("package main\n\nimport \"fmt\"\n\n{body}\n\nfunc init() {{ fmt.Print() }}\n")
}

#[test]
fn untyped_constants_get_their_final_types() {
    let c = check(&main_with(
        "func main() {\n\tn := 3\n\tvar x float64 = 1\n\tvar y int64 = 1 << n\n\tfmt.Println(2, x, y, x == 4)\n\tvar p *int = nil\n\t_ = p\n}",
    ));
    let one = expr(&c, "1", 0);
    assert_eq!(ty(&c, one), "float64");
    assert_eq!(c.info.constant(one), Some(&ConstValue::Float(1.0)));
    let shifted = expr(&c, "1 << n", 0);
    assert_eq!(ty(&c, shifted), "int64");
    let lhs = expr(&c, "1", 1);
    assert_eq!(
        ty(&c, lhs),
        "int64",
        "the shifted constant takes the context's type"
    );
    assert_eq!(ty(&c, expr(&c, "2", 0)), "int");
    assert_eq!(ty(&c, expr(&c, "4", 0)), "float64");
    assert_eq!(ty(&c, expr(&c, "x == 4", 0)), "bool");
    let nil = expr(&c, "nil", 0);
    assert_eq!(c.info.mode(nil), Mode::Nil);
    assert_eq!(ty(&c, nil), "*int");
}

#[test]
fn comma_ok_forms_are_tuples() {
    let c = check(&main_with(
        "func main() {\n\tm := map[string]int{}\n\tv, ok := m[\"a\"]\n\tvar i any = 1\n\ts, ok2 := i.(string)\n\tch := make(chan int)\n\tr, ok3 := <-ch\n\tfmt.Println(v, ok, s, ok2, r, ok3, m[\"b\"])\n}",
    ));
    for text in ["m[\"a\"]", "i.(string)", "<-ch"] {
        let e = expr(&c, text, 0);
        assert_eq!(c.info.mode(e), Mode::CommaOk, "{text}");
        assert_eq!(
            c.types.tuple_elems(c.info.type_of(e)).map(|t| t.len()),
            Some(2),
            "{text}"
        );
    }
    let single = expr(&c, "m[\"b\"]", 0);
    assert_eq!(c.info.mode(single), Mode::MapIndex);
    assert_eq!(ty(&c, single), "int");
}

#[test]
fn selections_give_field_paths_and_receiver_adjustments() {
    let c = check(&main_with(
        "type Inner struct{ a, b int }\n\nfunc (in *Inner) Ptr() int { return in.b }\nfunc (in Inner) Val() int { return in.a }\n\ntype Outer struct {\n\tx string\n\tInner\n}\n\nfunc main() {\n\tvar o Outer\n\tp := &o\n\tfmt.Println(o.b, p.b, o.Ptr(), p.Val(), o.Inner.a)\n\tf := o.Ptr\n\tg := (*Inner).Ptr\n\tq := &o.Inner\n\t_, _, _, _ = f, g, q.Val, q.Ptr\n}",
    ));
    let sel = |text: &str| *c.info.selection(expr(&c, text, 0)).expect("a selection");
    let ob = sel("o.b");
    assert_eq!(ob.kind, SelectionKind::Field);
    assert_eq!(c.info.path(&ob), &[1, 1]);
    assert!(!ob.indirect);
    assert_eq!(c.info.mode(expr(&c, "o.b", 0)), Mode::Variable);
    let pb = sel("p.b");
    assert_eq!(c.info.path(&pb), &[1, 1]);
    assert!(pb.indirect);
    let optr = sel("o.Ptr");
    assert_eq!(optr.kind, SelectionKind::Method);
    assert_eq!(c.info.path(&optr), &[1]);
    assert_eq!(optr.recv, RecvAdjust::AddrOf);
    assert_eq!(c.name(c.obj(optr.obj).name), "Ptr");
    let pval = sel("p.Val");
    assert!(
        pval.indirect,
        "p is dereferenced on the way to its Inner field"
    );
    assert_eq!(
        pval.recv,
        RecvAdjust::None,
        "the Inner at the path's end is the receiver"
    );
    assert_eq!(sel("q.Val").recv, RecvAdjust::Deref);
    assert_eq!(sel("q.Ptr").recv, RecvAdjust::None);
    let mexpr = sel("(*Inner).Ptr");
    assert_eq!(mexpr.kind, SelectionKind::MethodExpr);
    assert_eq!(ty(&c, expr(&c, "(*Inner).Ptr", 0)), "func(*Inner) int");
    let qual = sel("fmt.Println");
    assert_eq!(qual.kind, SelectionKind::Qualified);
    assert_eq!(c.qualified_name(qual.obj), "fmt.Println");
}

#[test]
fn interface_methods_are_dynamic() {
    let c = check(&main_with(
        "type Shape interface{ Area() float64; Name() string }\n\nfunc main() {\n\tvar s Shape\n\tif s != nil {\n\t\tfmt.Println(s.Name())\n\t}\n}",
    ));
    let s = *c.info.selection(expr(&c, "s.Name", 0)).unwrap();
    assert_eq!(s.recv, RecvAdjust::Dynamic);
    assert_eq!(s.iface_index, 1, "methods are sorted by name: Area, Name");
    assert!(!s.obj.is_none());
}

#[test]
fn calls_say_what_they_call() {
    let c = check(&main_with(
        "func sum(xs ...int) int { return len(xs) }\n\nfunc main() {\n\txs := []int{1, 2}\n\tfmt.Println(float64(3), sum(1, 2), sum(xs...), len(xs))\n}",
    ));
    assert_eq!(
        c.info.call(expr(&c, "float64(3)", 0)),
        Some(&CallKind::Conversion(TypeId::FLOAT64))
    );
    assert_eq!(c.info.mode(expr(&c, "float64(3)", 0)), Mode::Constant);
    assert_eq!(
        c.info.call(expr(&c, "sum(1, 2)", 0)),
        Some(&CallKind::Call {
            variadic: true,
            spread: false
        })
    );
    assert_eq!(
        c.info.call(expr(&c, "sum(xs...)", 0)),
        Some(&CallKind::Call {
            variadic: true,
            spread: true
        })
    );
    assert_eq!(
        c.info.call(expr(&c, "len(xs)", 1)),
        Some(&CallKind::Builtin(Builtin::Len))
    );
}

fn stmts_of_kind(c: &Checked, f: impl Fn(&StmtKind) -> bool) -> Vec<StmtId> {
    (0..c.ast.stmts.len() as u32)
        .map(StmtId)
        .filter(|&s| c.position(c.ast.stmt(s).pos).0 .0 == 0 && f(&c.ast.stmt(s).kind))
        .collect()
}

#[test]
fn ranges_say_how_they_iterate() {
    let c = check(&main_with(
        "func main() {\n\tfor i := range 3 {\n\t\tfmt.Println(i)\n\t}\n\tfor i, r := range \"hé\" {\n\t\tfmt.Println(i, r)\n\t}\n\tch := make(chan string)\n\tfor s := range ch {\n\t\tfmt.Println(s)\n\t}\n\tfor k, v := range map[string]bool{} {\n\t\tfmt.Println(k, v)\n\t}\n}",
    ));
    let ranges = stmts_of_kind(&c, |k| matches!(k, StmtKind::Range { .. }));
    let kinds: Vec<_> = ranges.iter().map(|s| c.info.ranges[s]).collect();
    assert_eq!(kinds[0].kind, RangeKind::Int);
    assert_eq!(kinds[0].key, TypeId::INT);
    assert_eq!(kinds[1].kind, RangeKind::String);
    assert_eq!(kinds[1].value, TypeId::INT32);
    assert_eq!(kinds[2].kind, RangeKind::Chan);
    assert_eq!(kinds[2].key, TypeId::STRING);
    assert_eq!(kinds[3].kind, RangeKind::Map);
}

#[test]
fn type_switch_clauses_declare_their_own_variables() {
    let c = check(&main_with(
        "func main() {\n\tvar x any = 1\n\tswitch v := x.(type) {\n\tcase int:\n\t\tfmt.Println(v + 1)\n\tcase string, bool:\n\t\tfmt.Println(v)\n\tdefault:\n\t}\n}",
    ));
    let cases = stmts_of_kind(&c, |k| matches!(k, StmtKind::Case { .. }));
    let types: Vec<String> = cases
        .iter()
        .map(|s| c.type_string(c.obj(c.info.implicits[s]).ty))
        .collect();
    assert_eq!(types, ["int", "any", "any"]);
}

#[test]
fn package_variables_initialize_in_dependency_order() {
    let c = check(
        "package main\n\nvar a = b + c\nvar b = f()\nvar c = 1\nvar d int\n\nfunc f() int { return c }\n\nfunc main() { _, _ = a, d }\n",
    );
    let main = c.package(c.main);
    let order: Vec<&str> = main
        .init_order
        .iter()
        .map(|i| c.name(c.obj(i.lhs[0]).name))
        .collect();
    assert_eq!(order, ["c", "b", "a"]);
    assert_eq!(main.globals.len(), 4);
    assert!(c.main_func().is_some());
}

#[test]
fn libraries_list_only_what_the_program_reaches() {
    let c = check(
        "package main\n\nimport \"strings\"\n\nfunc main() {\n\tvar b strings.Builder\n\tb.WriteString(strings.ToUpper(\"x\"))\n}\n",
    );
    let strings = c
        .packages
        .iter()
        .find(|p| p.path == "strings")
        .expect("strings is loaded");
    assert!(strings.library);
    let names: Vec<String> = strings.funcs.iter().map(|&f| c.qualified_name(f)).collect();
    assert!(names.contains(&"strings.ToUpper".to_string()), "{names:?}");
    assert!(names.contains(&"strings.Builder.WriteString".to_string()));
    assert!(
        names.contains(&"strings.Builder.String".to_string()),
        "all methods of a used type"
    );
    assert!(!names.contains(&"strings.Split".to_string()));
    let upper = strings
        .funcs
        .iter()
        .find(|&&f| c.qualified_name(f) == "strings.ToUpper")
        .unwrap();
    assert!(c.obj(*upper).func().unwrap().native);
    assert_eq!(c.packages.last().unwrap().path, "main");
}

#[test]
fn the_go_version_comes_from_the_file() {
    let c = check("// go 1.21\n\npackage main\n\nfunc main() {}\n");
    assert_eq!(c.go_version, Some((1, 21)));
    let c = check("package main\n\nfunc main() {}\n");
    assert_eq!(c.go_version, None);
}

#[test]
fn generic_calls_record_their_instances() {
    let c = check(&main_with(
        "type Number interface{ ~int | ~float64 }\n\nfunc Sum[T Number](xs ...T) T {\n\tvar t T\n\tfor _, x := range xs {\n\t\tt += x\n\t}\n\treturn t\n}\n\nfunc Pair[K comparable, V any](k K, v V) map[K]V { return map[K]V{k: v} }\n\nfunc main() {\n\tfmt.Println(Sum(1, 2), Sum[float64](1), Pair(\"a\", 1.5))\n\tf := Sum[int]\n\t_ = f\n}",
    ));
    let sum = expr(&c, "Sum", 1);
    let inst = &c.info.instances[&sum];
    assert_eq!(inst.targs, [TypeId::INT]);
    assert_eq!(c.type_string(inst.ty), "func(...int) int");
    assert_eq!(ty(&c, sum), "func(...int) int");
    let explicit = expr(&c, "Sum", 2);
    assert_eq!(c.info.instances[&explicit].targs, [TypeId::FLOAT64]);
    assert_eq!(ty(&c, expr(&c, "Sum[float64](1)", 0)), "float64");
    let pair = expr(&c, "Pair", 1);
    assert_eq!(
        c.info.instances[&pair].targs,
        [TypeId::STRING, TypeId::FLOAT64]
    );
    let value = expr(&c, "Sum", 3);
    assert_eq!(c.info.instances[&value].targs, [TypeId::INT]);
    // The generic body is checked once, in terms of T.
    let f = c.package(c.main).scope[&c.ast.names.lookup("Sum").unwrap()];
    let tparams = &c.obj(f).func().unwrap().tparams;
    assert_eq!(tparams.len(), 1);
    assert_eq!(ty(&c, expr(&c, "xs", 1)), "[]T");
}

#[test]
fn generic_types_and_their_methods() {
    let mut c = check(&main_with(
        "type Stack[T any] struct{ items []T }\n\nfunc (s *Stack[E]) Push(v E) { s.items = append(s.items, v) }\n\ntype Named interface{ Name() string }\n\nfunc Names[T Named](xs []T) (out []string) {\n\tfor _, x := range xs {\n\t\tout = append(out, x.Name())\n\t}\n\treturn\n}\n\nfunc main() {\n\tvar s Stack[string]\n\ts.Push(\"x\")\n\tfmt.Println(len(s.items), Names[Named](nil))\n}",
    ));
    let push = expr(&c, "s.Push", 0);
    let t = c.info.selection(push).unwrap().x_ty;
    assert_eq!(c.type_string(t), "Stack[string]");
    let n = c.types.named(t).unwrap();
    assert_eq!(n.targs, [TypeId::STRING]);
    let origin = n.origin.unwrap();
    let items = expr(&c, "s.items", 2);
    assert_eq!(ty(&c, items), "[]string");
    let sel = *c.info.selection(push).unwrap();
    assert_eq!(sel.recv, RecvAdjust::AddrOf);
    let m = c.obj(sel.obj).func().unwrap();
    assert_eq!(
        m.tparams,
        c.types.named(origin).unwrap().tparams,
        "the type's parameters"
    );
    assert_eq!(m.recv_base, Some(origin));
    assert_eq!(c.info.instances[&push].targs, [TypeId::STRING]);
    assert_eq!(ty(&c, push), "func(string)");
    let name = *c.info.selection(expr(&c, "x.Name", 0)).unwrap();
    assert_eq!(name.recv, RecvAdjust::TypeParam);
    // What the compiler does for each instance: substitute the type arguments.
    let generic_sig = c.obj(sel.obj).ty;
    let tps = m.tparams.clone();
    let inst = c.types.subst(generic_sig, &tps, &[TypeId::INT]);
    assert_eq!(c.type_string(inst), "func(int)");
    let again = c.types.instantiate(origin, &[TypeId::STRING]);
    assert_eq!(again, t, "instances are unique");
}
