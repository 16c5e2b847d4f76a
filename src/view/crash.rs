//! What the page shows when it crashes (a panic in the page's own code): a plain message and
//! a link that reloads the same configuration without `autorun=1`, so a link whose run made
//! the page crash can be opened again and changed before anything runs.

use super::console::escape_into;

/// The page's address without `autorun` in its query: `search` (with or without its `?`)
/// and `hash` (the edited code, kept) as the address bar has them.
pub fn reload_link(search: &str, hash: &str) -> String {
    let query: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|kv| !kv.is_empty() && kv.split('=').next() != Some("autorun"))
        .collect();
    let mut link = String::from("./");
    if !query.is_empty() {
        link.push('?');
        link.push_str(&query.join("&"));
    }
    link.push_str(hash);
    link
}

/// The crash message's markup (`data-testid="crash"`), `why` escaped.
pub fn crash_html(why: &str, link: &str) -> String {
    let mut html = String::from(
        "<div class=\"crash\" role=\"alert\" data-testid=\"crash\"><p><strong>chanlab stopped \
         working.</strong> Your configuration is kept in the address bar. \
         <a data-testid=\"reload\" href=\"",
    );
    escape_into(&mut html, link);
    html.push_str("\">Reload without autorun</a></p><p class=\"why\">");
    escape_into(&mut html, why);
    html.push_str("</p></div>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reload_link_keeps_everything_but_autorun() {
        assert_eq!(
            reload_link("?p=leak&calls=100000&autorun=1&seed=3", "#code=abc"),
            "./?p=leak&calls=100000&seed=3#code=abc"
        );
        assert_eq!(reload_link("?autorun=1", ""), "./");
        assert_eq!(reload_link("", ""), "./");
        // `autorunner` is not `autorun`.
        assert_eq!(reload_link("autorunner=1", ""), "./?autorunner=1");
    }

    #[test]
    fn the_message_is_escaped() {
        let html = crash_html("panicked at <script>", "./?p=a&b=\"c\"");
        assert!(html.contains("panicked at &lt;script&gt;"));
        assert!(html.contains("href=\"./?p=a&amp;b=&quot;c&quot;\""));
        assert!(!html.contains("<script>"));
    }
}
