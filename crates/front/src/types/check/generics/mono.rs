//! Instantiation cycles: a generic function or type whose instantiations make ever larger
//! type arguments (`F[T]` calling `F[[]T]`) would need infinitely many copies, which the
//! compiler could never finish making. gc rejects such a program, and so does this check,
//! with gc's report.
//!
//! Each instantiation says that a type parameter is instantiated as a type argument. The
//! graph has an edge from every type parameter that the argument mentions to the
//! instantiated one, weighing 0 when the argument is that type parameter itself and 1 when
//! it is built from it. A cycle of positive weight is an instantiation cycle; it is found as
//! gc finds it (a longest-path relaxation that stops once a path has as many edges as the
//! graph has vertices), so that the cycle reported is gc's. Unlike gc, types declared inside
//! generic functions are not vertices of their own.

use super::super::super::ty::{Type, TypeId};
use super::super::Checker;
use super::Verify;
use crate::syntax::Pos;

/// That type parameter `dst` was instantiated as `typ` (at `pos`), which mentions `src`.
struct Edge {
    dst: usize,
    src: usize,
    weight: i64,
    pos: Pos,
    typ: TypeId,
}

/// The heaviest path found so far to a vertex: its weight, its last edge, its length.
#[derive(Clone, Copy, Default)]
struct Path {
    weight: i64,
    last: usize,
    len: usize,
}

impl Checker<'_> {
    /// Reports the first instantiation cycle among the package's instantiations `insts`.
    pub(super) fn check_instantiation_cycles(&mut self, insts: &[Verify]) {
        let mut vertices: Vec<TypeId> = Vec::new();
        let mut edges: Vec<Edge> = Vec::new();
        for v in insts {
            for (i, (&tpar, &targ)) in v.tparams.iter().zip(&v.targs).enumerate() {
                let pos = v.at.get(i).copied().unwrap_or(v.pos);
                let dst = vertex(&mut vertices, tpar);
                let mut mentioned = Vec::new();
                self.type_params_in(targ, &mut mentioned);
                for p in mentioned {
                    let src = vertex(&mut vertices, p);
                    let weight = i64::from(p != targ);
                    edges.push(Edge {
                        dst,
                        src,
                        weight,
                        pos,
                        typ: targ,
                    });
                }
            }
        }
        let mut paths = vec![Path::default(); vertices.len()];
        let mut again = true;
        while again {
            again = false;
            for (i, e) in edges.iter().enumerate() {
                let weight = paths[e.src].weight + e.weight;
                if weight <= paths[e.dst].weight {
                    continue;
                }
                let len = paths[e.src].len + 1;
                paths[e.dst] = Path {
                    weight: paths[e.dst].weight,
                    last: i,
                    len,
                };
                if len == vertices.len() {
                    self.report_cycle(e.dst, &vertices, &edges, &paths);
                    return;
                }
                paths[e.dst].weight = weight;
                again = true;
            }
        }
    }

    /// gc's report of the cycle on the path that ends at vertex `v`.
    fn report_cycle(&mut self, mut v: usize, vertices: &[TypeId], edges: &[Edge], paths: &[Path]) {
        // The path ends at `v`, which may only be reachable from the cycle: walk back to the
        // first vertex seen twice, then keep the vertices from there on.
        let mut stack = Vec::new();
        let mut seen = vec![false; vertices.len()];
        while !seen[v] {
            stack.push(v);
            seen[v] = true;
            v = edges[paths[v].last].src;
        }
        let first = stack.iter().position(|&x| x == v).unwrap_or(0);
        let obj_of = |c: &Self, t: TypeId| c.types.type_param(t).map(|p| p.obj);
        let Some(obj0) = obj_of(self, vertices[v]) else {
            return;
        };
        let mut msg = String::from("instantiation cycle:");
        for &x in &stack[first..] {
            let e = &edges[paths[x].last];
            let Some(obj) = obj_of(self, vertices[e.dst]) else {
                continue;
            };
            let name = self.ast.names.get(self.obj(obj).name).to_string();
            msg.push_str(&format!(
                "\n\t{}: {name} instantiated as {}",
                self.pos_string(e.pos),
                self.ts(e.typ)
            ));
        }
        let pos = self.obj(obj0).pos;
        self.error(pos, msg);
    }

    /// The type parameters that type `t` mentions, in gc's walk order.
    fn type_params_in(&self, t: TypeId, out: &mut Vec<TypeId>) {
        match self.types.get(t) {
            Type::TypeParam(_) => out.push(t),
            Type::Named(n) => {
                for &a in &n.targs {
                    self.type_params_in(a, out);
                }
            }
            Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => {
                self.type_params_in(*e, out)
            }
            Type::Map(k, v) => {
                self.type_params_in(*k, out);
                self.type_params_in(*v, out);
            }
            Type::Func(sig) => {
                for &p in sig.params.iter().chain(&sig.results) {
                    self.type_params_in(p, out);
                }
            }
            Type::Struct(fields) => {
                for f in fields {
                    self.type_params_in(f.ty, out);
                }
            }
            Type::Interface(i) => {
                for m in &i.methods {
                    self.type_params_in(m.sig, out);
                }
            }
            Type::Tuple(ts) => {
                for &t in ts {
                    self.type_params_in(t, out);
                }
            }
            Type::Basic(_) => {}
        }
    }
}

/// The index of `t`'s vertex, added if new.
fn vertex(vertices: &mut Vec<TypeId>, t: TypeId) -> usize {
    match vertices.iter().position(|&v| v == t) {
        Some(i) => i,
        None => {
            vertices.push(t);
            vertices.len() - 1
        }
    }
}
