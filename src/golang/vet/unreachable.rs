//! vet's `unreachable`, as Go 1.19's reports it: a statement after a `return`, `panic`,
//! `break`, `continue`, `goto` or `fallthrough`, after an infinite loop without a break, or
//! after an `if` whose branches all end so, a `switch` with a default whose cases all do, or a
//! `select` whose cases all do. Each function's body is read on its own, a declared function
//! first and then the function literals in it, as vet's walk meets them; the first statement of
//! a dead run is reported, and a labelled statement that a `goto` names is reachable.

use std::collections::{HashMap, HashSet};

use super::{Check, Vet};
use crate::golang::syntax::ast::{Ast, BranchKind, ExprKind, FileId, Name, StmtId, StmtKind};
use crate::golang::syntax::Pos;

/// Reports the unreachable code of every function of the program's file.
pub(super) fn check(v: &mut Vet) {
    let ast = &v.ch.ast;
    for &d in ast.list(ast.file(FileId(0)).decls) {
        for func in super::functions_of(ast, d) {
            let body = match func {
                super::Function::Declared(f) => f.body.expect("a function with a body"),
                super::Function::Literal(_, body) => body,
            };
            let mut d = Dead {
                v,
                has_break: HashSet::new(),
                has_goto: HashSet::new(),
                labels: HashMap::new(),
                break_target: None,
                reachable: true,
            };
            d.find_labels(body);
            d.find_dead(body);
        }
    }
}

/// vet's `deadState`: what a function's body breaks out of and jumps to, and whether the
/// statement being read can run.
struct Dead<'a, 'b> {
    v: &'a mut Vet<'b>,
    /// The statements a `break` leaves.
    has_break: HashSet<StmtId>,
    /// The labels a `goto` names.
    has_goto: HashSet<Name>,
    labels: HashMap<Name, StmtId>,
    /// What an unlabelled `break` leaves here.
    break_target: Option<StmtId>,
    reachable: bool,
}

impl Dead<'_, '_> {
    fn ast(&self) -> &Ast {
        &self.v.ch.ast
    }

    /// The statements of `s` directly under it (a block's, a clause's), for both walks.
    fn children(&self, s: StmtId) -> Vec<StmtId> {
        let ast = self.ast();
        match ast.stmt(s).kind {
            StmtKind::Block { stmts, .. } => ast.list(stmts).to_vec(),
            StmtKind::Case { body, .. } | StmtKind::Comm { body, .. } => ast.list(body).to_vec(),
            StmtKind::Switch { clauses, .. }
            | StmtKind::TypeSwitch { clauses, .. }
            | StmtKind::Select { clauses, .. } => ast.list(clauses).to_vec(),
            _ => Vec::new(),
        }
    }

    /// Gathers the labels, the `goto`s and what each `break` leaves (vet's `findLabels`).
    fn find_labels(&mut self, s: StmtId) {
        let ch = self.v.ch;
        let ast = &ch.ast;
        match ast.stmt(s).kind {
            StmtKind::Branch { kind, label } => {
                let label = label.and_then(|l| ast.ident(l));
                match kind {
                    BranchKind::Goto => self.has_goto.extend(label),
                    BranchKind::Break => {
                        let target = match label {
                            Some(l) => self.labels.get(&l).copied(),
                            None => self.break_target,
                        };
                        self.has_break.extend(target);
                    }
                    _ => {}
                }
            }
            StmtKind::If { then, els, .. } => {
                self.find_labels(then);
                if let Some(els) = els {
                    self.find_labels(els);
                }
            }
            StmtKind::Labeled { label, stmt } => {
                if let Some(l) = ast.ident(label) {
                    self.labels.insert(l, stmt);
                }
                self.find_labels(stmt);
            }
            StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
                let outer = self.break_target.replace(s);
                self.find_labels(body);
                self.break_target = outer;
            }
            StmtKind::Switch { .. } | StmtKind::TypeSwitch { .. } | StmtKind::Select { .. } => {
                let outer = self.break_target.replace(s);
                for c in self.children(s) {
                    self.find_labels(c);
                }
                self.break_target = outer;
            }
            StmtKind::Block { .. } | StmtKind::Case { .. } | StmtKind::Comm { .. } => {
                for c in self.children(s) {
                    self.find_labels(c);
                }
            }
            _ => {}
        }
    }

    /// Reads `s`, reporting it if it cannot run; leaves `reachable` saying whether the
    /// statement after it can (vet's `findDead`).
    fn find_dead(&mut self, s: StmtId) {
        let ch = self.v.ch;
        let ast = &ch.ast;
        let kind = ast.stmt(s).kind;
        if let StmtKind::Labeled { label, .. } = kind {
            if ast.ident(label).is_some_and(|l| self.has_goto.contains(&l)) {
                self.reachable = true;
            }
        }
        if !self.reachable && !matches!(kind, StmtKind::Empty) {
            let pos = stmt_start(ast, s);
            self.v
                .report(Check::Unreachable, pos, "unreachable code".to_string());
            self.reachable = true;
        }
        match kind {
            StmtKind::Block { .. } => {
                for c in self.children(s) {
                    self.find_dead(c);
                }
            }
            StmtKind::Branch { .. } | StmtKind::Return(_) => self.reachable = false,
            StmtKind::Expr(e) => {
                if let ExprKind::Call { fun, .. } = ast.expr(e).kind {
                    if super::is_panic(ch, fun) {
                        self.reachable = false;
                    }
                }
            }
            StmtKind::For { cond, body, .. } => {
                self.find_dead(body);
                self.reachable = cond.is_some() || self.has_break.contains(&s);
            }
            StmtKind::If { then, els, .. } => {
                self.find_dead(then);
                match els {
                    Some(els) => {
                        let after_then = self.reachable;
                        self.reachable = true;
                        self.find_dead(els);
                        self.reachable |= after_then;
                    }
                    None => self.reachable = true,
                }
            }
            StmtKind::Labeled { stmt, .. } => self.find_dead(stmt),
            StmtKind::Range { body, .. } => {
                self.find_dead(body);
                self.reachable = true;
            }
            StmtKind::Select { .. } | StmtKind::Switch { .. } | StmtKind::TypeSwitch { .. } => {
                let (mut any_reachable, mut has_default) = (false, false);
                for clause in self.children(s) {
                    has_default |= match ast.stmt(clause).kind {
                        StmtKind::Case { is_default, .. } => is_default,
                        _ => false,
                    };
                    self.reachable = true;
                    for c in self.children(clause) {
                        self.find_dead(c);
                    }
                    any_reachable |= self.reachable;
                }
                // A select without a ready case waits; a switch without a default goes on.
                let falls_through = !has_default && !matches!(kind, StmtKind::Select { .. });
                self.reachable = any_reachable || self.has_break.contains(&s) || falls_through;
            }
            _ => {}
        }
    }
}

/// Where go/ast says a statement starts: a simple statement at its first expression's first
/// byte, the others at their keyword (or label).
fn stmt_start(ast: &Ast, s: StmtId) -> Pos {
    match ast.stmt(s).kind {
        StmtKind::Expr(e) | StmtKind::IncDec { x: e, .. } | StmtKind::Send { ch: e, .. } => {
            ast.first_byte(e)
        }
        StmtKind::Assign { lhs, .. } => ast
            .list(lhs)
            .first()
            .map_or(ast.stmt(s).pos, |&e| ast.first_byte(e)),
        StmtKind::Labeled { label, .. } => ast.first_byte(label),
        _ => ast.stmt(s).pos,
    }
}
