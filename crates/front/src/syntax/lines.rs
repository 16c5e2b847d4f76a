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
        // Eight bytes at a time: a word without a newline (most of them) costs a few
        // instructions, not eight comparisons.
        let bytes = src.as_bytes();
        let mut chunks = bytes.chunks_exact(8);
        let mut at = 0u32;
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            let x = word ^ 0x0a0a_0a0a_0a0a_0a0a;
            // A zero byte of `x` is a newline of the word.
            if (x.wrapping_sub(0x0101_0101_0101_0101) & !x & 0x8080_8080_8080_8080) != 0 {
                for (i, &b) in chunk.iter().enumerate() {
                    if b == b'\n' {
                        starts.push(at + i as u32 + 1);
                    }
                }
            }
            at += 8;
        }
        for (i, &b) in chunks.remainder().iter().enumerate() {
            if b == b'\n' {
                starts.push(at + i as u32 + 1);
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

    #[test]
    fn every_newline_is_found_whatever_its_place_in_a_word() {
        // Newlines at every offset of a word and across words, with bytes that look like
        // them to the word test (0x0b, 0x8a, 0x0a shifted into neighbours).
        for len in 0..40 {
            for nl in 0..len {
                for filler in [b'a', 0x0b, 0x8a, 0x09] {
                    let mut src = vec![filler; len];
                    src[nl] = b'\n';
                    if nl + 9 < len {
                        src[nl + 9] = b'\n';
                    }
                    let text = String::from_utf8_lossy(&src).into_owned();
                    let want: Vec<u32> = std::iter::once(0)
                        .chain(
                            text.bytes()
                                .enumerate()
                                .filter(|&(_, b)| b == b'\n')
                                .map(|(i, _)| i as u32 + 1),
                        )
                        .collect();
                    assert_eq!(LineTable::new(&text).starts, want, "{len} {nl} {filler}");
                }
            }
        }
    }
}
