//! The crate is safe Rust but for two reviewed files: real mode's function-entry codec, which
//! makes a zero-sized function value from nothing (`src/rt/real/entry.rs`), and the worker's
//! allocator, which counts what it hands out (`src/heap.rs`). The crate denies `unsafe_code`;
//! this checks that no other file allows it back or writes `unsafe`.

use std::path::Path;

const ALLOWED: [&str; 2] = ["src/rt/real/entry.rs", "src/heap.rs"];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a readable source tree") {
        let path = entry.expect("a readable entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn only_the_entry_codec_and_the_heap_use_unsafe() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut offenders = Vec::new();
    for path in files {
        let relative = path.strip_prefix(root).expect("under the root");
        let text = std::fs::read_to_string(&path).expect("a readable file");
        let uses = text.lines().any(|line| {
            let code = line.split("//").next().unwrap_or("");
            code.contains("unsafe {")
                || code.contains("unsafe fn")
                || code.contains("unsafe impl")
                || code.contains("allow(unsafe_code)")
        });
        if uses && !ALLOWED.iter().any(|a| relative == Path::new(a)) {
            offenders.push(relative.display().to_string());
        }
    }
    assert!(offenders.is_empty(), "unsafe code in {offenders:?}");
    let lib = std::fs::read_to_string(root.join("src/lib.rs")).expect("lib.rs");
    assert!(lib.contains("#![deny(unsafe_code)]"));
}
