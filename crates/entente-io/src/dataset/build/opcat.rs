//! OPCAT events from the status page, and the cross-check of the
//! ratifications table's OPCAT rows against it.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use entente_core::{ConsentKind, EventKind, Iso3, TreatyEvent, TreatyId};

use super::{EventLog, PAGE, RATIFICATIONS, source_id};
use crate::error::{ImportError, ImportErrorKind};
use crate::names::StateMatcher;
use crate::ratifications::{Participation, Ratifications};
use crate::untc::StatusPage;

/// What the status page says of each state: (signature, consent).
pub(super) type OpcatFacts = BTreeMap<Iso3, (Option<NaiveDate>, Option<(NaiveDate, ConsentKind)>)>;

pub(super) fn opcat_events(
    page: &StatusPage,
    matcher: &StateMatcher,
    events: &mut EventLog,
) -> Result<OpcatFacts, ImportError> {
    let source = source_id(&TreatyId::opcat());
    let event = |state, kind, date, note: Option<String>| TreatyEvent {
        state,
        treaty: TreatyId::opcat(),
        kind,
        date,
        source: source.clone(),
        note,
    };
    let mut facts = OpcatFacts::new();
    for participant in &page.participants {
        let state = matcher.find(&participant.name).ok_or_else(|| {
            ImportError::new(
                ImportErrorKind::UnknownName,
                PAGE,
                format!("{:?} matches no known state", participant.name),
            )
            .at(participant.location.clone())
            .field("participant")
        })?;
        if let Some(signature) = participant.signature {
            let note = signature
                .by_succession
                .then(|| "succession to signature".to_owned());
            events.add(
                event(state, EventKind::Signature, signature.date, note),
                PAGE,
                &participant.location,
            )?;
        }
        if let Some(consent) = participant.consent {
            events.add(
                event(state, EventKind::Consent(consent.kind), consent.date, None),
                PAGE,
                &participant.location,
            )?;
        }
        facts.insert(
            state,
            (
                participant.signature.map(|s| s.date),
                participant.consent.map(|c| (c.date, c.kind)),
            ),
        );
    }
    for declaration in &page.declarations {
        let Some(art24) = declaration.art24 else {
            continue;
        };
        let location = format!("declaration of {}", declaration.participant);
        let state = matcher.find(&declaration.participant).ok_or_else(|| {
            ImportError::new(
                ImportErrorKind::UnknownName,
                PAGE,
                format!("{:?} matches no known state", declaration.participant),
            )
            .at(location.clone())
            .field("participant")
        })?;
        let kind = EventKind::Art24Declaration(art24.part);
        events.add(
            event(state, kind, art24.date, Some(declaration.text.clone())),
            PAGE,
            &location,
        )?;
    }
    Ok(facts)
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
