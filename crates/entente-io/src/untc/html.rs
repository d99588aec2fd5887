//! Small readers over the parsed page: constant selectors and the visible
//! text of an element without its footnote markers.

use scraper::node::Element;
use scraper::{ElementRef, Selector};

/// A selector written in this crate; every one is exercised by the tests.
pub(super) fn selector(css: &'static str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("the constant selector {css:?} is invalid: {e}"))
}

/// The text of `element` with blanks collapsed, leaving out everything
/// inside elements for which `hidden` holds. Line breaks and paragraphs count
/// as blanks so words on either side stay apart.
pub(super) fn visible_text(element: ElementRef<'_>, hidden: &dyn Fn(&Element) -> bool) -> String {
    let mut text = String::new();
    for node in element.descendants() {
        let inside_hidden = node
            .ancestors()
            .take_while(|ancestor| ancestor.id() != element.id())
            .chain(std::iter::once(node))
            .any(|n| n.value().as_element().is_some_and(hidden));
        if inside_hidden {
            continue;
        }
        match node.value() {
            scraper::Node::Text(fragment) => text.push_str(fragment),
            scraper::Node::Element(e) if matches!(e.name(), "br" | "p" | "div" | "td") => {
                text.push(' ')
            }
            _ => {}
        }
    }
    collapse_blanks(&text)
}

/// Collapses runs of blanks, tabs and no-break spaces into one space.
pub(super) fn collapse_blanks(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Footnote markers: `<sup>` around the number (and the page's own `<superscript>`).
pub(super) fn is_footnote(element: &Element) -> bool {
    matches!(element.name(), "sup" | "superscript")
}
