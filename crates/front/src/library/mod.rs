//! The standard library chanlab supports, declared in Go.
//!
//! Each supported package is one Go file under `go/` (embedded in the binary without its
//! comments, which nothing reads there: `build.rs`): its types, constants, variables and
//! functions as the package exports them, with unexported helpers where the implementation
//! needs them. A function declared without a body is native: the
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
            // The file under `go/`, its comments removed (see `build.rs`).
            source: include_str!(concat!(env!("OUT_DIR"), "/library/", $file)),
        }
    };
}

/// The supported packages, sorted by import path.
pub const PACKAGES: &[LibPackage] = &[
    lib!("bufio", "bufio.go"),
    lib!("bytes", "bytes.go"),
    lib!("cmp", "cmp.go"),
    lib!("container/heap", "container_heap.go"),
    lib!("container/list", "container_list.go"),
    lib!("container/ring", "container_ring.go"),
    lib!("context", "context.go"),
    lib!("crypto/internal/mdhash", "crypto_internal_mdhash.go"),
    lib!("crypto/md5", "crypto_md5.go"),
    lib!("crypto/sha1", "crypto_sha1.go"),
    lib!("crypto/sha256", "crypto_sha256.go"),
    lib!("encoding/base64", "encoding_base64.go"),
    lib!("encoding/binary", "encoding_binary.go"),
    lib!("encoding/hex", "encoding_hex.go"),
    lib!("encoding/json", "encoding_json.go"),
    lib!("errors", "errors.go"),
    lib!("flag", "flag.go"),
    lib!("fmt", "fmt.go"),
    lib!("golang.org/x/sync/errgroup", "errgroup.go"),
    lib!("golang.org/x/sync/semaphore", "semaphore.go"),
    lib!("golang.org/x/tour/reader", "tour_reader.go"),
    lib!("golang.org/x/tour/tree", "tour_tree.go"),
    lib!("golang.org/x/tour/wc", "tour_wc.go"),
    lib!("hash", "hash.go"),
    lib!("hash/crc32", "hash_crc32.go"),
    lib!("hash/fnv", "hash_fnv.go"),
    lib!("internal/signals", "internal_signals.go"),
    lib!("io", "io.go"),
    lib!("io/ioutil", "io_ioutil.go"),
    lib!("iter", "iter.go"),
    lib!("log", "log.go"),
    lib!("maps", "maps.go"),
    lib!("math", "math.go"),
    lib!("math/bits", "math_bits.go"),
    lib!("math/cmplx", "math_cmplx.go"),
    lib!("math/internal/ziggurat", "math_internal_ziggurat.go"),
    lib!("math/rand", "math_rand.go"),
    lib!("math/rand/v2", "math_rand_v2.go"),
    lib!("os", "os.go"),
    lib!("os/signal", "os_signal.go"),
    lib!("reflect", "reflect.go"),
    lib!("runtime", "runtime.go"),
    lib!("runtime/debug", "runtime_debug.go"),
    lib!("slices", "slices.go"),
    lib!("sort", "sort.go"),
    lib!("strconv", "strconv.go"),
    lib!("strings", "strings.go"),
    lib!("sync", "sync.go"),
    lib!("sync/atomic", "sync_atomic.go"),
    lib!("syscall", "syscall.go"),
    lib!("testing", "testing.go"),
    lib!("text/tabwriter", "text_tabwriter.go"),
    lib!("time", "time.go"),
    lib!("unicode", "unicode.go"),
    lib!("unicode/utf8", "unicode_utf8.go"),
    lib!("unsafe", "unsafe.go"),
];

/// The package with this import path, if chanlab supports it.
pub fn find(path: &str) -> Option<&'static LibPackage> {
    PACKAGES.iter().find(|p| p.path == path)
}

/// Whether `path` is an internal package (`crypto/internal/mdhash`): only the library's own
/// packages may import it, as Go allows only those of its tree.
pub fn is_internal(path: &str) -> bool {
    path.split('/').any(|part| part == "internal")
}

/// The supported import paths, as the unsupported-import message lists them (the internal
/// packages are not the program's to import).
pub fn supported_list() -> String {
    PACKAGES
        .iter()
        .map(|p| p.path)
        .filter(|p| !is_internal(p))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What Go 1.19 exports from the supported packages that chanlab's do not declare, a line
/// each: `math J0` (`missing.txt`; the test `the_missing_list_is_go_s_api_less_ours`
/// keeps it exact against Go's own API files).
const MISSING: &str = include_str!("missing.txt");

/// Whether package `path` of Go exports `name` that chanlab's does not declare: using it is
/// "not supported", not a name that does not exist.
pub fn is_missing(path: &str, name: &str) -> bool {
    MISSING
        .lines()
        .any(|line| line.split_once(' ') == Some((path, name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_package_checks_cleanly() {
        // An internal package is checked as a package that imports it imports it.
        for p in PACKAGES.iter().filter(|p| !is_internal(p.path)) {
            let src = format!(
                "package main\n\nimport _ \"{}\"\n\nfunc main() {{}}\n",
                p.path
            );
            if let Err(d) = crate::types::check_program_with_full_libraries(&src, "prog.go") {
                panic!("{}: {:#?}", p.path, d.errors);
            }
        }
    }

    #[test]
    fn the_embedded_files_are_the_files_without_their_comments() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/library/go/");
        let mut comments = 0;
        for p in PACKAGES {
            let original = std::fs::read_to_string(format!("{dir}{}", p.file)).unwrap();
            assert_eq!(
                p.source.lines().count(),
                original.lines().count(),
                "{}",
                p.file
            );
            for (embedded, line) in p.source.lines().zip(original.lines()) {
                // The code before a comment, as it was; the comment's text gone.
                assert!(line.starts_with(embedded), "{}: {line:?}", p.file);
                let rest = line[embedded.len()..].trim_start();
                assert!(
                    rest.is_empty() || rest.starts_with("//"),
                    "{}: {line:?}",
                    p.file
                );
                comments += usize::from(!rest.is_empty());
            }
        }
        assert!(comments > 300, "{comments}");
    }

    #[test]
    fn the_list_is_sorted_and_complete() {
        let paths: Vec<_> = PACKAGES.iter().map(|p| p.path).collect();
        let mut sorted = paths.clone();
        sorted.sort();
        assert_eq!(paths, sorted);
        assert_eq!(paths.len(), 56);
        assert!(find("sync/atomic").is_some() && find("net/http").is_none());
    }

    /// The names of Go's API (its `api/go1*.txt` files) per package, kept for the supported
    /// packages: `(path, name, is_type)`.
    fn go_api(dir: &std::path::Path) -> Vec<(String, String, bool)> {
        let mut api = std::collections::BTreeSet::new();
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("go1"))
            })
            .collect();
        files.sort();
        for file in files {
            for line in std::fs::read_to_string(file).unwrap().lines() {
                // `pkg math, func Gamma(float64) float64`; `pkg syscall (linux-amd64), const
                // AF_INET = 2`, kept for Linux on amd64 (the Go Playground's platform).
                let Some((package, decl)) =
                    line.strip_prefix("pkg ").and_then(|r| r.split_once(", "))
                else {
                    continue;
                };
                let (path, platform) = package.split_once(' ').unwrap_or((package, ""));
                if !(platform.is_empty() || platform.starts_with("(linux-amd64")) {
                    continue;
                }
                let (kind, rest) = decl.split_once(' ').unwrap_or((decl, ""));
                let name = rest.split([' ', '(', '[']).next().unwrap_or("");
                if matches!(kind, "func" | "type" | "var" | "const") && find(path).is_some() {
                    api.insert((path.to_string(), name.to_string(), kind == "type"));
                }
            }
        }
        api.into_iter().collect()
    }

    /// The names of `names` (of package `path`; `true` for a type) that chanlab's package
    /// does not declare, as the checker finds them.
    fn undeclared(path: &str, names: &[(&str, bool)]) -> Vec<String> {
        let mut src = format!("package main\n\nimport p \"{path}\"\n\n");
        for (name, is_type) in names {
            let uses = if *is_type { "var _ p." } else { "var _ = p." };
            src.push_str(&format!("{uses}{name}\n"));
        }
        src.push_str("\nfunc main() {}\n");
        let Err(d) = crate::types::check_program(&src, "prog.go") else {
            return Vec::new();
        };
        let first = src.lines().take_while(|l| !l.starts_with("var")).count() as u32 + 1;
        (d.errors.iter())
            .filter_map(|e| {
                let (name, _) = names.get(e.line.checked_sub(first)? as usize)?;
                let what = format!("p.{name}");
                let undeclared = [
                    format!("undefined: {what}"),
                    format!("chanlab does not support {what}"),
                ];
                undeclared.contains(&e.msg).then(|| name.to_string())
            })
            .collect()
    }

    #[test]
    fn a_missing_name_is_not_supported_and_the_rest_are_undefined() {
        let mut by_package: std::collections::BTreeMap<&str, Vec<(&str, bool)>> =
            Default::default();
        for line in MISSING.lines() {
            let (path, name) = line.split_once(' ').expect("`path name`");
            assert!(find(path).is_some(), "{line}: not a supported package");
            by_package.entry(path).or_default().push((name, false));
        }
        let mut lines: Vec<&str> = MISSING.lines().collect();
        lines.sort();
        lines.dedup();
        assert_eq!(
            lines,
            MISSING.lines().collect::<Vec<_>>(),
            "sorted, once each"
        );
        for (path, names) in &by_package {
            let missing = undeclared(path, names);
            let listed: Vec<String> = names.iter().map(|(n, _)| n.to_string()).collect();
            assert_eq!(missing, listed, "{path}: listed but declared");
        }
        let src = "package main\n\nimport \"math\"\n\nvar _ = math.J0\nvar _ = math.Jo\n\nfunc main() {}\n";
        let errors: Vec<String> = match crate::types::check_program(src, "prog.go") {
            Err(d) => d.errors.iter().map(|e| e.msg.clone()).collect(),
            Ok(_) => Vec::new(),
        };
        assert_eq!(
            errors,
            ["chanlab does not support math.J0", "undefined: math.Jo"]
        );
    }

    /// `missing.txt` is what Go 1.19's API has that chanlab's packages lack: where Go's API
    /// files are installed (Debian's golang-1.19-src), checked against them; with
    /// `CHANLAB_WRITE_MISSING=1`, written from them.
    #[test]
    fn the_missing_list_is_go_s_api_less_ours() {
        let dir = std::path::Path::new("/usr/share/go-1.19/api");
        if !dir.is_dir() {
            eprintln!("Go 1.19's API files are not installed: the list is not checked");
            return;
        }
        let api = go_api(dir);
        let mut expected = String::new();
        // syscall's API is thousands of Linux constants: what chanlab's lacks of it stays
        // undefined, rather than weigh on every page.
        for p in PACKAGES.iter().filter(|p| p.path != "syscall") {
            let names: Vec<(&str, bool)> = (api.iter())
                .filter(|(path, ..)| path == p.path)
                .map(|(_, name, is_type)| (name.as_str(), *is_type))
                .collect();
            for name in undeclared(p.path, &names) {
                expected.push_str(&format!("{} {name}\n", p.path));
            }
        }
        if std::env::var_os("CHANLAB_WRITE_MISSING").is_some() {
            let file = concat!(env!("CARGO_MANIFEST_DIR"), "/src/library/missing.txt");
            std::fs::write(file, &expected).unwrap();
        }
        assert!(api.len() > 1000, "{}", api.len());
        assert_eq!(MISSING, expected);
    }
}
