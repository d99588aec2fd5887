//! A state as the gap and deadline rules see it: its OPCAT status on the
//! day of the analysis, from [`crate::opcat::derive`], and the day it
//! reached its stage, read from the same events.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Iso3;
use crate::event::{EventKind, TreatyEvent};
use crate::opcat::{self, OpcatStatus, Stage};

/// OPCAT was opened for signature on 4 February 2003: the campaign's
/// first day, from which a state counts as waiting at the first stages.
pub const OPENED_FOR_SIGNATURE: NaiveDate = match NaiveDate::from_ymd_opt(2003, 2, 4) {
    Some(date) => date,
    None => panic!("valid date"),
};

/// One state, its OPCAT status and since when it has been at its stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateAtStage {
    pub state: Iso3,
    /// From [`crate::opcat::derive`] as of the day of the analysis.
    pub status: OpcatStatus,
    /// The day the state reached its current stage.
    pub since: NaiveDate,
}

impl StateAtStage {
    /// `state` on `as_of`, from its CAT and OPCAT events. It reached its
    /// stage on the day of the event that put it there: its CAT consent, its
    /// OPCAT signature or consent, the designation of its NPM, its first
    /// operation, its first assessment as meeting the criteria. A stage
    /// reached before OPCAT opened for signature (outside CAT, or a CAT
    /// party since before 2003) counts from that day.
    pub fn derive<'a>(
        state: Iso3,
        cat_events: impl IntoIterator<Item = &'a TreatyEvent>,
        opcat_events: impl IntoIterator<Item = &'a TreatyEvent> + Clone,
        as_of: NaiveDate,
    ) -> Self {
        let status = opcat::derive(cat_events, opcat_events.clone(), as_of);
        let first = |kind: EventKind| {
            opcat_events
                .clone()
                .into_iter()
                .filter(|e| e.kind == kind && e.known_on(as_of))
                .map(|e| e.date)
                .min()
        };
        let reached = match status.stage {
            Stage::NotCatParty => status.cat.denounced,
            Stage::CatPartyNotSigned => status.cat.consent.map(|(_, date)| date),
            Stage::Signatory => status.opcat.signed,
            Stage::PartyNpmPending => status.opcat.consent.map(|(_, date)| date),
            Stage::NpmDesignated => status.npm_designated,
            Stage::NpmOperating => first(EventKind::NpmOperation),
            Stage::NpmMeetsCriteria => first(EventKind::NpmMeetsCriteria),
        };
        StateAtStage {
            state,
            since: reached.map_or(OPENED_FOR_SIGNATURE, |date| date.max(OPENED_FOR_SIGNATURE)),
            status,
        }
    }
}
