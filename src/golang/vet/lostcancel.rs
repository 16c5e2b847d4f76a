//! vet's `lostcancel`, as Go 1.19's reports it: the cancel function of `context.WithCancel`,
//! `WithTimeout` or `WithDeadline` discarded with `_`, or left unused on some path from the
//! call to a `return` (the context leaks until its parent ends). The path is searched in the
//! function's control-flow graph, built as Go's `go/cfg` builds it (blocks in its order, a
//! call that never returns ending its block), depth first from the call, any mention of the
//! variable (in a deferred call, a function literal) counting as a use. `main.main` is not
//! checked: returning from it ends the program.

use std::collections::HashMap;

use super::{Check, Vet};
use crate::golang::compile::escape::{walk_expr, walk_stmt, Node};
use crate::golang::syntax::ast::{
    Ast, BranchKind, Decl, DeclId, ExprId, ExprKind, FileId, GenKind, List, Name, Spec, StmtId,
    StmtKind,
};
use crate::golang::syntax::Pos;
use crate::golang::types::object::{ObjId, ObjKind};
use crate::golang::types::Checked;

/// Checks every function of the program's file, each declared function before the literals
/// in it, as vet's walk meets them.
pub(super) fn check(v: &mut Vet) {
    let ch = v.ch;
    let ast = &ch.ast;
    let imports_context = ch.packages[ch.main.0 as usize]
        .imports
        .iter()
        .any(|&p| ch.packages[p.0 as usize].path == "context");
    if !imports_context {
        return;
    }
    let mut returns = NoReturn::default();
    for &d in ast.list(ast.file(FileId(0)).decls) {
        for func in super::functions_of(ast, d) {
            let f = match func {
                super::Function::Declared(f) => {
                    let obj = ch.info.def(f.name);
                    Func {
                        start: f.pos,
                        body: f.body.expect("a function with a body"),
                        results: obj
                            .and_then(|o| ch.obj(o).func())
                            .map(|fi| fi.results.clone()),
                        is_main: ast.ident_str(f.name) == "main"
                            && f.recv.is_empty()
                            && ch.name(ch.packages[ch.main.0 as usize].name) == "main",
                    }
                }
                super::Function::Literal(e, body) => Func {
                    start: ast.expr(e).pos,
                    body,
                    results: literal_results(ch, e),
                    is_main: false,
                },
            };
            check_func(v, &mut returns, &f);
        }
    }
}

/// A function (declared or literal) to check.
struct Func {
    /// Where it starts (its `func` keyword).
    start: Pos,
    body: StmtId,
    /// Its result variables, when known (a naked return uses them).
    results: Option<Vec<ObjId>>,
    is_main: bool,
}

/// The result variables of a function literal's type: their objects, found by name in its
/// parameter lists.
fn literal_results(ch: &Checked, lit: ExprId) -> Option<Vec<ObjId>> {
    let ast = &ch.ast;
    let ExprKind::FuncLit { ty, .. } = ast.expr(lit).kind else {
        return None;
    };
    let ExprKind::FuncType { results, .. } = ast.expr(ty).kind else {
        return None;
    };
    Some(
        ast.list(results)
            .iter()
            .flat_map(|f| ast.list(f.names).iter().filter_map(|&n| ch.info.def(n)))
            .collect(),
    )
}

/// Where a cancel variable gets its value: an assignment, or a line of a `var` declaration.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Def {
    Assign(StmtId),
    Spec(DeclId, usize),
}

fn check_func(v: &mut Vet, returns: &mut NoReturn, f: &Func) {
    let ch = v.ch;
    let ast = &ch.ast;
    // The cancel variables the function defines, in the order the walk meets them; the
    // discarded ones are reported at once.
    let mut cancels: Vec<(ObjId, Def, Pos)> = Vec::new();
    for n in own_nodes(ast, f.body) {
        let Node::Stmt(s) = n else {
            continue;
        };
        let found = match ast.stmt(s).kind {
            StmtKind::Assign { lhs, rhs, .. } => {
                let (lhs, rhs) = (ast.list(lhs), ast.list(rhs));
                rhs.iter()
                    .find_map(|&r| with_cancel(ch, r))
                    .and_then(|which| Some((which, *lhs.get(1)?, Def::Assign(s), lhs[0])))
            }
            StmtKind::Decl(d) => match ast.decl(d) {
                Decl::Gen {
                    kind: GenKind::Var,
                    specs,
                    ..
                } => ast.list(*specs).iter().enumerate().find_map(|(i, spec)| {
                    let Spec::Value { names, values, .. } = spec else {
                        return None;
                    };
                    let which = ast.list(*values).iter().find_map(|&r| with_cancel(ch, r))?;
                    let names = ast.list(*names);
                    Some((which, *names.get(1)?, Def::Spec(d, i), names[0]))
                }),
                _ => None,
            },
            _ => None,
        };
        let Some((which, id, def, first)) = found else {
            continue;
        };
        if !matches!(ast.expr(id).kind, ExprKind::Ident(_)) {
            continue;
        }
        if ast.ident_str(id) == "_" {
            let msg = format!("the cancel function returned by context.{which} should be called, not discarded, to avoid a context leak");
            v.report(Check::LostCancel, ast.first_byte(id), msg);
            continue;
        }
        let var = match ch.info.def(id) {
            Some(o) => Some(o),
            // An assignment to a variable declared in this function (not outside it).
            None => ch
                .info
                .use_of(id)
                .filter(|&o| declared_in(ast, f, ch.obj(o).pos)),
        };
        if let Some(var) = var.filter(|&o| ch.obj(o).is_var()) {
            cancels.push((var, def, ast.first_byte(first)));
        }
    }
    if cancels.is_empty() || f.is_main {
        return;
    }
    let graph = Cfg::build(ch, returns, f.body);
    for (var, def, pos) in cancels {
        let Some(ret) = graph.lost_cancel_path(ch, var, def, f.results.as_deref()) else {
            continue;
        };
        let name = ch.name(ch.obj(var).name);
        let (_, line, _) = ast.position(pos);
        let msg = format!("the {name} function is not used on all paths (possible context leak)");
        v.report(Check::LostCancel, pos, msg);
        let msg = format!(
            "this return statement may be reached without using the {name} var defined on line {line}"
        );
        v.report(Check::LostCancel, ret, msg);
    }
}

/// The nodes of `body` in the order the walk meets them, without those of the function
/// literals in it (vet's search for cancel variables does not enter them).
fn own_nodes(ast: &Ast, body: StmtId) -> Vec<Node> {
    let mut nodes = Vec::new();
    let mut literals: Vec<(Pos, Pos)> = Vec::new();
    walk_stmt(ast, body, &mut |n| {
        let pos = match n {
            Node::Stmt(s) => ast.stmt(s).pos,
            Node::Expr(e) => ast.expr(e).pos,
        };
        if literals
            .iter()
            .any(|&(start, end)| (start..=end).contains(&pos))
        {
            return;
        }
        if let Node::Expr(e) = n {
            if let ExprKind::FuncLit { body: lit, .. } = ast.expr(e).kind {
                literals.push(span(ast, lit));
            }
        }
        nodes.push(n);
    });
    nodes
}

/// Whether position `pos` is inside function `f` (its parameters or its body).
fn declared_in(ast: &Ast, f: &Func, pos: Pos) -> bool {
    let (_, end) = span(ast, f.body);
    (f.start..=end).contains(&pos)
}

/// A block's braces.
fn span(ast: &Ast, body: StmtId) -> (Pos, Pos) {
    match ast.stmt(body).kind {
        StmtKind::Block { rbrace, .. } => (ast.stmt(body).pos, rbrace),
        _ => (ast.stmt(body).pos, ast.stmt(body).pos),
    }
}

/// `context.WithCancel`, `WithTimeout` or `WithDeadline` called by `e`: the name.
fn with_cancel(ch: &Checked, e: ExprId) -> Option<&'static str> {
    let ast = &ch.ast;
    let ExprKind::Call { fun, .. } = ast.expr(e).kind else {
        return None;
    };
    let ExprKind::Selector { x, sel } = ast.expr(fun).kind else {
        return None;
    };
    let which = [
        "WithCancel",
        "WithTimeout",
        "WithDeadline",
        "WithCancelCause",
        "WithTimeoutCause",
        "WithDeadlineCause",
    ]
    .into_iter()
    .find(|&w| ast.ident_str(sel) == w)?;
    let pkg = ch.info.use_of(x)?;
    match ch.obj(pkg).kind {
        ObjKind::PkgName(p) if ch.packages[p.0 as usize].path == "context" => Some(which),
        _ => None,
    }
}

/// Which of the program's functions never return, found as their graphs are built (vet's
/// `noReturn` facts).
#[derive(Default)]
struct NoReturn {
    known: HashMap<ObjId, bool>,
}

impl NoReturn {
    /// Whether a call statement may return: not `panic`, nor a library function that ends
    /// the goroutine or the program, nor a function of the program whose every path does.
    fn may_return(&mut self, ch: &Checked, call: ExprId) -> bool {
        let ast = &ch.ast;
        let ExprKind::Call { fun, .. } = ast.expr(call).kind else {
            return true;
        };
        if super::is_panic(ch, fun) {
            return false;
        }
        let Some(f) = super::name_ident(ast, fun).and_then(|id| ch.info.use_of(id)) else {
            return true;
        };
        let obj = ch.obj(f);
        match &obj.kind {
            ObjKind::Func(fi) if obj.pkg == Some(ch.main) => {
                let Some(Decl::Func(decl)) = fi.decl.map(|d| ast.decl(d)) else {
                    return true;
                };
                let Some(body) = decl.body else {
                    return true;
                };
                if let Some(&known) = self.known.get(&f) {
                    return known;
                }
                // Assumed to return while its own graph is built (a cycle).
                self.known.insert(f, true);
                let returns = Cfg::build(ch, self, body).has_reachable_return();
                self.known.insert(f, returns);
                returns
            }
            ObjKind::Func(_) => {
                !NEVER_RETURN.contains(&super::printf::full_name_of(ch, f).as_str())
            }
            _ => true,
        }
    }
}

/// The library's functions that never return (vet learns them from the library's code).
const NEVER_RETURN: &[&str] = &[
    "os.Exit",
    "runtime.Goexit",
    "syscall.Exit",
    "log.Fatal",
    "log.Fatalf",
    "log.Fatalln",
    "log.Panic",
    "log.Panicf",
    "log.Panicln",
    "(*log.Logger).Fatal",
    "(*log.Logger).Fatalf",
    "(*log.Logger).Fatalln",
    "(*log.Logger).Panic",
    "(*log.Logger).Panicf",
    "(*log.Logger).Panicln",
    "(*testing.common).FailNow",
    "(*testing.common).Fatal",
    "(*testing.common).Fatalf",
    "(*testing.common).SkipNow",
    "(*testing.common).Skip",
    "(*testing.common).Skipf",
];

/// What a block of the graph holds, as go/cfg's nodes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Item {
    Stmt(StmtId),
    Expr(ExprId),
    Spec(DeclId, usize),
    /// The return at the end of a body that control falls off (at its closing brace).
    ImplicitReturn(Pos),
}

#[derive(Default)]
struct Block {
    items: Vec<Item>,
    succs: Vec<usize>,
    live: bool,
}

/// Where a branch goes: the innermost loop's, switch's or select's targets, or a label's.
#[derive(Clone, Copy, Default)]
struct Targets {
    brk: Option<usize>,
    cont: Option<usize>,
    fallthru: Option<usize>,
}

impl Targets {
    /// A switch case's: `break` to `done`, `fallthrough` to the next case's body.
    fn switch(done: usize, next_body: usize) -> Targets {
        Targets {
            brk: Some(done),
            cont: None,
            fallthru: Some(next_body),
        }
    }
}

#[derive(Clone, Copy, Default)]
struct Labeled {
    goto: usize,
    brk: Option<usize>,
    cont: Option<usize>,
}

/// A function body's control-flow graph (go/cfg's `CFG`); block 0 is the entry.
struct Cfg {
    blocks: Vec<Block>,
    /// Its return statements.
    returns: Vec<StmtId>,
}

struct Builder<'a, 'b> {
    ch: &'a Checked,
    returns: &'b mut NoReturn,
    blocks: Vec<Block>,
    current: Option<usize>,
    targets: Vec<Targets>,
    labels: HashMap<Name, Labeled>,
}

impl Cfg {
    fn build(ch: &Checked, returns: &mut NoReturn, body: StmtId) -> Cfg {
        let mut b = Builder {
            ch,
            returns,
            blocks: Vec::new(),
            current: None,
            targets: Vec::new(),
            labels: HashMap::new(),
        };
        b.current = Some(b.new_block());
        b.stmt(body, None);
        // Liveness: reachable from the entry.
        let mut queue = vec![0];
        while let Some(i) = queue.pop() {
            if !b.blocks[i].live {
                b.blocks[i].live = true;
                queue.extend(b.blocks[i].succs.iter().copied());
            }
        }
        if let Some(c) = b.current.filter(|&c| b.blocks[c].live) {
            let (_, rbrace) = span(&ch.ast, body);
            b.blocks[c].items.push(Item::ImplicitReturn(rbrace));
        }
        let returns = b
            .blocks
            .iter()
            .flat_map(|b| &b.items)
            .filter_map(|item| match item {
                Item::Stmt(s) if matches!(ch.ast.stmt(*s).kind, StmtKind::Return(_)) => Some(*s),
                _ => None,
            })
            .collect();
        Cfg {
            blocks: b.blocks,
            returns,
        }
    }

    fn has_reachable_return(&self) -> bool {
        self.blocks
            .iter()
            .any(|b| b.live && self.return_of(b).is_some())
    }

    /// A path from `def` to a return that does not use `var` (vet's `lostCancelPath`): the
    /// return's position.
    fn lost_cancel_path(
        &self,
        ch: &Checked,
        var: ObjId,
        def: Def,
        results: Option<&[ObjId]>,
    ) -> Option<Pos> {
        let ast = &ch.ast;
        let named_result = results.is_some_and(|r| r.contains(&var));
        let uses = |items: &[Item]| {
            items
                .iter()
                .any(|&item| uses_var(ch, item, var, named_result))
        };
        let def_item = match def {
            Def::Assign(s) => Item::Stmt(s),
            Def::Spec(d, i) => Item::Spec(d, i),
        };
        let (def_block, at) = self.blocks.iter().enumerate().find_map(|(bi, b)| {
            b.items
                .iter()
                .position(|&i| i == def_item)
                .map(|at| (bi, at))
        })?;
        if uses(&self.blocks[def_block].items[at + 1..]) {
            return None;
        }
        let ret_pos = |item: Item| match item {
            Item::ImplicitReturn(pos) => pos,
            Item::Stmt(s) => ast.stmt(s).pos,
            _ => 0,
        };
        if let Some(ret) = self.return_of(&self.blocks[def_block]) {
            return Some(ret_pos(ret));
        }
        let mut seen = vec![false; self.blocks.len()];
        let mut memo: HashMap<usize, bool> = HashMap::new();
        let mut stack: Vec<std::vec::IntoIter<usize>> =
            vec![self.blocks[def_block].succs.clone().into_iter()];
        // Depth first, successors in order, as vet's recursive search.
        while let Some(next) = stack.last_mut().map(Iterator::next) {
            let Some(b) = next else {
                stack.pop();
                continue;
            };
            if std::mem::replace(&mut seen[b], true) {
                continue;
            }
            let used = *memo.entry(b).or_insert_with(|| uses(&self.blocks[b].items));
            if used {
                continue;
            }
            if let Some(ret) = self.return_of(&self.blocks[b]) {
                return Some(ret_pos(ret));
            }
            stack.push(self.blocks[b].succs.clone().into_iter());
        }
        None
    }

    /// The return statement a block ends with (go/cfg's `Block.Return`).
    fn return_of(&self, b: &Block) -> Option<Item> {
        match b.items.last()? {
            item @ Item::ImplicitReturn(_) => Some(*item),
            item @ Item::Stmt(s) if self.returns.contains(s) => Some(*item),
            _ => None,
        }
    }
}

/// A `case` clause's expressions, whether it is the default, and its statements.
fn case_parts(ast: &Ast, clause: StmtId) -> Option<(List<ExprId>, bool, List<StmtId>)> {
    match ast.stmt(clause).kind {
        StmtKind::Case {
            exprs,
            is_default,
            body,
            ..
        } => Some((exprs, is_default, body)),
        _ => None,
    }
}

/// Whether `item` mentions `var` (or, as a naked return, uses the named result it is).
fn uses_var(ch: &Checked, item: Item, var: ObjId, named_result: bool) -> bool {
    let ast = &ch.ast;
    let mut found = false;
    let mut visit = |n: Node| match n {
        Node::Expr(e) => {
            if matches!(ast.expr(e).kind, ExprKind::Ident(_)) && ch.info.use_of(e) == Some(var) {
                found = true;
            }
        }
        Node::Stmt(s) => {
            if let StmtKind::Return(results) = ast.stmt(s).kind {
                if results.is_empty() && named_result {
                    found = true;
                }
            }
        }
    };
    match item {
        Item::Stmt(s) => walk_stmt(ast, s, &mut visit),
        Item::Expr(e) => walk_expr(ast, e, &mut visit),
        Item::Spec(d, i) => {
            if let Decl::Gen { specs, .. } = ast.decl(d) {
                if let Some(Spec::Value { values, ty, .. }) = ast.list(*specs).get(i) {
                    for &e in ty.iter().chain(ast.list(*values)) {
                        walk_expr(ast, e, &mut visit);
                    }
                }
            }
        }
        Item::ImplicitReturn(_) => {}
    }
    found
}

impl Builder<'_, '_> {
    fn new_block(&mut self) -> usize {
        self.blocks.push(Block::default());
        self.blocks.len() - 1
    }

    /// Adds to the current block (go/cfg adds to a block no path reaches, after a jump).
    fn add(&mut self, item: Item) {
        let c = match self.current {
            Some(c) => c,
            None => {
                let c = self.new_block();
                self.current = Some(c);
                c
            }
        };
        self.blocks[c].items.push(item);
    }

    fn jump(&mut self, to: usize) {
        if let Some(c) = self.current.take() {
            self.blocks[c].succs.push(to);
        }
    }

    fn if_else(&mut self, t: usize, f: usize) {
        if let Some(c) = self.current.take() {
            self.blocks[c].succs.extend([t, f]);
        }
    }

    fn labeled(&mut self, label: Name) -> &mut Labeled {
        if !self.labels.contains_key(&label) {
            let goto = self.new_block();
            self.labels.insert(
                label,
                Labeled {
                    goto,
                    ..Default::default()
                },
            );
        }
        self.labels.get_mut(&label).expect("inserted")
    }

    fn stmt(&mut self, s: StmtId, label: Option<Name>) {
        let ch = self.ch;
        let ast = &ch.ast;
        match ast.stmt(s).kind {
            StmtKind::Bad
            | StmtKind::Send { .. }
            | StmtKind::IncDec { .. }
            | StmtKind::Go(_)
            | StmtKind::Defer(_)
            | StmtKind::Empty
            | StmtKind::Assign { .. } => self.add(Item::Stmt(s)),
            StmtKind::Expr(e) => {
                self.add(Item::Stmt(s));
                if matches!(ast.expr(e).kind, ExprKind::Call { .. })
                    && !self.returns.may_return(ch, e)
                {
                    self.current = Some(self.new_block());
                }
            }
            StmtKind::Decl(d) => {
                if let Decl::Gen {
                    kind: GenKind::Var,
                    specs,
                    ..
                } = ast.decl(d)
                {
                    for (i, spec) in ast.list(*specs).iter().enumerate() {
                        if matches!(spec, Spec::Value { .. }) {
                            self.add(Item::Spec(d, i));
                        }
                    }
                }
            }
            StmtKind::Labeled { label, stmt } => {
                let Some(name) = ast.ident(label) else {
                    return self.stmt(stmt, None);
                };
                let goto = self.labeled(name).goto;
                self.jump(goto);
                self.current = Some(goto);
                self.stmt(stmt, Some(name));
            }
            StmtKind::Return(_) => {
                self.add(Item::Stmt(s));
                self.current = Some(self.new_block());
            }
            StmtKind::Branch { kind, label } => self.branch(kind, label),
            StmtKind::Block { stmts, .. } => {
                for &c in ast.list(stmts) {
                    self.stmt(c, None);
                }
            }
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                if let Some(init) = init {
                    self.stmt(init, None);
                }
                let then_block = self.new_block();
                let done = self.new_block();
                let else_block = match els {
                    Some(_) => self.new_block(),
                    None => done,
                };
                self.add(Item::Expr(cond));
                self.if_else(then_block, else_block);
                self.current = Some(then_block);
                self.stmt(then, None);
                self.jump(done);
                if let Some(els) = els {
                    self.current = Some(else_block);
                    self.stmt(els, None);
                    self.jump(done);
                }
                self.current = Some(done);
            }
            StmtKind::Switch {
                init, tag, clauses, ..
            } => self.switch(init, tag, ast.list(clauses), label),
            StmtKind::TypeSwitch {
                init,
                guard,
                clauses,
                ..
            } => self.type_switch(init, guard, ast.list(clauses), label),
            StmtKind::Select { clauses, .. } => self.select(ast.list(clauses), label),
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => self.for_loop(init, cond, post, body, label),
            StmtKind::Range {
                key,
                value,
                x,
                body,
                ..
            } => {
                self.add(Item::Expr(x));
                for e in [key, value].into_iter().flatten() {
                    self.add(Item::Expr(e));
                }
                let looping = self.new_block();
                self.jump(looping);
                self.current = Some(looping);
                let body_block = self.new_block();
                let done = self.new_block();
                self.if_else(body_block, done);
                self.current = Some(body_block);
                self.loop_body(body, label, done, looping);
                self.jump(looping);
                self.current = Some(done);
            }
            StmtKind::Case { .. } | StmtKind::Comm { .. } => {}
        }
    }

    fn branch(&mut self, kind: BranchKind, label: Option<ExprId>) {
        let label = label.and_then(|l| self.ch.ast.ident(l));
        let innermost = |targets: &[Targets], pick: fn(&Targets) -> Option<usize>| {
            targets.iter().rev().find_map(pick)
        };
        let to = match (kind, label) {
            (BranchKind::Break, Some(l)) => self.labels.get(&l).and_then(|lb| lb.brk),
            (BranchKind::Break, None) => innermost(&self.targets, |t| t.brk),
            (BranchKind::Continue, Some(l)) => self.labels.get(&l).and_then(|lb| lb.cont),
            (BranchKind::Continue, None) => innermost(&self.targets, |t| t.cont),
            (BranchKind::Fallthrough, _) => innermost(&self.targets, |t| t.fallthru),
            (BranchKind::Goto, Some(l)) => Some(self.labeled(l).goto),
            (BranchKind::Goto, None) => None,
        };
        let to = to.unwrap_or_else(|| self.new_block());
        self.jump(to);
        self.current = Some(self.new_block());
    }

    fn switch(
        &mut self,
        init: Option<StmtId>,
        tag: Option<ExprId>,
        clauses: &[StmtId],
        label: Option<Name>,
    ) {
        let ast = &self.ch.ast;
        if let Some(init) = init {
            self.stmt(init, None);
        }
        if let Some(tag) = tag {
            self.add(Item::Expr(tag));
        }
        let done = self.new_block();
        if let Some(l) = label {
            self.labeled(l).brk = Some(done);
        }
        // The default case goes last; each case's fallthrough goes to the next body in
        // source order.
        let mut default = None;
        let mut fallthru: Option<usize> = None;
        for (i, &clause) in clauses.iter().enumerate() {
            let body_block = match fallthru {
                Some(b) => b,
                None => self.new_block(),
            };
            let next_body = if i + 1 < clauses.len() {
                self.new_block()
            } else {
                done
            };
            fallthru = Some(next_body);
            let Some((exprs, is_default, body)) = case_parts(ast, clause) else {
                continue;
            };
            if is_default {
                default = Some((body, next_body, body_block));
                continue;
            }
            let mut next_cond = None;
            for &e in ast.list(exprs) {
                let n = self.new_block();
                self.add(Item::Expr(e));
                self.if_else(body_block, n);
                self.current = Some(n);
                next_cond = Some(n);
            }
            self.current = Some(body_block);
            self.body(ast.list(body), Targets::switch(done, next_body));
            self.jump(done);
            self.current = next_cond;
        }
        if let Some((body, fall, block)) = default {
            self.jump(block);
            self.current = Some(block);
            self.body(ast.list(body), Targets::switch(done, fall));
        }
        self.jump(done);
        self.current = Some(done);
    }

    fn type_switch(
        &mut self,
        init: Option<StmtId>,
        guard: ExprId,
        clauses: &[StmtId],
        label: Option<Name>,
    ) {
        let ast = &self.ch.ast;
        if let Some(init) = init {
            self.stmt(init, None);
        }
        self.add(Item::Expr(guard));
        let done = self.new_block();
        if let Some(l) = label {
            self.labeled(l).brk = Some(done);
        }
        let mut default = None;
        for &clause in clauses {
            let Some((exprs, is_default, body)) = case_parts(ast, clause) else {
                continue;
            };
            if is_default {
                default = Some(body);
                continue;
            }
            let body_block = self.new_block();
            let mut next = None;
            for _ in ast.list(exprs) {
                let n = self.new_block();
                self.if_else(body_block, n);
                self.current = Some(n);
                next = Some(n);
            }
            self.current = Some(body_block);
            self.case_body(ast.list(body), done);
            self.current = next;
        }
        match default {
            Some(body) => self.case_body(ast.list(body), done),
            None => self.jump(done),
        }
        self.current = Some(done);
    }

    /// A loop's body, which `break` (also by the loop's label) leaves for `done` and
    /// `continue` goes on from at `cont`.
    fn loop_body(&mut self, body: StmtId, label: Option<Name>, done: usize, cont: usize) {
        if let Some(l) = label {
            let lb = self.labeled(l);
            lb.brk = Some(done);
            lb.cont = Some(cont);
        }
        let targets = Targets {
            brk: Some(done),
            cont: Some(cont),
            fallthru: None,
        };
        self.targets.push(targets);
        self.stmt(body, None);
        self.targets.pop();
    }

    /// A case's statements, which `break` leaves for `done`.
    fn case_body(&mut self, body: &[StmtId], done: usize) {
        let targets = Targets {
            brk: Some(done),
            ..Default::default()
        };
        self.body(body, targets);
        self.jump(done);
    }

    /// Statements whose branches go to `targets`.
    fn body(&mut self, body: &[StmtId], targets: Targets) {
        self.targets.push(targets);
        for &s in body {
            self.stmt(s, None);
        }
        self.targets.pop();
    }

    fn select(&mut self, clauses: &[StmtId], label: Option<Name>) {
        let ast = &self.ch.ast;
        for &clause in clauses {
            if let StmtKind::Comm { comm: Some(c), .. } = ast.stmt(clause).kind {
                self.stmt(c, None);
            }
        }
        let done = self.new_block();
        if let Some(l) = label {
            self.labeled(l).brk = Some(done);
        }
        let mut default = None;
        for &clause in clauses {
            let StmtKind::Comm { comm, body, .. } = ast.stmt(clause).kind else {
                continue;
            };
            let Some(comm) = comm else {
                default = Some(body);
                continue;
            };
            let body_block = self.new_block();
            let next = self.new_block();
            self.if_else(body_block, next);
            self.current = Some(body_block);
            if let StmtKind::Assign { lhs, .. } = ast.stmt(comm).kind {
                if let Some(&first) = ast.list(lhs).first() {
                    self.add(Item::Expr(first));
                }
            }
            self.case_body(ast.list(body), done);
            self.current = Some(next);
        }
        if let Some(body) = default {
            self.case_body(ast.list(body), done);
        }
        self.current = Some(done);
    }

    fn for_loop(
        &mut self,
        init: Option<StmtId>,
        cond: Option<ExprId>,
        post: Option<StmtId>,
        body: StmtId,
        label: Option<Name>,
    ) {
        if let Some(init) = init {
            self.stmt(init, None);
        }
        let body_block = self.new_block();
        let done = self.new_block();
        let looping = match cond {
            Some(_) => self.new_block(),
            None => body_block,
        };
        let cont = match post {
            Some(_) => self.new_block(),
            None => looping,
        };
        self.jump(looping);
        self.current = Some(looping);
        if let Some(cond) = cond {
            self.add(Item::Expr(cond));
            self.if_else(body_block, done);
            self.current = Some(body_block);
        }
        self.loop_body(body, label, done, cont);
        self.jump(cont);
        if let Some(post) = post {
            self.current = Some(cont);
            self.stmt(post, None);
            self.jump(looping);
        }
        self.current = Some(done);
    }
}
