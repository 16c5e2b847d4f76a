//! Which variables escape, and what closures capture.
//!
//! A local escapes when a function literal captures it or the program takes its address
//! (`&x`, or a pointer-receiver method called on it); it then lives in a cell that the
//! closures and pointers share (arrays and structs are shared by their storage instead). A
//! literal captures the variables it uses that are declared outside it, in the order first
//! used.

use std::collections::HashSet;

use crate::golang::syntax::ast::{
    Ast, BranchKind, ExprId, ExprKind, Field, List, Name, StmtId, StmtKind,
};
use crate::golang::syntax::token::Op;
use crate::golang::types::info::{RangeKind, RecvAdjust};
use crate::golang::types::object::{ObjId, ObjKind, VarKind};
use crate::golang::types::Checked;

use super::Compiler;

/// Calls `f` on every expression and statement under statement `s` (function literals
/// included).
pub fn walk_stmt(ast: &Ast, s: StmtId, f: &mut dyn FnMut(Node)) {
    f(Node::Stmt(s));
    let each_e = |l: List<ExprId>, f: &mut dyn FnMut(Node)| {
        for &e in ast.list(l) {
            walk_expr(ast, e, f);
        }
    };
    let each_s = |l: List<StmtId>, f: &mut dyn FnMut(Node)| {
        for &s in ast.list(l) {
            walk_stmt(ast, s, f);
        }
    };
    match ast.stmt(s).kind {
        StmtKind::Bad | StmtKind::Empty | StmtKind::Branch { .. } => {}
        StmtKind::Decl(d) => {
            if let crate::golang::syntax::ast::Decl::Gen { specs, .. } = ast.decl(d) {
                for spec in ast.list(*specs) {
                    if let crate::golang::syntax::ast::Spec::Value { values, .. } = spec {
                        each_e(*values, f);
                    }
                }
            }
        }
        StmtKind::Labeled { stmt, .. } => walk_stmt(ast, stmt, f),
        StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => walk_expr(ast, e, f),
        StmtKind::Send { ch, value, .. } => {
            walk_expr(ast, ch, f);
            walk_expr(ast, value, f);
        }
        StmtKind::IncDec { x, .. } => walk_expr(ast, x, f),
        StmtKind::Assign { lhs, rhs, .. } => {
            each_e(lhs, f);
            each_e(rhs, f);
        }
        StmtKind::Return(l) => each_e(l, f),
        StmtKind::Block { stmts, .. } => each_s(stmts, f),
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => {
            if let Some(i) = init {
                walk_stmt(ast, i, f);
            }
            walk_expr(ast, cond, f);
            walk_stmt(ast, then, f);
            if let Some(e) = els {
                walk_stmt(ast, e, f);
            }
        }
        StmtKind::Switch {
            init, tag, clauses, ..
        } => {
            if let Some(i) = init {
                walk_stmt(ast, i, f);
            }
            if let Some(t) = tag {
                walk_expr(ast, t, f);
            }
            each_s(clauses, f);
        }
        StmtKind::TypeSwitch {
            init,
            guard,
            clauses,
            ..
        } => {
            if let Some(i) = init {
                walk_stmt(ast, i, f);
            }
            walk_expr(ast, guard, f);
            each_s(clauses, f);
        }
        StmtKind::Case { exprs, body, .. } => {
            each_e(exprs, f);
            each_s(body, f);
        }
        StmtKind::Select { clauses, .. } => each_s(clauses, f),
        StmtKind::Comm { comm, body, .. } => {
            if let Some(c) = comm {
                walk_stmt(ast, c, f);
            }
            each_s(body, f);
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            if let Some(i) = init {
                walk_stmt(ast, i, f);
            }
            if let Some(c) = cond {
                walk_expr(ast, c, f);
            }
            if let Some(p) = post {
                walk_stmt(ast, p, f);
            }
            walk_stmt(ast, body, f);
        }
        StmtKind::Range {
            key,
            value,
            x,
            body,
            ..
        } => {
            for e in [key, value].into_iter().flatten() {
                walk_expr(ast, e, f);
            }
            walk_expr(ast, x, f);
            walk_stmt(ast, body, f);
        }
    }
}

/// A node met by a walk.
#[derive(Clone, Copy)]
pub enum Node {
    Expr(ExprId),
    /// A statement.
    Stmt(StmtId),
}

/// Calls `f` on `e` and every expression and statement under it.
pub fn walk_expr(ast: &Ast, e: ExprId, f: &mut dyn FnMut(Node)) {
    f(Node::Expr(e));
    let each = |l: List<ExprId>, f: &mut dyn FnMut(Node)| {
        for &e in ast.list(l) {
            walk_expr(ast, e, f);
        }
    };
    match ast.expr(e).kind {
        ExprKind::CompositeLit { elts, .. } => each(elts, f),
        ExprKind::KeyValue { key, value, .. } => {
            walk_expr(ast, key, f);
            walk_expr(ast, value, f);
        }
        ExprKind::FuncLit { body, .. } => walk_stmt(ast, body, f),
        ExprKind::Paren(x) | ExprKind::Star(x) => walk_expr(ast, x, f),
        ExprKind::Selector { x, .. } => walk_expr(ast, x, f),
        ExprKind::Index { x, indices, .. } => {
            walk_expr(ast, x, f);
            each(indices, f);
        }
        ExprKind::Slice { x, lo, hi, max, .. } => {
            walk_expr(ast, x, f);
            for b in [lo, hi, max].into_iter().flatten() {
                walk_expr(ast, b, f);
            }
        }
        ExprKind::TypeAssert { x, .. } => walk_expr(ast, x, f),
        ExprKind::Call { fun, args, .. } => {
            walk_expr(ast, fun, f);
            each(args, f);
        }
        ExprKind::Unary { x, .. } => walk_expr(ast, x, f),
        ExprKind::Binary { x, y, .. } => {
            walk_expr(ast, x, f);
            walk_expr(ast, y, f);
        }
        _ => {}
    }
}

/// Whether `o` is a variable of a function (not a global or a field).
fn is_local(ch: &Checked, o: ObjId) -> bool {
    matches!(
        ch.objs[o.0 as usize].kind,
        ObjKind::Var {
            kind: VarKind::Local | VarKind::Param | VarKind::Result | VarKind::Recv,
            ..
        }
    )
}

/// The variable an expression names, if it is an identifier (in parentheses or not).
fn var_of(ch: &Checked, e: ExprId) -> Option<ObjId> {
    let e = ch.ast.unparen(e);
    matches!(ch.ast.expr(e).kind, ExprKind::Ident(_))
        .then(|| ch.info.use_of(e))
        .flatten()
}

/// The variables that escape in the body `body` of a function and the literals inside it
/// (the body of a loop ranging over a function is a literal too: see [`range_free_vars`]).
pub fn escaping_in(c: &Compiler, body: StmtId) -> HashSet<ObjId> {
    let ch = c.ch;
    let mut out = HashSet::new();
    walk_stmt(&ch.ast, body, &mut |n| {
        let e = match n {
            Node::Expr(e) => e,
            Node::Stmt(s) => {
                if is_range_func(ch, s) {
                    out.extend(range_free_vars(ch, s));
                }
                return;
            }
        };
        match ch.ast.expr(e).kind {
            ExprKind::FuncLit { .. } => out.extend(free_vars(ch, e)),
            ExprKind::Unary { op: Op::And, x } => {
                if let Some(v) = var_of(ch, x) {
                    if is_local(ch, v) {
                        out.insert(v);
                    }
                }
            }
            ExprKind::Selector { x, .. } => {
                if let Some(s) = ch.info.selection(e) {
                    if s.recv == RecvAdjust::AddrOf && ch.info.path(s).len() <= 1 {
                        if let Some(v) = var_of(ch, x) {
                            if is_local(ch, v) {
                                out.insert(v);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    });
    out
}

/// The variables function literal `lit` uses that are declared outside it, in first-use order.
pub fn free_vars(ch: &Checked, lit: ExprId) -> Vec<ObjId> {
    let ExprKind::FuncLit { body, .. } = ch.ast.expr(lit).kind else {
        return Vec::new();
    };
    used_outside(ch, ch.ast.expr(lit).pos, body, &[])
}

/// Whether statement `s` is a loop ranging over a function.
pub fn is_range_func(ch: &Checked, s: StmtId) -> bool {
    ch.info
        .ranges
        .get(&s)
        .is_some_and(|r| r.kind == RangeKind::Func)
}

/// The variables the body of loop `s`, which ranges over a function, uses that are declared
/// outside the loop, in first-use order: the body runs as a function the iterator calls,
/// which captures them. They include the loop's variables when the loop assigns (`=`)
/// rather than declares them.
pub fn range_free_vars(ch: &Checked, s: StmtId) -> Vec<ObjId> {
    let StmtKind::Range {
        key,
        value,
        define,
        body,
        ..
    } = ch.ast.stmt(s).kind
    else {
        return Vec::new();
    };
    let assigned: Vec<ExprId> = match define {
        true => Vec::new(),
        false => [key, value].into_iter().flatten().collect(),
    };
    used_outside(ch, ch.ast.stmt(s).pos, body, &assigned)
}

/// The `break label` and `continue label` statements in `body` whose label is outside it,
/// each once.
pub fn branches_out_of(ch: &Checked, body: StmtId) -> Vec<(Name, BranchKind)> {
    let mut inside = Vec::new();
    let mut used = Vec::new();
    walk_stmt(&ch.ast, body, &mut |n| {
        let Node::Stmt(s) = n else { return };
        match ch.ast.stmt(s).kind {
            StmtKind::Labeled { label, .. } => inside.extend(ch.ast.ident(label)),
            StmtKind::Branch {
                kind: kind @ (BranchKind::Break | BranchKind::Continue),
                label: Some(l),
            } => {
                if let Some(name) = ch.ast.ident(l) {
                    if !used.contains(&(name, kind)) {
                        used.push((name, kind));
                    }
                }
            }
            _ => {}
        }
    });
    used.retain(|(name, _)| !inside.contains(name));
    used
}

/// The local variables that block `body` and the expressions `also` use and that are declared
/// outside the span from `start` to the end of `body`, in first-use order.
fn used_outside(
    ch: &Checked,
    start: crate::golang::syntax::Pos,
    body: StmtId,
    also: &[ExprId],
) -> Vec<ObjId> {
    let end = match ch.ast.stmt(body).kind {
        StmtKind::Block { rbrace, .. } => rbrace,
        _ => start,
    };
    let mut out = Vec::new();
    let mut visit = |n: Node| {
        let Node::Expr(e) = n else { return };
        if !matches!(ch.ast.expr(e).kind, ExprKind::Ident(_)) {
            return;
        }
        let Some(o) = ch.info.use_of(e) else { return };
        if !is_local(ch, o) {
            return;
        }
        let pos = ch.objs[o.0 as usize].pos;
        if (pos < start || pos > end) && !out.contains(&o) {
            out.push(o);
        }
    };
    for &e in also {
        walk_expr(&ch.ast, e, &mut visit);
    }
    walk_stmt(&ch.ast, body, &mut visit);
    out
}

/// Package-level variables whose address the program takes anywhere.
pub fn addressed_globals(ch: &Checked) -> HashSet<ObjId> {
    let mut out = HashSet::new();
    let mut visit = |n: Node| {
        let Node::Expr(e) = n else { return };
        let x = match ch.ast.expr(e).kind {
            ExprKind::Unary { op: Op::And, x } => x,
            ExprKind::Selector { x, .. } => match ch.info.selection(e) {
                Some(s) if s.recv == RecvAdjust::AddrOf => x,
                _ => return,
            },
            _ => return,
        };
        if let Some(v) = var_of(ch, x) {
            if matches!(
                ch.objs[v.0 as usize].kind,
                ObjKind::Var {
                    kind: VarKind::Global,
                    ..
                }
            ) {
                out.insert(v);
            }
        }
    };
    for d in &ch.ast.decls {
        match d {
            crate::golang::syntax::ast::Decl::Func(fd) => {
                if let Some(body) = fd.body {
                    walk_stmt(&ch.ast, body, &mut visit);
                }
            }
            crate::golang::syntax::ast::Decl::Gen { specs, .. } => {
                for spec in ch.ast.list(*specs) {
                    if let crate::golang::syntax::ast::Spec::Value { values, .. } = spec {
                        for &v in ch.ast.list(*values) {
                            walk_expr(&ch.ast, v, &mut visit);
                        }
                    }
                }
            }
        }
    }
    out
}

/// The parameter and named result objects of function type expression `ty` (`None` for an
/// unnamed parameter or result, which still has its register).
pub fn signature_objects(c: &Compiler, ty: ExprId) -> (Vec<Option<ObjId>>, Vec<Option<ObjId>>) {
    let ch = c.ch;
    let ExprKind::FuncType { params, results } = ch.ast.expr(ty).kind else {
        return (Vec::new(), Vec::new());
    };
    let objects = |l: List<Field>| -> Vec<Option<ObjId>> {
        let mut out = Vec::new();
        for f in ch.ast.list(l) {
            let names = ch.ast.list(f.names);
            if names.is_empty() {
                out.push(None);
            } else {
                out.extend(names.iter().map(|&n| ch.info.def(n)));
            }
        }
        out
    };
    (objects(params), objects(results))
}
