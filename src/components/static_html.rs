//! Fixed content (the overdose facts) as HTML text built from the
//! domain's data. Only the app's own constant content goes through here, never anything the
//! person typed: it is escaped anyway. Rendering it as one string instead of a view per
//! element keeps the download small (each `view!` element is code; text is data).

use crate::domain::naloxone::Step;

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

/// What to do in a step, its own Call 911 where it has one, and its sources.
pub fn step_details(s: &Step) -> String {
    let call = if s.call_911 {
        "<a class=\"call-911\" href=\"tel:911\">Call 911</a>"
    } else {
        ""
    };
    format!(
        "{}{call}<p class=\"source\">Source: {}</p>",
        each("p", s.detail),
        esc(&s.sources.join("; "))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(esc("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
        assert_eq!(each("li", &["a<", "b"]), "<li>a&lt;</li><li>b</li>");
    }
}
