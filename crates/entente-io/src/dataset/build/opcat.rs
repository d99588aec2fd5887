//! The cross-check of the ratifications table's OPCAT rows against the
//! OPCAT events read from the status page.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use entente_core::{ConsentKind, EventKind, Iso3, TreatyEvent, TreatyId};

use super::{PAGE, RATIFICATIONS};
use crate::ratifications::{Participation, Ratifications};

/// What the status page says of each state: (signature, consent).
pub(super) type OpcatFacts = BTreeMap<Iso3, (Option<NaiveDate>, Option<(NaiveDate, ConsentKind)>)>;

/// The signature and consent of each participant, from the page's OPCAT events.
pub(super) fn opcat_facts(page_events: &[TreatyEvent]) -> OpcatFacts {
    let mut facts = OpcatFacts::new();
    for event in page_events.iter().filter(|e| e.treaty == TreatyId::opcat()) {
        let (signature, consent) = facts.entry(event.state).or_default();
        match event.kind {
            EventKind::Signature => *signature = Some(event.date),
            EventKind::Consent(kind) => *consent = Some((event.date, kind)),
            _ => {}
        }
    }
    facts
}

/// The ratifications table's OPCAT rows against the status page, which wins.
pub(super) fn cross_check(page: &OpcatFacts, table: &Ratifications) -> Vec<String> {
    let rows: Vec<&Participation> = table
        .participations
        .iter()
        .filter(|p| p.treaty == TreatyId::opcat())
        .collect();
    let mut disagreements = Vec::new();
    for row in &rows {
        let here = format!("{RATIFICATIONS}: {}", row.location);
        let Some((signature, consent)) = page.get(&row.state) else {
            disagreements.push(format!(
                "{here}: {} is not a participant on the status page",
                row.state
            ));
            continue;
        };
        if row.signature != *signature {
            disagreements.push(format!(
                "{here}: signature {:?}, the status page {:?}",
                row.signature, signature
            ));
        }
        if row.consent != *consent {
            disagreements.push(format!(
                "{here}: consent {:?}, the status page {:?}",
                row.consent, consent
            ));
        }
    }
    for state in page.keys() {
        if !rows.iter().any(|r| r.state == *state) {
            disagreements.push(format!(
                "{PAGE}: {state} is a participant but has no OPCAT row in {RATIFICATIONS}"
            ));
        }
    }
    disagreements
}
