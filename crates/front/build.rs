//! Embeds the standard library's Go files (`src/library/go/`) without their comments: the
//! compiler reads them and nothing shows them, so their documentation would only weigh on the
//! browser's download (a third of their size gzipped). Each comment line becomes an empty
//! line, so that every declaration keeps its line number (a traceback through the library
//! names its lines).

use std::fs;
use std::path::Path;

fn main() {
    let dir = Path::new("src/library/go");
    println!("cargo:rerun-if-changed={}", dir.display());
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out).join("library");
    fs::create_dir_all(&out).expect("OUT_DIR is writable");
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("the library's Go files")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "go"))
        .collect();
    files.sort();
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let source = fs::read_to_string(&path).expect("a library file in UTF-8");
        let name = path.file_name().expect("a file name");
        fs::write(out.join(name), without_comments(&source)).expect("OUT_DIR is writable");
    }
}

/// `source` with the text of every `//` comment removed, its lines kept. Strings, runes and
/// raw strings (which may span lines) are left as they are.
fn without_comments(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut in_raw = false;
    for line in source.split_inclusive('\n') {
        let (code, newline) = match line.strip_suffix('\n') {
            Some(code) => (code, "\n"),
            None => (line, ""),
        };
        let end = comment_start(code, &mut in_raw).unwrap_or(code.len());
        out.push_str(code[..end].trim_end());
        out.push_str(newline);
    }
    out
}

/// Where a `//` comment starts in `line`, if one does; `in_raw` says whether the line starts
/// inside a raw string, and is updated to whether it ends inside one.
fn comment_start(line: &str, in_raw: &mut bool) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if *in_raw {
            *in_raw = b != b'`';
        } else if let Some(q) = quote {
            if b == b'\\' {
                i += 1;
            } else if b == q {
                quote = None;
            }
        } else {
            match b {
                b'`' => *in_raw = true,
                b'"' | b'\'' => quote = Some(b),
                b'/' if bytes.get(i + 1) == Some(&b'/') => return Some(i),
                _ => {}
            }
        }
        i += 1;
    }
    None
}
