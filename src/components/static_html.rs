//! Fixed content (the overdose facts, the national lines) as HTML text built from the
//! domain's data. Only the app's own constant content goes through here, never anything the
//! person typed: it is escaped anyway. Rendering it as one string instead of a view per
//! element keeps the download small (each `view!` element is code; text is data).

use crate::domain::naloxone::Step;
use crate::domain::resources::CrisisLine;

pub use crate::domain::html::esc;

/// `<tag>text</tag>` for each item.
pub fn each(tag: &str, items: &[&str]) -> String {
    items
        .iter()
        .map(|t| format!("<{tag}>{}</{tag}>", esc(t)))
        .collect()
}

/// A card with a heading and a bulleted list.
pub fn list_card(title: &str, items: &[&str]) -> String {
    format!(
        "<section class=\"card\"><h2>{}</h2><ul>{}</ul></section>",
        esc(title),
        each("li", items)
    )
}

/// What to do in a step, and its source.
pub fn step_details(s: &Step) -> String {
    format!(
        "{}<p class=\"source\">Source: {}</p>",
        each("p", s.detail),
        esc(s.source)
    )
}

/// Every step, in order, each a card.
pub fn all_steps(steps: &[Step]) -> String {
    let items: String = steps
        .iter()
        .map(|s| {
            format!(
                "<li class=\"card\"><h2>{}</h2>{}</li>",
                esc(s.title),
                step_details(s)
            )
        })
        .collect();
    format!("<ol class=\"steps\">{items}</ol>")
}

/// The national lines, each with what it is for and one-tap call (and text) links.
pub fn lines(lines: &[CrisisLine]) -> String {
    lines
        .iter()
        .map(|l| {
            let text = l
                .text
                .map(|t| format!("<a class=\"call\" href=\"sms:{t}\">Text {t}</a>"))
                .unwrap_or_default();
            format!(
                "<li><h3>{}</h3><p>{}</p><div class=\"row\"><a class=\"call\" href=\"tel:{}\">Call {}</a>{text}</div></li>",
                esc(l.name),
                esc(l.purpose),
                l.call,
                esc(l.display)
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(esc("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
        assert_eq!(each("li", &["a<", "b"]), "<li>a&lt;</li><li>b</li>");
    }
}
