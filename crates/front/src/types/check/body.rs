//! Function bodies: the queue of library bodies checked only when the program reaches
//! them, the checking of a body (receiver, parameters, statements, labels, missing
//! returns, unused variables) and, once a package is done, its unused imports.

use super::super::object::{ObjId, ObjKind};
use super::super::ty::TypeId;
use super::{Checker, Color, DeclInfo, Env, FuncCtx};
use crate::syntax::ast::{Decl, Name};

impl Checker<'_> {
    /// Queues the body of a library function for checking (once).
    pub fn queue_body(&mut self, f: ObjId) {
        if self.bodies.insert(f) {
            self.lazy_queue.push_back(f);
        }
    }

    /// Queues the library function that a native calls back and no Go code does, for a
    /// program that needs it: fmt's printer calls `fmt.callFormat` for an operand that is a
    /// `Formatter`, which only a program declaring a `Format` method has (the compiler then
    /// compiles it). Others check nothing more.
    fn queue_called_by_natives(&mut self) {
        let Some(format) = self.ast.names.lookup("Format") else {
            return;
        };
        let declares_format = self.objs.iter().any(|o| {
            o.name == format
                && o.func().is_some_and(|f| f.recv.is_some())
                && o.pkg.is_some_and(|p| !self.pkgs[p.0 as usize].library)
        });
        let fmt = self.pkgs.iter().find(|p| p.path == "fmt");
        let call_format =
            (self.ast.names.lookup("callFormat")).and_then(|name| fmt?.scope.get(&name).copied());
        if let Some(f) = call_format.filter(|_| declares_format) {
            self.queue_body(f);
        }
    }

    /// Queues what the program reaches of the libraries beyond what it calls (after its
    /// package is checked).
    pub fn queue_library_roots(&mut self) {
        if self.lazy_libraries {
            self.queue_called_by_natives();
        }
    }

    /// Checks the queued library function bodies (which may queue more). A body not parsed
    /// yet is set aside in [`Checker::unparsed`], for the caller to parse and queue again.
    pub fn check_queued_bodies(&mut self) {
        let saved = self.pkg;
        while let Some(f) = self.lazy_queue.pop_front() {
            let Some(p) = self.obj(f).pkg else { continue };
            if self.func_decl_of(f).is_some_and(
                |d| matches!(self.ast.decl(d), Decl::Func(fd) if fd.unparsed_body.is_some()),
            ) {
                self.unparsed.push(f);
                continue;
            }
            self.pkg = p;
            self.obj_decl(f);
            self.pkgs[p.0 as usize].funcs.push(f);
            self.check_func_body(f);
        }
        self.pkg = saved;
    }

    /// The declaration of a declared function.
    pub fn func_decl_of(&self, f: ObjId) -> Option<crate::syntax::ast::DeclId> {
        match self.decls.get(&f) {
            Some(DeclInfo::Func { decl, .. }) => Some(*decl),
            _ => None,
        }
    }

    /// Once every reached body is checked: each library's initialization order.
    pub fn finish_libraries(&mut self) {
        let saved = self.pkg;
        for i in 0..self.pkgs.len() {
            if self.pkgs[i].library && self.lazy_libraries {
                self.pkg = super::super::object::PkgId(i as u32);
                let used: Vec<ObjId> = self.pkgs[i]
                    .globals
                    .iter()
                    .copied()
                    .filter(|g| self.color.get(g) == Some(&Color::Black))
                    .collect();
                self.init_order_of(&used);
            }
        }
        self.pkg = saved;
    }

    /// Checks a declared function's body (after all package-level declarations).
    pub fn check_func_body(&mut self, obj: ObjId) {
        let Some(DeclInfo::Func { decl, file }) = self.decls.get(&obj).cloned() else {
            return;
        };
        let Decl::Func(f) = self.ast.decl(decl) else {
            return;
        };
        let Some(body) = f.body else {
            return;
        };
        self.env = Env {
            file,
            decl: Some(obj),
            ..Env::default()
        };
        let info = self.obj(obj).func().cloned();
        let Some(info) = info else {
            return;
        };
        self.open_scope();
        if !info.tparams.is_empty() {
            self.env.generic = true;
            match self.ast.list(f.recv).first() {
                Some(r) => self.declare_receiver_tparams(r.ty),
                None => self.declare_tparam_names(&info.tparams),
            }
        }
        let sig = self.obj(obj).ty;
        self.func_body(sig, info.recv, &info.params, &info.results, body);
        self.close_scope();
    }

    /// Checks a function body (of a declaration or a literal) in the current scope: declares
    /// the receiver, parameters and results, checks the statements, and reports a missing
    /// return and unused variables.
    pub fn func_body(
        &mut self,
        sig: TypeId,
        recv: Option<ObjId>,
        params: &[ObjId],
        results: &[ObjId],
        body: crate::syntax::ast::StmtId,
    ) {
        let saved = self.env.func.take();
        let named_results =
            !results.is_empty() && results.iter().all(|r| !self.unnamed.contains(r));
        self.env.func = Some(FuncCtx {
            results: results.to_vec(),
            named_results,
            vars: Vec::new(),
        });
        for &p in recv.iter().chain(params).chain(results) {
            let name = self.obj(p).name;
            if name == Name::BLANK {
                continue;
            }
            if let Some(alt) = self.lookup_local_block(name) {
                self.redeclared(p, alt);
                continue;
            }
            self.env.locals.push((name, p));
        }
        let stmts = match &self.ast.stmt(body).kind {
            crate::syntax::ast::StmtKind::Block { stmts, .. } => *stmts,
            _ => Default::default(),
        };
        self.stmt_list(stmts, super::stmt::Ctx);
        self.check_labels(body);
        let has_results = self
            .types
            .signature(sig)
            .is_some_and(|s| !s.results.is_empty());
        if has_results && !self.is_terminating(body, None) {
            if let crate::syntax::ast::StmtKind::Block { rbrace, .. } = self.ast.stmt(body).kind {
                self.error(rbrace, "missing return");
            }
        }
        let ctx = self.env.func.take();
        if let Some(ctx) = ctx {
            let mut unused: Vec<ObjId> = ctx
                .vars
                .iter()
                .copied()
                .filter(|&v| !self.is_used(v))
                .collect();
            unused.sort_unstable_by_key(|&v| (self.obj(v).pos, v));
            for v in unused {
                let msg = format!("declared and not used: {}", self.obj_name(v));
                self.error(self.obj(v).pos, msg);
            }
        }
        self.env.func = saved;
    }

    /// Reports imports the package does not use.
    pub fn unused_imports(&mut self) {
        let files = self.cur_pkg().files.clone();
        let mut unused = Vec::new();
        for f in files {
            for &o in self.file_scopes[f.0 as usize].values() {
                if !self.is_used(o) {
                    unused.push(o);
                }
            }
        }
        unused.sort_unstable_by_key(|&o| (self.obj(o).pos, o));
        for o in unused {
            let ObjKind::PkgName(p) = self.obj(o).kind else {
                continue;
            };
            let path = self.pkgs[p.0 as usize].path.clone();
            let elem = path.rsplit('/').next().unwrap_or(&path).to_string();
            let name = self.obj_name(o).to_string();
            let msg = if name == elem {
                format!("\"{path}\" imported and not used")
            } else {
                format!("\"{path}\" imported as {name} and not used")
            };
            self.error(self.obj(o).pos, msg);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn unused_variables_and_imports_are_reported() {
        let src = "package main\n\nimport \"os\"\n\nfunc main() {\n\tx := 1\n}\n";
        assert_eq!(
            super::super::tests::errors(src),
            [
                "3:8: \"os\" imported and not used",
                "6:2: declared and not used: x"
            ]
        );
    }

    #[test]
    fn a_function_with_results_must_end_in_a_terminating_statement() {
        let src = "package main\n\nfunc f(b bool) int {\n\tif b {\n\t\treturn 1\n\t}\n}\n\nfunc main() { f(true) }\n";
        assert_eq!(super::super::tests::errors(src), ["7:1: missing return"]);
    }
}
