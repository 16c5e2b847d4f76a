//! Declaration cycles that only whole-package analysis finds: the initialization order of
//! package-level variables (Go's "earliest in declaration order that is ready" rule, through
//! the functions their initializers call) with its cycle errors, and recursive types of
//! infinite size.

use crate::fxhash::FxHashSet as HashSet;

use super::super::object::{Initializer, ObjId, ObjKind};
use super::super::ty::{Type, TypeId};
use super::{Checker, DeclInfo};

impl Checker<'_> {
    /// The package-level objects `o` depends on, through functions: the variables and
    /// constants it (or a function it refers to) refers to.
    fn var_deps(&self, o: ObjId) -> Vec<ObjId> {
        let mut out = Vec::new();
        let mut seen = HashSet::default();
        let mut stack: Vec<ObjId> = self.deps.get(&o).cloned().unwrap_or_default();
        while let Some(d) = stack.pop() {
            if !seen.insert(d) {
                continue;
            }
            match self.obj(d).kind {
                ObjKind::Func(_) => stack.extend(self.deps.get(&d).cloned().unwrap_or_default()),
                _ => out.push(d),
            }
        }
        out
    }

    /// Computes the package's initialization order and reports initialization cycles.
    pub fn init_order(&mut self) {
        let globals = self.cur_pkg().globals.clone();
        self.init_order_of(&globals);
    }

    /// The initialization order of the given package-level variables.
    pub fn init_order_of(&mut self, globals: &[ObjId]) {
        let globals = globals.to_vec();
        let mut emitted: HashSet<ObjId> = HashSet::default();
        let mut remaining: Vec<ObjId> = globals.clone();
        let mut order = Vec::new();
        let deps: Vec<Vec<ObjId>> = globals
            .iter()
            .map(|&g| {
                // A variable of a multi-value declaration depends on its whole group.
                let mut d = self.var_deps(g);
                if let Some(DeclInfo::Var { lhs, .. }) = self.decls.get(&g) {
                    for &o in lhs {
                        if o != g {
                            d.extend(self.var_deps(o));
                        }
                    }
                }
                d.retain(|x| globals.contains(x));
                d
            })
            .collect();
        let mut reported: HashSet<ObjId> = HashSet::default();
        while !remaining.is_empty() {
            let ready = remaining.iter().position(|g| {
                let i = globals.iter().position(|x| x == g).unwrap_or(0);
                deps[i].iter().all(|d| emitted.contains(d))
            });
            let pick = match ready {
                Some(i) => i,
                None => {
                    let g = remaining[0];
                    if !reported.contains(&g) {
                        if let Some(cycle) = self.find_cycle(g) {
                            for &c in &cycle {
                                reported.insert(c);
                            }
                            self.report_init_cycle(&cycle);
                        }
                    }
                    0
                }
            };
            let g = remaining.remove(pick);
            emitted.insert(g);
            if let Some(DeclInfo::Var {
                lhs,
                init: Some(init),
                ..
            }) = self.decls.get(&g).cloned()
            {
                if lhs.first() == Some(&g) || lhs.len() == 1 {
                    order.push(Initializer {
                        lhs: lhs.clone(),
                        rhs: init,
                    });
                }
                for o in lhs {
                    if o != g {
                        if let Some(p) = remaining.iter().position(|&r| r == o) {
                            remaining.remove(p);
                            emitted.insert(o);
                        }
                    }
                }
            }
        }
        // Constants take part in cycles too (`const c = c`).
        let consts: Vec<ObjId> = self
            .decls
            .iter()
            .filter(|(o, d)| {
                matches!(d, DeclInfo::Const { .. }) && self.obj(**o).pkg == Some(self.pkg)
            })
            .map(|(o, _)| *o)
            .collect();
        let mut consts = consts;
        consts.sort_unstable_by_key(|&o| (self.obj(o).pos, o));
        for c in consts {
            if reported.contains(&c) {
                continue;
            }
            if let Some(cycle) = self.find_cycle(c) {
                for &o in &cycle {
                    reported.insert(o);
                }
                self.report_init_cycle(&cycle);
            }
        }
        self.pkgs[self.pkg.0 as usize].init_order = order;
    }

    /// A path of references from `start` back to itself, if any.
    fn find_cycle(&self, start: ObjId) -> Option<Vec<ObjId>> {
        let mut path = vec![start];
        let mut seen = HashSet::default();
        if self.dfs_cycle(start, start, &mut path, &mut seen) {
            return Some(path);
        }
        None
    }

    fn dfs_cycle(
        &self,
        start: ObjId,
        o: ObjId,
        path: &mut Vec<ObjId>,
        seen: &mut HashSet<ObjId>,
    ) -> bool {
        let mut ds = self.deps.get(&o).cloned().unwrap_or_default();
        ds.dedup();
        for d in ds {
            if d == start {
                return true;
            }
            if !seen.insert(d) {
                continue;
            }
            path.push(d);
            if self.dfs_cycle(start, d, path, seen) {
                return true;
            }
            path.pop();
        }
        false
    }

    fn report_init_cycle(&mut self, cycle: &[ObjId]) {
        let o0 = cycle[0];
        let n0 = self.obj_name(o0).to_string();
        if cycle.len() == 1 {
            self.error(
                self.obj(o0).pos,
                format!("initialization cycle: {n0} refers to itself"),
            );
            return;
        }
        let mut msg = format!("initialization cycle for {n0}");
        for i in 0..cycle.len() {
            let (a, b) = (cycle[i], cycle[(i + 1) % cycle.len()]);
            msg.push_str(&format!(
                "\n\t{}: {} refers to {}",
                self.pos_string(self.obj(a).pos),
                self.obj_name(a),
                self.obj_name(b)
            ));
        }
        self.error(self.obj(o0).pos, msg);
    }

    /// Reports a named type that contains itself (not through a pointer, slice, map,
    /// channel, function or interface).
    pub fn valid_type(&mut self, named: TypeId) {
        let mut path = Vec::new();
        if let Some(cycle) = self.find_type_cycle(named, named, &mut path, 0) {
            if self.reported_types.insert(named) {
                for &t in &cycle {
                    self.reported_types.insert(t);
                }
                let objs: Vec<ObjId> = cycle
                    .iter()
                    .filter_map(|&t| self.types.named(t).map(|n| n.obj))
                    .collect();
                self.cycle_error(&objs, true);
                if let Some(n) = self.types.named_mut(named) {
                    n.underlying = TypeId::INVALID;
                }
            }
        }
    }

    fn find_type_cycle(
        &self,
        start: TypeId,
        t: TypeId,
        path: &mut Vec<TypeId>,
        depth: u32,
    ) -> Option<Vec<TypeId>> {
        if depth > 64 {
            return None;
        }
        match self.types.get(t) {
            Type::Named(n) => {
                if t == start && !path.is_empty() {
                    return Some(path.clone());
                }
                if path.contains(&t) {
                    return None;
                }
                path.push(t);
                let r = self.find_type_cycle(start, n.underlying, path, depth + 1);
                path.pop();
                r
            }
            Type::Struct(fields) => {
                for f in fields {
                    if let Some(c) = self.find_type_cycle(start, f.ty, path, depth + 1) {
                        return Some(c);
                    }
                }
                None
            }
            Type::Array(_, e) => self.find_type_cycle(start, *e, path, depth + 1),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn initialization_cycles_are_reported() {
        let src = "package main\n\nvar a = b\nvar b = a\n\nfunc main() {}\n";
        assert_eq!(
        super::super::tests::errors(src),
        ["3:5: initialization cycle for a\n\t./prog.go:3:5: a refers to b\n\t./prog.go:4:5: b refers to a"]
    );
    }

    #[test]
    fn recursive_types_need_an_indirection() {
        let src =
            "package main\n\ntype T struct{ next T }\ntype L struct{ next *L }\n\nfunc main() {}\n";
        assert_eq!(
            super::super::tests::errors(src),
            ["3:6: invalid recursive type: T refers to itself"]
        );
    }
}
