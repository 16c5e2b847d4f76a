//! How another page embeds the current configuration: an iframe, or one line with
//! `embed.js` (the Embed button shows both; README, Embedding). An edited program travels in
//! the iframe's fragment, and with `embed.js` as the text of a `<pre>` in the element, which
//! the script turns into the fragment.

use super::page_config::PageConfig;

impl PageConfig {
    /// The HTML that embeds this configuration from the chanlab page at `base` (its address
    /// up to its directory, ending in `/`): an iframe, and the one-line `embed.js` alternative.
    /// Queries are percent-encoded, so they need only `&` escaped in an attribute.
    pub fn embed_snippets(&self, base: &str) -> (String, String) {
        let attr = |s: &str| {
            s.replace('&', "&amp;")
                .replace('"', "&quot;")
                .replace('<', "&lt;")
        };
        let embedded = self.embedded();
        let mut src = format!("{base}?{}", embedded.to_query());
        if self.edited() {
            src.push('#');
            src.push_str(&embedded.to_fragment());
        }
        let iframe = format!(
            "<iframe src=\"{}\" width=\"100%\" height=\"420\" style=\"border:1px solid #d9dee6;border-radius:8px\" title=\"chanlab: {}\" loading=\"lazy\" referrerpolicy=\"no-referrer\"></iframe>",
            attr(&src),
            attr(self.pattern.title)
        );
        // The program is the <pre>'s text, so the query needs no version or view for it.
        let plain = PageConfig {
            embed: false,
            code: None,
            ..self.clone()
        }
        .to_query();
        let pre = match &self.code {
            Some(code) => format!("<pre>{}</pre>", text(code)),
            None => String::new(),
        };
        let script = format!(
            "<script src=\"{}embed.js\" defer></script><div data-chanlab=\"{}\">{pre}</div>",
            attr(base),
            attr(&plain)
        );
        (iframe, script)
    }
}

/// `s` escaped as HTML text.
fn text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edited_program_goes_into_the_fragment_and_the_pre() {
        let mut link = PageConfig::parse("p=select&seed=4").0;
        link.set_code("package main\n\nfunc main() { println(\"<a&b>\") }\n");
        let (iframe, script) = link.embed_snippets("https://example.org/");
        let fragment = link.embedded().to_fragment();
        assert!(
            iframe.contains(&format!(
                "src=\"https://example.org/?p=select&amp;seed=4&amp;embed=1&amp;v=2#{fragment}\""
            )),
            "{iframe}"
        );
        assert_eq!(
            script,
            "<script src=\"https://example.org/embed.js\" defer></script><div data-chanlab=\"p=select&amp;seed=4\"><pre>package main\n\nfunc main() { println(\"&lt;a&amp;b&gt;\") }\n</pre></div>"
        );
    }
    #[test]
    fn embed_snippets_carry_the_configuration() {
        let (link, _) = PageConfig::parse("p=pipeline&words=a,b&seed=3&theme=dark");
        let (iframe, script) = link.embed_snippets("https://example.org/chanlab/");
        assert_eq!(
            iframe,
            "<iframe src=\"https://example.org/chanlab/?p=pipeline&amp;words=a,b&amp;seed=3&amp;embed=1&amp;theme=dark\" width=\"100%\" height=\"420\" style=\"border:1px solid #d9dee6;border-radius:8px\" title=\"chanlab: Pipeline\" loading=\"lazy\" referrerpolicy=\"no-referrer\"></iframe>"
        );
        assert_eq!(
            script,
            "<script src=\"https://example.org/chanlab/embed.js\" defer></script><div data-chanlab=\"p=pipeline&amp;words=a,b&amp;seed=3&amp;theme=dark\"></div>"
        );
        let (iframe, _) = PageConfig::parse("p=pipeline&words=%22%3E%3Cscript%3E")
            .0
            .embed_snippets("/");
        assert!(!iframe.contains("<script"), "{iframe}");
    }
}
