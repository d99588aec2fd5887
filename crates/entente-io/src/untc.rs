//! The UN Treaty Collection status page of a treaty (treaties.un.org,
//! "ViewDetails"): the header's totals, the participants table, the
//! declarations and the Art. 17 notifications.
//!
//! The page is ASP.NET output; its tables are found by the suffix of their
//! generated ids (`..._tblgrid`, `..._dgDec`, `..._dgNotifications`), which
//! have stayed the same across the site's redesigns.

mod declarations;
mod header;
mod html;
mod participants;

use chrono::NaiveDate;
use entente_core::{Art24Part, ConsentKind};
use scraper::Html;

use crate::error::{ImportError, ImportErrorKind};

pub use declarations::art24_part;

/// Everything Entente reads from one status page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusPage {
    /// "Signatories : 76" in the page header.
    pub signatories: u32,
    /// "Parties : 96" in the page header.
    pub parties: u32,
    /// The day the page describes ("STATUS AS AT : 03-02-2026 ..."), when it prints it.
    pub as_at: Option<NaiveDate>,
    /// The depositary number of the treaty (`IV-9-b`), from the address the page was saved from.
    pub mtdsg_no: Option<String>,
    pub participants: Vec<Participant>,
    pub declarations: Vec<Declaration>,
    /// Art. 17 notifications of a National Preventive Mechanism. The page
    /// gives no date for them, so they are notes, not dated events.
    pub notifications: Vec<Notification>,
}

/// A row of the participants table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    /// The name as printed, without its footnote markers.
    pub name: String,
    /// Where it is, for messages: "participants table row 37 (Zambia)".
    pub location: String,
    pub signature: Option<Signature>,
    pub consent: Option<Consent>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signature {
    pub date: NaiveDate,
    /// Suffix `d`: the state succeeded to a predecessor's signature.
    pub by_succession: bool,
}

/// Ratification, accession, succession, acceptance or approval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Consent {
    pub date: NaiveDate,
    pub kind: ConsentKind,
}

/// An entry of the "Declarations and Reservations" section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declaration {
    pub participant: String,
    /// The text as printed, blanks collapsed.
    pub text: String,
    /// The date printed above the entry, when it was made later than the consent.
    pub dated: Option<NaiveDate>,
    /// Set when the entry postpones Part III or Part IV under Art. 24.
    pub art24: Option<Art24Postponement>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Art24Postponement {
    pub part: Art24Part,
    /// The date printed above the entry, otherwise the participant's consent:
    /// the page says declarations were made upon ratification unless it says otherwise.
    pub date: NaiveDate,
}

/// An entry of the "Notifications made under article 17" section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    pub participant: String,
    pub text: String,
}

/// Parses a saved status page. `label` names it in errors (usually the file name).
pub fn parse_status_page(bytes: &[u8], label: &str) -> Result<StatusPage, ImportError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        ImportError::new(
            ImportErrorKind::Malformed,
            label,
            format!("not UTF-8 text ({e})"),
        )
    })?;
    let document = Html::parse_document(text);
    if !text.trim_end().to_ascii_lowercase().ends_with("</html>") {
        return Err(truncated(&document, label));
    }
    let (signatories, parties) = header::counts(&document, label)?;
    let as_at = header::status_as_at(&document, label)?;
    let mtdsg_no = header::mtdsg_no(&document);
    let participants = participants::parse(&document, label)?;
    check_counts(&participants, signatories, parties, label)?;
    let declarations = declarations::parse_declarations(&document, &participants, label)?;
    let notifications = declarations::parse_notifications(&document, label)?;
    Ok(StatusPage {
        signatories,
        parties,
        as_at,
        mtdsg_no,
        participants,
        declarations,
        notifications,
    })
}

/// A page that stops early, located after the last participant row it still holds.
fn truncated(document: &Html, label: &str) -> ImportError {
    let error = ImportError::new(
        ImportErrorKind::Truncated,
        label,
        "the page ends before </html>: it was not saved completely",
    );
    // A page cut inside the table breaks its last row; one cut later still holds every row.
    let location = match participants::parse(document, label) {
        Ok(participants) => participants.last().map(|p| format!("after {}", p.location)),
        Err(broken) => broken.location,
    };
    match location {
        Some(location) => error.at(location),
        None => error,
    }
}

/// A page cut short, or a table the parser misread, shows up as totals that
/// disagree with the header.
fn check_counts(
    participants: &[Participant],
    signatories: u32,
    parties: u32,
    label: &str,
) -> Result<(), ImportError> {
    let signed = participants
        .iter()
        .filter(|p| p.signature.is_some())
        .count();
    let consented = participants.iter().filter(|p| p.consent.is_some()).count();
    if signed != signatories as usize || consented != parties as usize {
        return Err(ImportError::new(
            ImportErrorKind::Truncated,
            label,
            format!(
                "the participants table lists {signed} signatures and {consented} ratifications, accessions or successions, \
                 but the header counts {signatories} signatories and {parties} parties"
            ),
        )
        .at("participants table"));
    }
    Ok(())
}

impl StatusPage {
    pub fn participant(&self, name: &str) -> Option<&Participant> {
        self.participants.iter().find(|p| p.name == name)
    }
}
