//! Labels and branch statements, checked per function body as gc's parser does
//! (`syntax/branches.go`): `break`/`continue` targets, `fallthrough` placement, `goto`
//! targets (not into blocks, not over variable declarations), and unused labels. Label
//! declarations and uses are recorded as `Label` objects.

use crate::fxhash::FxHashMap as HashMap;

use super::super::object::{ObjId, ObjKind};
use super::super::ty::TypeId;
use super::Checker;
use crate::syntax::ast::{
    AssignOp, BranchKind, Decl, ExprId, GenKind, Name, Spec, StmtId, StmtKind,
};
use crate::syntax::Pos;

/// A block of the function body.
struct Block {
    parent: Option<usize>,
    start: Pos,
    /// The labeled statement this block belongs to.
    lstmt: Option<StmtId>,
}

struct LabelInfo {
    /// The block declaring it.
    block: usize,
    lstmt: StmtId,
    obj: ObjId,
    used: bool,
}

/// What `break`, `continue` and `fallthrough` may refer to here.
#[derive(Clone, Copy)]
struct Targets {
    breaks: Option<StmtId>,
    continues: Option<StmtId>,
    /// The index of the enclosing switch case, if directly in one.
    case_index: Option<usize>,
}

struct Scope {
    blocks: Vec<Block>,
    labels: HashMap<Name, LabelInfo>,
}

impl Checker<'_> {
    /// Checks the labels and branches of a function body.
    pub fn check_labels(&mut self, body: StmtId) {
        let StmtKind::Block { stmts, .. } = self.ast.stmt(body).kind else {
            return;
        };
        let mut sc = Scope {
            blocks: Vec::new(),
            labels: HashMap::default(),
        };
        let list = self.ast_list(stmts);
        let start = self.ast.stmt(body).pos;
        let targets = Targets {
            breaks: None,
            continues: None,
            case_index: None,
        };
        let fwd = self.block_branches(&mut sc, None, targets, None, start, list);
        for (s, label) in fwd {
            let name = self.ast.ident(label).unwrap_or(Name::BLANK);
            let n = self.name_str(name).to_string();
            if let Some(l) = sc.labels.get_mut(&name) {
                l.used = true;
                let at = self.pos_string(sc.blocks[l.block].start);
                self.error(
                    self.epos(label),
                    format!("goto {n} jumps into block starting at {at}"),
                );
            } else {
                self.error(self.epos(label), format!("label {n} not defined"));
            }
            let _ = s;
        }
        let mut unused: Vec<&LabelInfo> = sc.labels.values().filter(|l| !l.used).collect();
        unused.sort_unstable_by_key(|l| self.ast.stmt(l.lstmt).pos);
        let unused: Vec<(Pos, String)> = unused
            .iter()
            .map(|l| (self.obj(l.obj).pos, self.obj_name(l.obj).to_string()))
            .collect();
        for (pos, n) in unused {
            self.error(pos, format!("label {n} defined and not used"));
        }
    }

    /// The branches of a block's statements; returns its unresolved forward gotos.
    fn block_branches(
        &mut self,
        sc: &mut Scope,
        parent: Option<usize>,
        ctx: Targets,
        lstmt: Option<StmtId>,
        start: Pos,
        body: &[StmtId],
    ) -> Vec<(StmtId, ExprId)> {
        sc.blocks.push(Block {
            parent,
            start,
            lstmt,
        });
        let b = sc.blocks.len() - 1;
        // The last variable declaration seen: where gc places it (a `:=` at its operator) and
        // the names it shows.
        let mut var_pos: Option<(Pos, String)> = None;
        let mut fwd: Vec<(StmtId, ExprId)> = Vec::new();
        let mut bad: Vec<StmtId> = Vec::new();
        let mut lstmt: Option<StmtId> = None;
        for (i, &s0) in body.iter().enumerate() {
            let mut s = s0;
            loop {
                let kind = self.ast.stmt(s).kind;
                match kind {
                    StmtKind::Decl(d) => {
                        if let Decl::Gen {
                            kind: GenKind::Var,
                            specs,
                            ..
                        } = self.ast.decl(d)
                        {
                            let first = self.ast.list(*specs).first().and_then(|sp| match sp {
                                Spec::Value { names, .. } => self.ast.list(*names).first().copied(),
                                _ => None,
                            });
                            if let Some(n) = first {
                                var_pos = Some((self.epos(n), self.ast.expr_string(n)));
                                bad = fwd.iter().map(|f| f.0).collect();
                            }
                        }
                    }
                    StmtKind::Labeled { label, stmt } => {
                        let name = self.ast.ident(label).unwrap_or(Name::BLANK);
                        if name != Name::BLANK {
                            let obj = self.new_obj(
                                name,
                                self.epos(label),
                                TypeId::INVALID,
                                ObjKind::Label,
                            );
                            self.info.record_def(label, obj);
                            if let Some(prev) = sc.labels.get(&name) {
                                let n = self.name_str(name).to_string();
                                let at = self.pos_string(self.obj(prev.obj).pos);
                                self.error(
                                    self.epos(label),
                                    format!("label {n} already defined at {at}"),
                                );
                            } else {
                                sc.labels.insert(
                                    name,
                                    LabelInfo {
                                        block: b,
                                        lstmt: s,
                                        obj,
                                        used: false,
                                    },
                                );
                            }
                            let mut keep = Vec::new();
                            for (g, gl) in fwd.drain(..) {
                                if self.ast.ident(gl) == Some(name) {
                                    if let Some(l) = sc.labels.get_mut(&name) {
                                        l.used = true;
                                        self.info.record_use(gl, l.obj);
                                    }
                                    if let Some((at, var)) = &var_pos {
                                        if bad.contains(&g) {
                                            let n = self.name_str(name);
                                            let at = self.pos_string(*at);
                                            let msg = format!(
                                                "goto {n} jumps over declaration of {var} at {at}"
                                            );
                                            self.error(self.epos(gl), msg);
                                        }
                                    }
                                } else {
                                    keep.push((g, gl));
                                }
                            }
                            fwd = keep;
                            lstmt = Some(s);
                        }
                        s = stmt;
                        continue;
                    }
                    StmtKind::Branch { kind, label } => {
                        let pos = self.ast.stmt(s).pos;
                        match label {
                            None => match kind {
                                BranchKind::Break => {
                                    if ctx.breaks.is_none() {
                                        self.error(
                                            pos,
                                            "break is not in a loop, switch, or select",
                                        );
                                    }
                                }
                                BranchKind::Continue => {
                                    if ctx.continues.is_none() {
                                        self.error(pos, "continue is not in a loop");
                                    }
                                }
                                BranchKind::Fallthrough => {
                                    if let Some(msg) =
                                        self.fallthrough_error(ctx, i + 1 == body.len())
                                    {
                                        self.error(pos, msg);
                                    }
                                }
                                BranchKind::Goto => {}
                            },
                            Some(l) => {
                                let name = self.ast.ident(l).unwrap_or(Name::BLANK);
                                let n = self.name_str(name).to_string();
                                match kind {
                                    BranchKind::Break | BranchKind::Continue => {
                                        let target = self.enclosing_target(sc, Some(b), name);
                                        if let Some(lo) = sc.labels.get(&name).map(|l| l.obj) {
                                            self.info.record_use(l, lo);
                                        }
                                        match target {
                                            Some(t) => {
                                                let inner = t.map(|t| self.labeled_inner(t));
                                                let ok = matches!(
                                                    (kind, inner.map(|i| &self.ast.stmt(i).kind)),
                                                    (
                                                        BranchKind::Break,
                                                        Some(
                                                            StmtKind::Switch { .. }
                                                                | StmtKind::TypeSwitch { .. }
                                                                | StmtKind::Select { .. }
                                                                | StmtKind::For { .. }
                                                                | StmtKind::Range { .. }
                                                        ),
                                                    ) | (
                                                        BranchKind::Continue,
                                                        Some(
                                                            StmtKind::For { .. }
                                                                | StmtKind::Range { .. }
                                                        )
                                                    )
                                                );
                                                if !ok {
                                                    let what = if kind == BranchKind::Break {
                                                        "break"
                                                    } else {
                                                        "continue"
                                                    };
                                                    self.error(
                                                        self.epos(l),
                                                        format!("invalid {what} label {n}"),
                                                    );
                                                }
                                            }
                                            None => {
                                                let what = if kind == BranchKind::Break {
                                                    "break"
                                                } else {
                                                    "continue"
                                                };
                                                self.error(
                                                    self.epos(l),
                                                    format!("{what} label not defined: {n}"),
                                                );
                                            }
                                        }
                                    }
                                    BranchKind::Goto => {
                                        if self.goto_target(sc, Some(b), name) {
                                            if let Some(li) = sc.labels.get_mut(&name) {
                                                li.used = true;
                                                let o = li.obj;
                                                self.info.record_use(l, o);
                                            }
                                        } else {
                                            fwd.push((s, l));
                                        }
                                    }
                                    BranchKind::Fallthrough => {}
                                }
                            }
                        }
                    }
                    StmtKind::Assign {
                        op: AssignOp::Define,
                        lhs,
                        op_pos,
                        ..
                    } => {
                        let names: Vec<String> = self
                            .ast_list(lhs)
                            .iter()
                            .map(|&e| self.ast.expr_string(e))
                            .collect();
                        var_pos = Some((op_pos, names.join(", ")));
                        bad = fwd.iter().map(|f| f.0).collect();
                    }
                    StmtKind::Block { stmts, .. } => {
                        let list = self.ast_list(stmts);
                        let inner = Targets {
                            case_index: None,
                            ..ctx
                        };
                        let pos = self.ast.stmt(s).pos;
                        fwd.extend(self.block_branches(sc, Some(b), inner, lstmt, pos, list));
                    }
                    StmtKind::If { then, els, .. } => {
                        let inner = Targets {
                            case_index: None,
                            ..ctx
                        };
                        if let StmtKind::Block { stmts, .. } = self.ast.stmt(then).kind {
                            let list = self.ast_list(stmts);
                            let pos = self.ast.stmt(then).pos;
                            fwd.extend(self.block_branches(sc, Some(b), inner, lstmt, pos, list));
                        }
                        if let Some(e) = els {
                            let pos = self.ast.stmt(e).pos;
                            fwd.extend(self.block_branches(sc, Some(b), inner, lstmt, pos, &[e]));
                        }
                    }
                    StmtKind::For { body: fb, .. } | StmtKind::Range { body: fb, .. } => {
                        let inner = Targets {
                            breaks: Some(s),
                            continues: Some(s),
                            case_index: None,
                        };
                        if let StmtKind::Block { stmts, .. } = self.ast.stmt(fb).kind {
                            let list = self.ast_list(stmts);
                            let pos = self.ast.stmt(fb).pos;
                            fwd.extend(self.block_branches(sc, Some(b), inner, lstmt, pos, list));
                        }
                    }
                    StmtKind::Switch { clauses, .. }
                    | StmtKind::TypeSwitch { clauses, .. }
                    | StmtKind::Select { clauses, .. } => {
                        let clauses = self.ast_list(clauses);
                        for (ci, c) in clauses.iter().enumerate() {
                            let body = match self.ast.stmt(*c).kind {
                                StmtKind::Case { body, .. } | StmtKind::Comm { body, .. } => body,
                                _ => continue,
                            };
                            let inner = Targets {
                                breaks: Some(s),
                                continues: ctx.continues,
                                case_index: Some(ci),
                            };
                            let list = self.ast_list(body);
                            let pos = self.ast.stmt(*c).pos;
                            fwd.extend(self.block_branches(sc, Some(b), inner, lstmt, pos, list));
                        }
                    }
                    _ => {}
                }
                break;
            }
            lstmt = None;
        }
        fwd
    }

    /// gc's message for a misplaced `fallthrough` (None if it is allowed).
    fn fallthrough_error(&self, ctx: Targets, last_in_list: bool) -> Option<&'static str> {
        let Some(t) = ctx.breaks else {
            return Some("fallthrough statement out of place");
        };
        match &self.ast.stmt(t).kind {
            StmtKind::TypeSwitch { .. } => Some("cannot fallthrough in type switch"),
            StmtKind::Switch { clauses, .. } => match ctx.case_index {
                Some(ci) if last_in_list => {
                    if ci + 1 == clauses.len() {
                        Some("cannot fallthrough final case in switch")
                    } else {
                        None
                    }
                }
                _ => Some("fallthrough statement out of place"),
            },
            _ => Some("fallthrough statement out of place"),
        }
    }

    /// The labeled statement named `name` enclosing block `b`.
    /// gc's `enclosingTarget`: `None` when no label `name` is declared so far; else the
    /// label counts as used (even where it is no valid target) and `Some` holds the statement
    /// it labels if that statement encloses block `b`.
    fn enclosing_target(
        &self,
        sc: &mut Scope,
        mut b: Option<usize>,
        name: Name,
    ) -> Option<Option<StmtId>> {
        let l = sc.labels.get_mut(&name)?;
        l.used = true;
        let lstmt = l.lstmt;
        while let Some(i) = b {
            if sc.blocks[i].lstmt == Some(lstmt) {
                return Some(Some(lstmt));
            }
            b = sc.blocks[i].parent;
        }
        Some(None)
    }

    /// Whether a label `name` is already declared in block `b` or an enclosing block.
    fn goto_target(&self, sc: &Scope, mut b: Option<usize>, name: Name) -> bool {
        let Some(l) = sc.labels.get(&name) else {
            return false;
        };
        while let Some(i) = b {
            if l.block == i {
                return true;
            }
            b = sc.blocks[i].parent;
        }
        false
    }

    /// The statement a labeled statement labels.
    fn labeled_inner(&self, s: StmtId) -> StmtId {
        match self.ast.stmt(s).kind {
            StmtKind::Labeled { stmt, .. } => stmt,
            _ => s,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::body_errors;
    #[test]
    fn branches_need_their_targets() {
        let errs = body_errors("\tbreak\n\tfor {\n\t\tcontinue L\n\t}\n");
        assert_eq!(
            errs,
            [
                "4:2: break is not in a loop, switch, or select",
                "6:12: continue label not defined: L",
            ]
        );
    }

    #[test]
    fn goto_may_not_skip_a_declaration() {
        let errs = body_errors("\tgoto L\n\tx := 1\n\t_ = x\nL:\n");
        assert_eq!(
            errs,
            ["4:7: goto L jumps over declaration of x at ./prog.go:5:4"]
        );
    }
}
