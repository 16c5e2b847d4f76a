//! Byte offsets to `line:col`, as gc prints positions.
//!
//! Every node of the AST records a [`Pos`](super::Pos): a byte offset into the *source space*,
//! where each parsed file occupies `[base, base + len]` (the program's own file has base 0, so
//! its positions are plain byte offsets into it). A [`LineTable`] belongs to one file and maps
//! an offset relative to that file to a 1-based line and a 1-based column counted in bytes, as
//! gc counts them (a tab is one column).
//!
//! # Invariants
//! - `starts[0] == 0` and `starts` is strictly increasing: `starts[i]` is the offset of the
//!   first byte of line `i + 1`.

/// The line starts of one file.
#[derive(Clone, Debug, Default)]
pub struct LineTable {
    starts: Vec<u32>,
}

impl LineTable {
    pub fn new(src: &str) -> Self {
        let mut starts = Vec::with_capacity(src.len() / 24 + 1);
        starts.push(0);
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i as u32 + 1);
            }
        }
        LineTable { starts }
    }

    /// The 1-based line and byte column of `offset` (relative to the file).
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (line as u32, offset - start + 1)
    }

    /// The 1-based line of `offset`.
    pub fn line(&self, offset: u32) -> u32 {
        self.line_col(offset).0
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_bytes_from_one() {
        let t = LineTable::new("package main\n\tx := 1\n\nfunc\n");
        assert_eq!(t.line_col(0), (1, 1));
        assert_eq!(t.line_col(12), (1, 13)); // the newline itself
        assert_eq!(t.line_col(13), (2, 1)); // the tab
        assert_eq!(t.line_col(14), (2, 2)); // x, after one tab
        assert_eq!(t.line_col(21), (3, 1));
        assert_eq!(t.line_col(22), (4, 1));
        assert_eq!(t.line(26), 4);
    }
}
