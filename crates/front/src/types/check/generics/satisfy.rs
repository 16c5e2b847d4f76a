//! Constraint satisfaction: whether a type argument is in its constraint's type set
//! (go/types' `implements` with constraint semantics), with gc's explanations.

use super::super::super::ty::{Term, TypeId};
use super::super::Checker;

impl Checker<'_> {
    /// Why `v` does not satisfy the constraint `t` (`None` if it does).
    pub fn satisfies(&mut self, v: TypeId, t: TypeId) -> Option<String> {
        if v == TypeId::INVALID || t == TypeId::INVALID {
            return None;
        }
        let ti = self.types.interface(t)?.clone();
        let (vs, ts) = (self.ts(v), self.ts(t));
        if !ti.methods.is_empty() {
            if let Some(cause) = self.missing_method_cause(v, t, false) {
                return Some(format!("{vs} does not satisfy {ts} {cause}"));
            }
        }
        if let Some(terms) = &ti.terms {
            // A type parameter satisfies a constraint when each type of its own type set
            // does.
            let vterms = match self.types.type_param(v) {
                Some(p) => self
                    .types
                    .interface(p.constraint)
                    .and_then(|i| i.terms.clone()),
                None => Some(vec![Term {
                    tilde: false,
                    ty: v,
                }]),
            };
            let ok = match &vterms {
                Some(vts) => vts.iter().all(|vt| self.term_in(vt, terms)),
                None => false, // every type: not a subset of a finite set
            };
            if !ok {
                let alt = terms.iter().find(|term| {
                    !term.tilde
                        && self.types.under(term.ty) == term.ty
                        && self.types.under(v) == term.ty
                });
                let detail = match alt {
                    Some(a) => format!("possibly missing ~ for {} in {ts}", self.ts(a.ty)),
                    None => format!("{vs} missing in {}", self.terms_string(terms)),
                };
                return Some(format!("{vs} does not satisfy {ts} ({detail})"));
            }
        }
        if ti.comparable && !self.types.comparable(v) {
            return Some(format!("{vs} does not satisfy comparable"));
        }
        None
    }

    /// Whether the type set of `term` is included in the union of `terms`.
    fn term_in(&self, term: &Term, terms: &[Term]) -> bool {
        terms.iter().any(|t| {
            if t.tilde {
                self.types.under(term.ty) == self.types.under(t.ty)
            } else {
                !term.tilde && term.ty == t.ty
            }
        })
    }

    /// A union as gc prints it: `~int | ~float64`.
    pub fn terms_string(&self, terms: &[Term]) -> String {
        terms
            .iter()
            .map(|t| format!("{}{}", if t.tilde { "~" } else { "" }, self.ts(t.ty)))
            .collect::<Vec<_>>()
            .join(" | ")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn type_arguments_must_satisfy_their_constraints() {
        let src = "package main\n\ntype MyInt int\n\nfunc Exact[T int | string](x T) {}\n\nfunc Cmp[T comparable](x T) {}\n\nfunc main() {\n\tExact(MyInt(1))\n\tCmp([]int{})\n\tExact(\"ok\")\n}\n";
        assert_eq!(
        super::super::super::tests::errors(src),
        [
            "10:7: MyInt does not satisfy int | string (possibly missing ~ for int in int | string)",
            "11:5: []int does not satisfy comparable",
        ]
    );
    }
}
