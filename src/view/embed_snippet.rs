//! How another page embeds the current configuration: an iframe, or one line with
//! `embed.js` (the Embed button shows both; README, Embedding).

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
        let embedded = self.embedded().to_query();
        let iframe = format!(
            "<iframe src=\"{}?{}\" width=\"100%\" height=\"420\" style=\"border:1px solid #d9dee6;border-radius:8px\" title=\"chanlab: {}\" loading=\"lazy\" referrerpolicy=\"no-referrer\"></iframe>",
            attr(base),
            attr(&embedded),
            attr(self.pattern.title)
        );
        let plain = PageConfig {
            embed: false,
            ..self.clone()
        }
        .to_query();
        let script = format!(
            "<script src=\"{}embed.js\" defer></script><div data-chanlab=\"{}\"></div>",
            attr(base),
            attr(&plain)
        );
        (iframe, script)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
