//! A program in a link: the Go source an edited page carries in its URL's fragment,
//! `#code=<base64url of the source's raw DEFLATE stream>`.
//!
//! The fragment rather than the query: static servers refuse long request lines (Python's
//! `http.server` at 64 KB, nginx's default at 8 KB), and a fragment never reaches the host or
//! its logs. DEFLATE (`miniz_oxide`) and base64url without padding keep a 60-line program's
//! link under 2,000 characters.
//!
//! Reading never fails and never panics: a value that is not base64url, not a DEFLATE stream,
//! that expands past [`MAX_CODE_BYTES`] or is not UTF-8 text gives no program and a
//! [`CodeError`] saying why, and the page shows the pattern's own source. Inflating stops at
//! [`MAX_CODE_BYTES`], so an expansion bomb costs no more than that; a value longer than
//! [`MAX_ENCODED_BYTES`] is not decoded at all.
//!
//! # Invariants
//! - `decode(&encode(s)) == Ok(s)` for every `s` of at most [`MAX_CODE_BYTES`] bytes without
//!   `\r\n` (a decoded program's line ends are `\n`, as the editor keeps them).

use std::fmt;

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::{alphabet, Engine};

/// The largest program a link carries, in bytes of source.
pub const MAX_CODE_BYTES: usize = 256 * 1024;
/// The longest `code` value read. The largest program, incompressible, deflates to a little
/// over its size and grows by a third in base64, so every program that fits has a value that
/// fits.
pub const MAX_ENCODED_BYTES: usize = 512 * 1024;

/// base64url: no padding written, padding accepted.
const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Why a `code` value gave no program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    Empty,
    /// The value is this many bytes long.
    TooLong(usize),
    NotBase64,
    NotDeflate,
    /// It expands past [`MAX_CODE_BYTES`].
    TooBig,
    NotUtf8,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::Empty => write!(f, "the link's program is empty"),
            CodeError::TooLong(n) => write!(
                f,
                "the link's program is {n} characters long, more than the {MAX_ENCODED_BYTES} read"
            ),
            CodeError::NotBase64 => write!(f, "the link's program is not base64url text"),
            CodeError::NotDeflate => {
                write!(f, "the link's program is damaged (cut short or altered)")
            }
            CodeError::TooBig => write!(
                f,
                "the link's program expands past {} KiB",
                MAX_CODE_BYTES / 1024
            ),
            CodeError::NotUtf8 => write!(f, "the link's program is not UTF-8 text"),
        }
    }
}

/// The `code` value for `source`.
pub fn encode(source: &str) -> String {
    let deflated = miniz_oxide::deflate::compress_to_vec(source.as_bytes(), 10);
    BASE64URL.encode(deflated)
}

/// The program a `code` value holds, its line ends made `\n`.
pub fn decode(value: &str) -> Result<String, CodeError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(CodeError::Empty);
    }
    if value.len() > MAX_ENCODED_BYTES {
        return Err(CodeError::TooLong(value.len()));
    }
    // Standard base64 pasted into a link reads too.
    let value: String = value
        .chars()
        .map(|c| match c {
            '+' => '-',
            '/' => '_',
            c => c,
        })
        .collect();
    // A value cut short or altered is as likely as a wrong one, and reads as damaged.
    let deflated = BASE64URL.decode(value.as_bytes()).map_err(|e| match e {
        base64::DecodeError::InvalidByte(..) => CodeError::NotBase64,
        _ => CodeError::NotDeflate,
    })?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_CODE_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => CodeError::TooBig,
            _ => CodeError::NotDeflate,
        })?;
    let text = String::from_utf8(bytes).map_err(|_| CodeError::NotUtf8)?;
    if text.is_empty() {
        return Err(CodeError::Empty);
    }
    Ok(text.replace("\r\n", "\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORKER_POOL: &str = include_str!("../patterns/go/worker-pool.go");

    #[test]
    fn programs_round_trip() {
        for source in [
            "package main\n\nfunc main() {}\n",
            WORKER_POOL,
            "package main\n// \u{202E} bidi, <script>alert(1)</script>, \u{0}\u{7}\n",
            "é✓\t",
        ] {
            let value = encode(source);
            assert!(
                value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
                "{value}"
            );
            assert_eq!(decode(&value).as_deref(), Ok(source));
        }
    }

    /// The largest program fits in a link whatever it holds: incompressible text of
    /// MAX_CODE_BYTES encodes to less than MAX_ENCODED_BYTES.
    #[test]
    fn the_largest_program_fits() {
        let mut x: u32 = 1;
        let noise: String = (0..MAX_CODE_BYTES)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                char::from(b' ' + (x % 95) as u8)
            })
            .collect();
        let value = encode(&noise);
        assert!(value.len() < MAX_ENCODED_BYTES, "{}", value.len());
        assert_eq!(decode(&value), Ok(noise));
    }

    #[test]
    fn hostile_values_give_reasons() {
        assert_eq!(decode(""), Err(CodeError::Empty));
        assert_eq!(decode("not base64!"), Err(CodeError::NotBase64));
        assert_eq!(decode("%%%"), Err(CodeError::NotBase64));
        // Base64url of bytes that are no DEFLATE stream.
        assert_eq!(decode("____"), Err(CodeError::NotDeflate));
        // A stream cut short, anywhere.
        let value = encode(WORKER_POOL);
        for cut in [1, 2, 3, 4, value.len() / 2] {
            assert_eq!(
                decode(&value[..value.len() - cut]),
                Err(CodeError::NotDeflate),
                "{cut}"
            );
        }
        // Valid DEFLATE of bytes that are not UTF-8.
        let latin1 = miniz_oxide::deflate::compress_to_vec(b"caf\xe9", 6);
        assert_eq!(decode(&BASE64URL.encode(latin1)), Err(CodeError::NotUtf8));
        let long = "A".repeat(MAX_ENCODED_BYTES + 1);
        assert_eq!(
            decode(&long),
            Err(CodeError::TooLong(MAX_ENCODED_BYTES + 1))
        );
    }

    /// 10 MB of zeros deflate to about 10 KB; inflating stops at MAX_CODE_BYTES.
    #[test]
    fn an_expansion_bomb_is_refused() {
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b'a'; 10 << 20], 10);
        let value = BASE64URL.encode(bomb);
        assert!(value.len() < 20_000, "{}", value.len());
        assert_eq!(decode(&value), Err(CodeError::TooBig));
        let just_fits = encode(&"a".repeat(MAX_CODE_BYTES));
        assert_eq!(decode(&just_fits).map(|s| s.len()), Ok(MAX_CODE_BYTES));
    }

    #[test]
    fn standard_base64_and_padding_read_too() {
        let source = "package main\n\nfunc main() { println(\"?>?>\") }\n";
        let deflated = miniz_oxide::deflate::compress_to_vec(source.as_bytes(), 6);
        let standard = base64::engine::general_purpose::STANDARD.encode(&deflated);
        assert_eq!(decode(&standard).as_deref(), Ok(source));
        assert_eq!(decode("  ").unwrap_err(), CodeError::Empty);
    }

    #[test]
    fn line_ends_become_newlines() {
        assert_eq!(
            decode(&encode("package main\r\nfunc main() {}\r\n")).as_deref(),
            Ok("package main\nfunc main() {}\n")
        );
    }

    /// Links with a program, read by the page (`PageConfig::parse_url`).
    mod links {
        use super::*;
        use crate::view::page_config::{EmbedView, PageConfig};
        use crate::view::url::{CURRENT_VERSION, LINK_VERSION, VERSIONS};

        fn edited(text: &str) -> PageConfig {
            let mut link = PageConfig::default();
            link.set_code(text);
            link
        }

        #[test]
        fn an_edited_program_travels_in_the_fragment() {
            let link = edited("package main\n\nfunc main() { println(1) }\n");
            assert_eq!(link.to_query(), "v=2");
            let fragment = link.to_fragment();
            assert!(fragment.starts_with("code="), "{fragment}");
            let (again, notices) = PageConfig::parse_url(&link.to_query(), &fragment);
            assert_eq!(again, link);
            assert_eq!(notices.len(), 1, "{notices:?}");
            assert!(
                notices[0].0.contains("its own program (3 lines)"),
                "{notices:?}"
            );
            // With its leading `#`, and among other pairs.
            let (again, _) = PageConfig::parse_url("?v=2", &format!("#x=1&{fragment}"));
            assert_eq!(again, link);
            // The embedded view reads it without a notice, and shows the source by default.
            let embed = PageConfig {
                embed: true,
                ..link.clone()
            };
            assert_eq!(embed.view(), EmbedView::default_for(true));
            assert!(embed.view().source);
            assert_eq!(embed.to_query(), "embed=1&v=2");
            let (again, notices) = PageConfig::parse_url(&embed.to_query(), &fragment);
            assert!(notices.is_empty(), "{notices:?}");
            assert_eq!(again, embed);
            let (editable, _) = PageConfig::parse_url("embed=1&edit=1&view=output", &fragment);
            assert!(editable.edit);
            assert_eq!(editable.to_query(), "embed=1&view=output&edit=1&v=2");
        }

        #[test]
        fn a_link_without_a_program_is_a_version_1_link() {
            let mut link = PageConfig::default();
            link.set_code(&link.rendered_source());
            assert!(!link.edited(), "the rendered source is no edit");
            assert_eq!(
                (link.to_query(), link.to_fragment()),
                (String::new(), String::new())
            );
            // An anchor is not the page's.
            let (link, notices) = PageConfig::parse_url("p=select", "#top");
            assert!(notices.is_empty() && !link.edited());
            // v=2 without a program reads as it says.
            assert!(PageConfig::parse("v=2&p=select").1.is_empty());
            // The format table ends at the version written.
            assert_eq!(VERSIONS.last().unwrap().number, CURRENT_VERSION);
            assert_eq!(LINK_VERSION, CURRENT_VERSION.to_string());
            for pair in VERSIONS.windows(2) {
                assert_eq!(pair[1].number, pair[0].number + 1);
                assert!(!pair[1].older_links.is_empty());
            }
        }

        /// A program is edited against its parameters: editing one back to what they render
        /// is no edit, whichever they are.
        #[test]
        fn the_rendered_source_of_other_parameters_is_no_edit() {
            let (mut link, _) = PageConfig::parse("workers=3");
            let rendered = link.rendered_source();
            link.set_code(&rendered);
            assert!(!link.edited());
            let (read, _) =
                PageConfig::parse_url("workers=3", &format!("code={}", encode(&rendered)));
            assert!(!read.edited());
            assert_eq!(read.go_source().as_ref(), rendered);
        }

        #[test]
        fn a_60_line_program_has_a_short_link() {
            let (link, _) = PageConfig::parse("p=fan-out-fan-in");
            let source = link.rendered_source();
            // Fan-out, fan-in, edited to exactly 60 lines.
            let lines: Vec<&str> = source.lines().collect();
            assert!(lines.len() >= 60, "{}", lines.len());
            let program = lines[..60].join("\n") + "\n";
            let edited = edited(&program);
            let url = format!(
                "https://chanlab.example.org/?{}#{}",
                edited.to_query(),
                edited.to_fragment()
            );
            eprintln!(
                "a 60-line program of {} bytes: a link of {} characters",
                program.len(),
                url.len()
            );
            assert!(url.len() < 2000, "{} characters", url.len());
            assert!(
                url.len() < program.len(),
                "{} vs {}",
                url.len(),
                program.len()
            );
        }

        #[test]
        fn unreadable_programs_open_the_patterns_source_and_never_run() {
            let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b'/'; 10 << 20], 10);
            let cut = encode("package main\n\nfunc main() { for {} }\n");
            for (fragment, needle) in [
                ("code=%%%not-base64%%%".to_string(), "not base64url"),
                ("code=____".to_string(), "damaged"),
                (format!("code={}", &cut[..cut.len() - 4]), "damaged"),
                (
                    format!("code={}", BASE64URL.encode(bomb)),
                    "expands past 256 KiB",
                ),
                ("code=".to_string(), "empty"),
            ] {
                let (link, notices) = PageConfig::parse_url("p=select&autorun=1", &fragment);
                assert!(!link.edited(), "{fragment}");
                assert!(
                    !link.autorun,
                    "{fragment}: an unreadable program must not run"
                );
                assert_eq!(link.pattern.id, "select");
                assert_eq!(notices.len(), 1, "{notices:?}");
                assert!(notices[0].0.contains(needle), "{fragment}: {notices:?}");
                assert!(notices[0].0.contains("does not run it"), "{notices:?}");
            }
        }

        /// Markup stays text, control and bidirectional characters stay where they are and a
        /// notice says where.
        #[test]
        fn hostile_programs_open_as_text_with_notices() {
            let markup =
                "package main\n\nfunc main() { println(\"</pre><script>alert(1)</script>\") }\n";
            let (link, notices) = PageConfig::parse_url("", &format!("code={}", encode(markup)));
            assert_eq!(link.go_source().as_ref(), markup);
            assert_eq!(notices.len(), 1);
            let bidi =
                "package main\n\nfunc main() {\n\t// \u{202E} }\u{2066}\n\tprintln(\"\u{7}\")\n}\n";
            let (link, notices) =
                PageConfig::parse_url("embed=1", &format!("code={}", encode(bidi)));
            assert_eq!(link.go_source().as_ref(), bidi);
            assert_eq!(notices.len(), 1, "{notices:?}");
            assert!(
                notices[0]
                    .0
                    .contains("U+202E at 4:5, U+2066 at 4:8, U+0007 at 5:11"),
                "{notices:?}"
            );
        }
    }
}
