//! Characters a reader of Go source cannot see: control characters, bidirectional controls
//! (which can make code read differently from how it compiles, the "Trojan Source" attack),
//! zero-width and other format characters.
//!
//! The page keeps a program's text exactly as it is (what runs is what the editor holds), so it
//! shows these instead of hiding them: a notice lists where they are when a link brings them,
//! and both the source view and the editor draw each as a visible mark. The editor's list
//! (`www/editor/editor.js`, `SPECIAL`) is the same set.

/// Whether `c` is drawn as a mark rather than as itself. Tab and newline are ordinary.
pub fn is_invisible(c: char) -> bool {
    matches!(c as u32,
        0x00..=0x08 | 0x0b..=0x1f | 0x7f..=0x9f | 0xad | 0x61c | 0x200b | 0x200e | 0x200f
        | 0x2028 | 0x2029 | 0x202a..=0x202e | 0x2066..=0x2069 | 0xfeff | 0xfff9..=0xfffc)
}

/// One invisible character and where it is (1-based line and column, in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Invisible {
    pub line: u32,
    pub col: u32,
    pub ch: char,
}

impl Invisible {
    /// `U+202E at 3:14`.
    pub fn describe(&self) -> String {
        format!("U+{:04X} at {}:{}", self.ch as u32, self.line, self.col)
    }
}

/// The invisible characters of `source`, in order.
pub fn find(source: &str) -> Vec<Invisible> {
    let mut found = Vec::new();
    for (line, text) in source.split('\n').enumerate() {
        for (col, ch) in text.chars().enumerate() {
            if is_invisible(ch) {
                found.push(Invisible {
                    line: line as u32 + 1,
                    col: col as u32 + 1,
                    ch,
                });
            }
        }
    }
    found
}

/// What a notice says about `source`'s invisible characters, if it has any: the first few
/// places and how many more.
pub fn summary(source: &str) -> Option<String> {
    const SHOWN: usize = 3;
    let found = find(source);
    if found.is_empty() {
        return None;
    }
    let places: Vec<String> = found.iter().take(SHOWN).map(Invisible::describe).collect();
    let more = match found.len().saturating_sub(SHOWN) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    let noun = if found.len() == 1 {
        "an invisible or control character"
    } else {
        "invisible or control characters"
    };
    Some(format!(
        "the program holds {noun} ({}{more}); the source marks each one",
        places.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_bidi_characters_are_found_with_their_places() {
        let source = "package main\n\n// admin\u{202E} \u{2066}x\u{2069}\nvar s = \"\u{0}\"\t\n";
        let found = find(source);
        assert_eq!(
            found.iter().map(Invisible::describe).collect::<Vec<_>>(),
            [
                "U+202E at 3:9",
                "U+2066 at 3:11",
                "U+2069 at 3:13",
                "U+0000 at 4:10"
            ]
        );
        assert_eq!(
            summary(source).unwrap(),
            "the program holds invisible or control characters (U+202E at 3:9, U+2066 at 3:11, \
             U+2069 at 3:13 and 1 more); the source marks each one"
        );
    }

    #[test]
    fn ordinary_go_has_none() {
        let source = "package main\n\nfunc main() {\n\tprintln(\"é ✓ 世界 <b>\")\r\n}\n";
        // A lone carriage return is a control character; the pair's is too, but links and the
        // editor store `\n` line ends.
        assert_eq!(find(source).len(), 1);
        assert_eq!(find(&source.replace('\r', "")), []);
        assert_eq!(summary("package main\n"), None);
    }
}
