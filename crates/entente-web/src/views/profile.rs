//! A state's profile on one day: its standing under each core treaty, its
//! OPCAT stage and deadlines, and its OPCAT events with their sources.

use std::collections::HashMap;

use chrono::NaiveDate;
use entente_core::opcat::{self, Art27Violation, OpcatStatus};
use entente_core::{
    Art24Part, ConsentKind, EventKind, Participation, Source, Stage, State, Treaty, TreatyEvent,
    TreatyId, TreatyStatus,
};
use serde::Serialize;
use utoipa::ToSchema;

use super::{NamesView, SourceView, StateRef};

/// A state's standing under one treaty.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TreatyStanding {
    #[schema(value_type = String, example = "opcat")]
    pub treaty: TreatyId,
    /// `no_action`, `signatory`, `party` or `withdrawn`.
    #[schema(value_type = String, example = "party")]
    pub participation: Participation,
    pub signature: Option<NaiveDate>,
    /// Ratification, accession, succession, acceptance or approval.
    pub consent: Option<NaiveDate>,
    #[schema(value_type = Option<String>, example = "ratification")]
    pub consent_kind: Option<ConsentKind>,
    pub denunciation: Option<NaiveDate>,
}

impl TreatyStanding {
    pub fn new(treaty: TreatyId, status: &TreatyStatus) -> Self {
        TreatyStanding {
            treaty,
            participation: status.participation(),
            signature: status.signed,
            consent: status.consent.map(|(_, d)| d),
            consent_kind: status.consent.map(|(k, _)| k),
            denunciation: status.denounced,
        }
    }
}

/// What the OPCAT rules derive for the state.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OpcatView {
    #[schema(value_type = String, example = "npm_designated")]
    pub stage: Stage,
    /// 1 to 7, as numbered in the domain description.
    pub stage_number: u8,
    /// When OPCAT entered into force for the state (Art. 28).
    pub entry_into_force: Option<NaiveDate>,
    /// When the NPM is due (Art. 17, moved by an Art. 24 Part IV postponement).
    pub npm_due: Option<NaiveDate>,
    pub npm_overdue: bool,
    pub npm_designated: Option<NaiveDate>,
    /// `part_iii` or `part_iv` when an Art. 24 declaration postpones one.
    #[schema(value_type = Option<String>, example = "part_iv")]
    pub postponement: Option<Art24Part>,
    pub postponement_end: Option<NaiveDate>,
    /// Breaches of Art. 27 found in the data.
    #[schema(value_type = Vec<Object>)]
    pub art27_violations: Vec<Art27Violation>,
}

impl From<&OpcatStatus> for OpcatView {
    fn from(s: &OpcatStatus) -> Self {
        OpcatView {
            stage: s.stage,
            stage_number: s.stage.number(),
            entry_into_force: s.entry_into_force,
            npm_due: s.npm_due,
            npm_overdue: s.npm_overdue,
            npm_designated: s.npm_designated,
            postponement: s.postponement,
            postponement_end: s.postponement_end,
            art27_violations: s.violations.clone(),
        }
    }
}

/// A dated event with its source.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(as = TreatyEvent)]
pub struct EventView {
    #[schema(value_type = String, example = "opcat")]
    pub treaty: TreatyId,
    /// The event kind code, e.g. `signature`, `ratification`, `npm_designation`.
    #[schema(value_type = String, example = "ratification")]
    pub kind: EventKind,
    pub date: NaiveDate,
    /// The source's own words, when it adds any.
    pub note: Option<String>,
    /// The source; absent only if the dataset names a source it does not describe.
    pub source: Option<SourceView>,
}

/// Everything the state page and `GET /api/v1/states/{iso3}` show.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StateProfile {
    pub as_of: NaiveDate,
    #[serde(flatten)]
    pub state: StateRef,
    pub formal_names: NamesView,
    pub un_member: bool,
    /// The state's standing under each core instrument, in the UN's depositary
    /// order (by `mtdsg_no`, numerically: IV-2, IV-3, IV-3-a, …, IV-16).
    pub treaties: Vec<TreatyStanding>,
    pub opcat: OpcatView,
    /// The state's events up to `as_of`, oldest first.
    pub events: Vec<EventView>,
}

impl StateProfile {
    /// The profile from the state's own events (any treaty, any date).
    pub fn build(
        state: &State,
        treaties: &[Treaty],
        events: &[TreatyEvent],
        sources: &[Source],
        as_of: NaiveDate,
    ) -> StateProfile {
        let known: Vec<&TreatyEvent> = events
            .iter()
            .filter(|e| e.state == state.iso3 && e.known_on(as_of))
            .collect();
        let of = |id: &TreatyId| -> Vec<&TreatyEvent> {
            known.iter().copied().filter(|e| &e.treaty == id).collect()
        };
        let standings = treaties
            .iter()
            .map(|t| {
                TreatyStanding::new(t.id.clone(), &TreatyStatus::from_events(of(&t.id), as_of))
            })
            .collect();
        let status = opcat::derive(of(&TreatyId::cat()), of(&TreatyId::opcat()), as_of);
        let sources: HashMap<&str, &Source> = sources.iter().map(|s| (s.id.as_str(), s)).collect();
        let mut events: Vec<EventView> = known
            .iter()
            .map(|e| EventView {
                treaty: e.treaty.clone(),
                kind: e.kind,
                date: e.date,
                note: e.note.clone(),
                source: sources.get(e.source.as_str()).map(|s| SourceView::from(*s)),
            })
            .collect();
        events.sort_by_key(|e| (e.date, e.kind));
        StateProfile {
            as_of,
            state: state.into(),
            formal_names: (&state.formal_names).into(),
            un_member: state.un_member,
            treaties: standings,
            opcat: (&status).into(),
            events,
        }
    }

    pub fn opcat_events(&self) -> impl Iterator<Item = &EventView> {
        let opcat = TreatyId::opcat();
        self.events.iter().filter(move |e| e.treaty == opcat)
    }
}
