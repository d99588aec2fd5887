//! The participants table: one row per state with its signature and its
//! ratification, accession or succession, dated and suffixed as the UN prints them.

use entente_core::ConsentKind;
use scraper::{ElementRef, Html};

use super::html::{collapse_blanks, is_footnote, selector, visible_text};
use super::{Consent, Participant, Signature};
use crate::error::{ImportError, ImportErrorKind};
use crate::un_date::{DateCell, parse_cell};

pub(super) fn parse(document: &Html, label: &str) -> Result<Vec<Participant>, ImportError> {
    let table = document
        .select(&selector(r#"table[id$="_tblgrid"]"#))
        .next()
        .ok_or_else(|| {
            ImportError::new(
                ImportErrorKind::Truncated,
                label,
                "the participants table (id …_tblgrid) is missing",
            )
        })?;
    let cell = selector("td");
    let mut participants: Vec<Participant> = Vec::new();
    for row in table.select(&selector("tr")) {
        if row.attr("class") == Some("thead-one") {
            continue;
        }
        let cells: Vec<ElementRef<'_>> = row.select(&cell).collect();
        let number = participants.len() + 1;
        let [name_cell, signature_cell, consent_cell] = cells.as_slice() else {
            return Err(ImportError::new(
                ImportErrorKind::Malformed,
                label,
                format!(
                    "expected 3 cells (participant, signature, consent), found {}",
                    cells.len()
                ),
            )
            .at(format!("participants table row {number}")));
        };
        let participant =
            participant_of([*name_cell, *signature_cell, *consent_cell], number, label)?;
        if participants.iter().any(|p| p.name == participant.name) {
            return Err(ImportError::new(
                ImportErrorKind::Duplicate,
                label,
                format!("{} is listed twice", participant.name),
            )
            .at(participant.location)
            .field("participant"));
        }
        participants.push(participant);
    }
    Ok(participants)
}

fn participant_of(
    [name_cell, signature_cell, consent_cell]: [ElementRef<'_>; 3],
    number: usize,
    label: &str,
) -> Result<Participant, ImportError> {
    let name = visible_text(name_cell, &is_footnote);
    let location = format!("participants table row {number} ({name})");
    if name.is_empty() {
        return Err(ImportError::new(
            ImportErrorKind::Malformed,
            label,
            "the participant's name is empty",
        )
        .at(location)
        .field("participant"));
    }
    let at = |field: &str, reason: String| {
        ImportError::new(ImportErrorKind::BadDate, label, reason)
            .at(location.clone())
            .field(field)
    };
    let signature = date_cell(signature_cell)
        .map_err(|why| at("signature", why))?
        .map(|cell| signature_of(cell).map_err(|why| at("signature", why)))
        .transpose()?;
    let consent = date_cell(consent_cell)
        .map_err(|why| at("consent", why))?
        .map(|cell| consent_of(cell).map_err(|why| at("consent", why)))
        .transpose()?;
    Ok(Participant {
        name,
        location,
        signature,
        consent,
    })
}

fn date_cell(cell: ElementRef<'_>) -> Result<Option<DateCell>, String> {
    parse_cell(&collapse_blanks(&cell.text().collect::<String>()))
}

fn signature_of(cell: DateCell) -> Result<Signature, String> {
    match cell.suffix.as_deref() {
        None => Ok(Signature {
            date: cell.date,
            by_succession: false,
        }),
        Some("d") => Ok(Signature {
            date: cell.date,
            by_succession: true,
        }),
        Some(other) => Err(format!(
            "{other:?} is not a signature suffix (none, or d for succession)"
        )),
    }
}

/// The depositary's suffixes: none for ratification, `a` accession,
/// `d` succession, `A` acceptance, `AA` approval.
pub(crate) fn consent_kind(suffix: Option<&str>) -> Result<ConsentKind, String> {
    match suffix {
        None => Ok(ConsentKind::Ratification),
        Some("a") => Ok(ConsentKind::Accession),
        Some("d") => Ok(ConsentKind::Succession),
        Some("A") => Ok(ConsentKind::Acceptance),
        Some("AA") => Ok(ConsentKind::Approval),
        Some(other) => Err(format!(
            "{other:?} is not a consent suffix (none, a, d, A or AA)"
        )),
    }
}

fn consent_of(cell: DateCell) -> Result<Consent, String> {
    Ok(Consent {
        date: cell.date,
        kind: consent_kind(cell.suffix.as_deref())?,
    })
}
