//! Small text formats the page uses.

/// `1000000000` as `1 000 000 000` (thin spaces), for ranges read at a glance.
pub fn group_digits(n: i64) -> String {
    let sign = if n < 0 { "−" } else { "" };
    format!(
        "{sign}{}",
        crate::rt::limits::group_digits(n.unsigned_abs(), '\u{2009}')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(1000), "1\u{2009}000");
        assert_eq!(
            group_digits(1_000_000_000),
            "1\u{2009}000\u{2009}000\u{2009}000"
        );
        assert_eq!(group_digits(-60000), "−60\u{2009}000");
        assert_eq!(
            group_digits(i64::MIN)
                .chars()
                .filter(|c| c.is_ascii_digit())
                .count(),
            19
        );
    }
}
