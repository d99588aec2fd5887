//! The "Declarations and Reservations" and "Notifications made under article
//! 17" sections, and the recognition of Art. 24 postponements in their text.

use entente_core::Art24Part;
use scraper::node::Element;
use scraper::{ElementRef, Html, Selector};

use super::html::{is_footnote, selector, visible_text};
use super::{Art24Postponement, Declaration, Notification, Participant};
use crate::error::{ImportError, ImportErrorKind};
use crate::un_date::parse_long;

/// One participant's entry in a section: its name and its text block.
struct Entry<'a> {
    number: usize,
    participant: String,
    body: ElementRef<'a>,
}

fn entries<'a>(
    document: &'a Html,
    table_selector: &Selector,
    body_selector: &Selector,
    section: &str,
    label: &str,
) -> Result<Vec<Entry<'a>>, ImportError> {
    let participant_selector = selector(r#"div[id$="_divParticipant"]"#);
    let Some(table) = document.select(table_selector).next() else {
        // A treaty with no declarations has no such table.
        return Ok(Vec::new());
    };
    let mut found = Vec::new();
    for (index, cell) in table.select(&selector("td")).enumerate() {
        let number = index + 1;
        let participant = cell
            .select(&participant_selector)
            .next()
            .map(|e| visible_text(e, &is_footnote))
            .filter(|name| !name.is_empty());
        let body = cell.select(body_selector).next();
        let (Some(participant), Some(body)) = (participant, body) else {
            return Err(ImportError::new(
                ImportErrorKind::Malformed,
                label,
                "the entry has no participant name or no text",
            )
            .at(format!("{section} entry {number}")));
        };
        found.push(Entry {
            number,
            participant,
            body,
        });
    }
    Ok(found)
}

/// Text that the page hides (`<p class='invisible'>` repeats the name) or
/// prints apart (`<p align=right>` holds a date).
fn is_not_body_text(element: &Element) -> bool {
    is_footnote(element)
        || (element.name() == "p"
            && (element.attr("class") == Some("invisible")
                || element.attr("align") == Some("right")))
}

pub(super) fn parse_declarations(
    document: &Html,
    participants: &[Participant],
    label: &str,
) -> Result<Vec<Declaration>, ImportError> {
    entries(
        document,
        &selector(r#"table[id$="_dgDec"]"#),
        &selector(r#"div[id$="_divText"]"#),
        "declarations",
        label,
    )?
    .into_iter()
    .map(|entry| declaration_of(entry, participants, label))
    .collect()
}

fn declaration_of(
    entry: Entry<'_>,
    participants: &[Participant],
    label: &str,
) -> Result<Declaration, ImportError> {
    let location = format!(
        "declarations entry {} ({})",
        entry.number, entry.participant
    );
    let error = |kind, field: &str, reason: String| {
        ImportError::new(kind, label, reason)
            .at(location.clone())
            .field(field)
    };
    let dated = entry
        .body
        .select(&selector(r#"p[align="right"]"#))
        .next()
        .map(|p| visible_text(p, &|_| false))
        .filter(|text| !text.is_empty())
        .map(|text| parse_long(&text).map_err(|why| error(ImportErrorKind::BadDate, "date", why)))
        .transpose()?;
    let text = visible_text(entry.body, &is_not_body_text);
    let art24 =
        match art24_part(&text).map_err(|why| error(ImportErrorKind::BadValue, "text", why))? {
            None => None,
            Some(part) => {
                let consent = participants
                    .iter()
                    .find(|p| p.name == entry.participant)
                    .and_then(|p| p.consent);
                let date = dated.or(consent.map(|c| c.date)).ok_or_else(|| {
                    error(
                        ImportErrorKind::UnknownName,
                        "participant",
                        format!(
                            "an Art. 24 declaration needs a date: the entry has none and {} \
                         has no ratification in the participants table",
                            entry.participant
                        ),
                    )
                })?;
                Some(Art24Postponement { part, date })
            }
        };
    Ok(Declaration {
        participant: entry.participant,
        text,
        dated,
        art24,
    })
}

pub(super) fn parse_notifications(
    document: &Html,
    label: &str,
) -> Result<Vec<Notification>, ImportError> {
    Ok(entries(
        document,
        &selector(r#"table[id$="_dgNotifications"]"#),
        &selector(r#"div[id$="_divNotificationText"]"#),
        "notifications",
        label,
    )?
    .into_iter()
    .map(|entry| Notification {
        text: visible_text(entry.body, &is_not_body_text),
        participant: entry.participant,
    })
    .collect())
}

/// Which Part an Art. 24 postponement covers, if `text` is one: it speaks of
/// postponing and names "Part III" or "Part IV" (any case). The article need
/// not be named: Germany's declaration does not cite it, and only Art. 24
/// allows a Part to be postponed. Art. 24 allows one Part only, so a text
/// naming both is an error.
pub fn art24_part(text: &str) -> Result<Option<Art24Part>, String> {
    let lower = text.to_lowercase();
    if !lower.contains("postpon") {
        return Ok(None);
    }
    let iii = mentions_part(&lower, "part iii");
    let iv = mentions_part(&lower, "part iv");
    match (iii, iv) {
        (true, true) => Err(
            "the declaration postpones both Part III and Part IV, which Art. 24 does not allow"
                .to_owned(),
        ),
        (true, false) => Ok(Some(Art24Part::PartIii)),
        (false, true) => Ok(Some(Art24Part::PartIv)),
        (false, false) => Ok(None),
    }
}

/// `part` as a whole word: "part iv" but not "part ivory".
fn mentions_part(lower: &str, part: &str) -> bool {
    lower.match_indices(part).any(|(at, _)| {
        lower[at + part.len()..]
            .chars()
            .next()
            .is_none_or(|next| !next.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_the_part_postponed() {
        assert_eq!(
            art24_part(
                "In accordance with Article 24 ... postpones ... under part IV of the present Optional Protocol"
            ),
            Ok(Some(Art24Part::PartIv))
        );
        assert_eq!(
            art24_part(
                "In accordance with Part V, Article 24 ... the postponement ... under Part III of the Optional Protocol"
            ),
            Ok(Some(Art24Part::PartIii))
        );
        assert_eq!(art24_part("Pursuant to articles 15 and 21 ..."), Ok(None));
        assert_eq!(art24_part("Article 24: postpones Part IVory"), Ok(None));
        assert_eq!(
            art24_part(
                "Germany shall postpone the implementation of its obligations under Part IV"
            ),
            Ok(Some(Art24Part::PartIv))
        );
        assert!(art24_part("Article 24: postpones Part III and Part IV").is_err());
    }
}
