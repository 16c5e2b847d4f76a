//! Terminating statements (the spec's rule behind gc's "missing return").

use super::super::info::CallKind;
use super::super::object::Builtin;
use super::Checker;
use crate::syntax::ast::{BranchKind, List, Name, StmtId, StmtKind};

impl Checker<'_> {
    /// Whether `s` is a terminating statement; `label` is the label of `s`, if any.
    pub fn is_terminating(&self, s: StmtId, label: Option<Name>) -> bool {
        match &self.ast.stmt(s).kind {
            StmtKind::Labeled { label: l, stmt } => self.is_terminating(*stmt, self.ast.ident(*l)),
            StmtKind::Expr(e) => {
                let e = self.ast.unparen(*e);
                self.info.call(e) == Some(&CallKind::Builtin(Builtin::Panic))
            }
            StmtKind::Return(_) => true,
            StmtKind::Branch { kind, .. } => {
                matches!(kind, BranchKind::Goto | BranchKind::Fallthrough)
            }
            StmtKind::Block { stmts, .. } => self.is_terminating_list(*stmts, None),
            StmtKind::If { then, els, .. } => els
                .is_some_and(|e| self.is_terminating(*then, None) && self.is_terminating(e, None)),
            StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
                let mut has_default = false;
                for &c in self.ast_list(*clauses) {
                    let StmtKind::Case {
                        body, is_default, ..
                    } = self.ast.stmt(c).kind
                    else {
                        continue;
                    };
                    has_default |= is_default;
                    if !self.is_terminating_list(body, None)
                        || self.has_break_list(body, label, true)
                    {
                        return false;
                    }
                }
                has_default
            }
            StmtKind::Select { clauses, .. } => self.ast_list(*clauses).iter().all(|&c| {
                let StmtKind::Comm { body, .. } = self.ast.stmt(c).kind else {
                    return true;
                };
                self.is_terminating_list(body, None) && !self.has_break_list(body, label, true)
            }),
            StmtKind::For {
                cond: None, body, ..
            } => !self.has_break(*body, label, true),
            _ => false,
        }
    }

    fn is_terminating_list(&self, list: List<StmtId>, label: Option<Name>) -> bool {
        let stmts = self.ast_list(list);
        match stmts
            .iter()
            .rev()
            .find(|&&s| !matches!(self.ast.stmt(s).kind, StmtKind::Empty))
        {
            Some(&s) => self.is_terminating(s, label),
            None => false,
        }
    }

    /// Whether `s` contains a `break` of the statement labeled `label` (or, if `implicit`,
    /// an unlabeled break of the closest enclosing breakable statement).
    fn has_break(&self, s: StmtId, label: Option<Name>, implicit: bool) -> bool {
        match &self.ast.stmt(s).kind {
            StmtKind::Labeled { stmt, .. } => self.has_break(*stmt, label, implicit),
            StmtKind::Branch {
                kind: BranchKind::Break,
                label: l,
            } => match l {
                None => implicit,
                Some(l) => label.is_some() && self.ast.ident(*l) == label,
            },
            StmtKind::Block { stmts, .. } => self.has_break_list(*stmts, label, implicit),
            StmtKind::If { then, els, .. } => {
                self.has_break(*then, label, implicit)
                    || els.is_some_and(|e| self.has_break(e, label, implicit))
            }
            StmtKind::Switch { clauses, .. }
            | StmtKind::TypeSwitch { clauses, .. }
            | StmtKind::Select { clauses, .. } => {
                label.is_some()
                    && self
                        .ast
                        .list(*clauses)
                        .iter()
                        .any(|&c| match self.ast.stmt(c).kind {
                            StmtKind::Case { body, .. } | StmtKind::Comm { body, .. } => {
                                self.has_break_list(body, label, false)
                            }
                            _ => false,
                        })
            }
            StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
                label.is_some() && self.has_break(*body, label, false)
            }
            _ => false,
        }
    }

    fn has_break_list(&self, list: List<StmtId>, label: Option<Name>, implicit: bool) -> bool {
        self.ast
            .list(list)
            .iter()
            .any(|&s| self.has_break(s, label, implicit))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn terminating_statements_end_functions() {
        let src = "package main\n\nfunc a() int {\n\tfor {\n\t}\n}\n\nfunc b(x int) int {\n\tswitch x {\n\tcase 1:\n\t\treturn 1\n\tdefault:\n\t\tpanic(x)\n\t}\n}\n\nfunc c() int {\n\tfor {\n\t\tbreak\n\t}\n}\n\nfunc main() { a(); b(1); c() }\n";
        assert_eq!(super::super::tests::errors(src), ["21:1: missing return"]);
    }
}
