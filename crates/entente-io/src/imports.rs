//! One outside source turned into the treaty events it states and the
//! sources they cite, ready to be stored in one transaction: a UN Treaty
//! Collection status page, or the table of the 18 core instruments.
//!
//! `dataset::build` and `entente import` both go through here, so importing
//! the page the shipped dataset was built from yields the very same events,
//! citing the very same sources (`untc-opcat`, `untc-cat`, …).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use entente_core::{EventKind, Iso3, Source, State, Treaty, TreatyEvent, TreatyId};

use crate::error::{ImportError, ImportErrorKind};
use crate::names::StateMatcher;
use crate::ratifications::{self, Ratifications};
use crate::untc::{self, Participant, StatusPage};

pub use crate::ratifications::SkippedRow;

/// What one source says, checked and matched to known states, not yet stored.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportBatch {
    pub sources: Vec<Source>,
    pub events: Vec<TreatyEvent>,
    /// Rows or entries the source holds that are not dated events of a state, each with the reason.
    pub skipped: Vec<SkippedRow>,
    /// The day the source describes; every source of the batch carries it.
    pub as_of: NaiveDate,
}

/// The events of a saved status page of `treaty`. `as_of` is the day the
/// page describes; `None` takes the page's own "STATUS AS AT" day. Art. 24
/// postponements are read from the declarations for OPCAT only, the one
/// treaty whose Art. 24 allows them.
pub fn status_page(
    bytes: &[u8],
    label: &str,
    treaty: &Treaty,
    states: &[State],
    as_of: Option<NaiveDate>,
) -> Result<ImportBatch, ImportError> {
    let page = untc::parse_status_page(bytes, label)?;
    let as_of = as_of.or(page.as_at).ok_or_else(|| {
        ImportError::new(
            ImportErrorKind::MissingColumn,
            label,
            "the page prints no \"STATUS AS AT\" day; say which day it describes",
        )
        .at("status header")
        .field("STATUS AS AT")
    })?;
    page_events(&page, label, treaty, &StateMatcher::new(states), as_of)
}

/// The events of the 18-instrument table (CSV), read from the Treaty
/// Collection on `as_of`. OPCAT rows are skipped: the OPCAT status page is
/// its authority, and the table mislabels some of the depositary's suffixes.
pub fn ratifications(
    bytes: &[u8],
    label: &str,
    states: &[State],
    as_of: NaiveDate,
) -> Result<ImportBatch, ImportError> {
    let table = ratifications::parse(bytes, label, &StateMatcher::new(states))?;
    table_events(&table, label, as_of)
}

/// The id of the source that cites the Treaty Collection's status of `treaty`.
pub fn source_id(treaty: &TreatyId) -> String {
    format!("untc-{treaty}")
}

/// The Treaty Collection's status page of `treaty`, as read on `as_of`.
pub fn treaty_source(treaty: &Treaty, as_of: NaiveDate) -> Source {
    Source {
        id: source_id(&treaty.id),
        title: format!("Status of the {} ({})", treaty.name_en, treaty.mtdsg_no),
        publisher: "United Nations Treaty Collection".to_owned(),
        url: treaty.status_url.clone(),
        as_of,
    }
}

pub(crate) fn page_events(
    page: &StatusPage,
    label: &str,
    treaty: &Treaty,
    matcher: &StateMatcher,
    as_of: NaiveDate,
) -> Result<ImportBatch, ImportError> {
    check_treaty(page, label, treaty)?;
    let source = treaty_source(treaty, as_of);
    let event = |state, kind, date, note| TreatyEvent {
        state,
        treaty: treaty.id.clone(),
        kind,
        date,
        source: source.id.clone(),
        note,
    };
    let find = |name: &str, location: &str| {
        matcher.find(name).ok_or_else(|| {
            ImportError::new(
                ImportErrorKind::UnknownName,
                label,
                format!("{name:?} matches no known state"),
            )
            .at(location)
            .field("participant")
        })
    };
    let mut log = EventLog::default();
    for participant in &page.participants {
        let state = find(&participant.name, &participant.location)?;
        for (kind, date, note) in participant_facts(participant) {
            log.add(event(state, kind, date, note), label, &participant.location)?;
        }
    }
    if treaty.id == TreatyId::opcat() {
        for declaration in &page.declarations {
            let Some(art24) = declaration.art24 else {
                continue;
            };
            let location = format!("declaration of {}", declaration.participant);
            let state = find(&declaration.participant, &location)?;
            let kind = EventKind::Art24Declaration(art24.part);
            let note = Some(declaration.text.clone());
            log.add(event(state, kind, art24.date, note), label, &location)?;
        }
    }
    Ok(ImportBatch {
        sources: vec![source],
        events: log.events,
        skipped: undated_notifications(page, treaty),
        as_of,
    })
}

/// A page saved from the status of another treaty would file its facts under the wrong one.
fn check_treaty(page: &StatusPage, label: &str, treaty: &Treaty) -> Result<(), ImportError> {
    if let Some(number) = page.mtdsg_no.as_deref().filter(|n| *n != treaty.mtdsg_no) {
        return Err(ImportError::new(
            ImportErrorKind::BadValue,
            label,
            format!(
                "the page is the status of treaty {number}, not of {} ({})",
                treaty.id, treaty.mtdsg_no
            ),
        )
        .at("the page's address")
        .field("mtdsg_no"));
    }
    Ok(())
}

fn undated_notifications(page: &StatusPage, treaty: &Treaty) -> Vec<SkippedRow> {
    page.notifications
        .iter()
        .enumerate()
        .map(|(index, notification)| SkippedRow {
            location: format!("notifications entry {}", index + 1),
            name: notification.participant.clone(),
            treaty: treaty.id.to_string(),
            reason: "a notification the page does not date, so not a dated event".to_owned(),
        })
        .collect()
}

/// A participant's signature and consent, as event kind, date and note.
fn participant_facts(
    participant: &Participant,
) -> impl Iterator<Item = (EventKind, NaiveDate, Option<String>)> {
    let signature = participant.signature.map(|s| {
        let note = s
            .by_succession
            .then(|| "succession to signature".to_owned());
        (EventKind::Signature, s.date, note)
    });
    let consent = participant
        .consent
        .map(|c| (EventKind::Consent(c.kind), c.date, None));
    signature.into_iter().chain(consent)
}

pub(crate) fn table_events(
    table: &Ratifications,
    label: &str,
    as_of: NaiveDate,
) -> Result<ImportBatch, ImportError> {
    let mut log = EventLog::default();
    let mut skipped = table.skipped.clone();
    for participation in &table.participations {
        if participation.treaty == TreatyId::opcat() {
            skipped.push(SkippedRow {
                location: participation.location.clone(),
                name: participation.name.clone(),
                treaty: participation.treaty.to_string(),
                reason: "OPCAT comes from its status page (import status-page), which the table \
                         misreads in places"
                    .to_owned(),
            });
            continue;
        }
        for event in participation.events(&source_id(&participation.treaty)) {
            log.add(event, label, &participation.location)?;
        }
    }
    Ok(ImportBatch {
        sources: table
            .treaties
            .iter()
            .map(|t| treaty_source(t, as_of))
            .collect(),
        events: log.events,
        skipped,
        as_of,
    })
}

/// The events gathered so far, and where each came from, to report a second
/// event of the same kind for the same state and treaty as a duplicate.
#[derive(Default)]
pub(crate) struct EventLog {
    pub(crate) events: Vec<TreatyEvent>,
    origin: BTreeMap<(TreatyId, Iso3, EventKind), String>,
}

impl EventLog {
    pub(crate) fn add(
        &mut self,
        event: TreatyEvent,
        file: &str,
        location: &str,
    ) -> Result<(), ImportError> {
        let key = (event.treaty.clone(), event.state, event.kind);
        if let Some(earlier) = self.origin.get(&key) {
            return Err(ImportError::new(
                ImportErrorKind::Duplicate,
                file,
                format!(
                    "a second {} of {} by {}; the first comes from {earlier}",
                    event.kind, event.treaty, event.state
                ),
            )
            .at(location));
        }
        self.origin.insert(key, format!("{file}, {location}"));
        self.events.push(event);
        Ok(())
    }
}
