//! The standard library chanlab supports, declared in Go.
//!
//! Each supported package is one Go file under `go/` (embedded in the binary): its types,
//! constants, variables and functions as the package exports them, with unexported helpers
//! where the implementation needs them. A function declared without a body is native: the
//! compiler binds it, by its qualified name (`strings.ToUpper`, `sync.WaitGroup.Add`), to a
//! Rust function. A function with a body is interpreted like the user's code. Runtime objects
//! (a `sync.Mutex`, a `time.Timer`) are structs with an unexported field holding the
//! runtime's handle.
//!
//! # Invariants
//! - Every file declares the package named by the last element of its path (`errgroup`
//!   for `golang.org/x/sync/errgroup`).
//! - The packages check cleanly (the tests check each one).

/// A library package: its import path and its Go declarations.
#[derive(Clone, Copy, Debug)]
pub struct LibPackage {
    pub path: &'static str,
    /// The file name in messages (`strings.go`).
    pub file: &'static str,
    pub source: &'static str,
}

macro_rules! lib {
    ($path:expr, $file:expr) => {
        LibPackage {
            path: $path,
            file: $file,
            source: include_str!(concat!("go/", $file)),
        }
    };
}

/// The supported packages, sorted by import path.
pub const PACKAGES: &[LibPackage] = &[
    lib!("fmt", "fmt.go"),
];

/// The package with this import path, if chanlab supports it.
pub fn find(path: &str) -> Option<&'static LibPackage> {
    PACKAGES.iter().find(|p| p.path == path)
}

/// The supported import paths, as the unsupported-import message lists them.
pub fn supported_list() -> String {
    PACKAGES.iter().map(|p| p.path).collect::<Vec<_>>().join(", ")
}
