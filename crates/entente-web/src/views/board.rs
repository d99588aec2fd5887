//! The OPCAT board: every state's stage on one day, and what the dashboard
//! draws from it (counts per stage and per regional group, the number of
//! parties over time, overdue NPMs, Art. 27 violations).

use std::collections::HashMap;

use chrono::NaiveDate;
use entente_core::opcat::{self, OpcatStatus};
use entente_core::{EventKind, Iso3, RegionalGroup, Stage, State, TreatyEvent, TreatyId};
use serde::Serialize;
use utoipa::ToSchema;

use super::StateRef;

/// One state and its OPCAT status on the board's day.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(as = StateStage)]
pub struct BoardEntry {
    #[serde(flatten)]
    pub state: StateRef,
    /// The OPCAT stage code, e.g. `party_npm_pending`.
    #[schema(value_type = String, example = "npm_designated")]
    pub stage: Stage,
    /// The stage's number, 1 to 7.
    pub stage_number: u8,
    #[serde(skip)]
    pub status: OpcatStatus,
}

/// Every campaign state's OPCAT status on `as_of`, sorted by ISO code.
#[derive(Debug, Clone)]
pub struct Board {
    pub as_of: NaiveDate,
    pub entries: Vec<BoardEntry>,
}

/// The number of states at one stage.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StageCount {
    #[schema(value_type = String, example = "signatory")]
    pub stage: Stage,
    pub number: u8,
    pub count: usize,
}

/// Counts per stage for one regional group (or for states outside any).
#[derive(Debug, Clone)]
pub struct GroupRow<'a> {
    pub group: Option<RegionalGroup>,
    pub counts: Vec<usize>,
    pub entries: Vec<&'a BoardEntry>,
}

/// A day on which the number of parties changed, and the new number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
pub struct PartyStep {
    pub date: NaiveDate,
    pub parties: usize,
}

impl Board {
    /// The board from CAT and OPCAT events. A state is on it when it is a UN
    /// member or has any CAT/OPCAT event: territories with no treaty life of
    /// their own would otherwise swell stage 1.
    pub fn build(states: &[State], events: &[TreatyEvent], as_of: NaiveDate) -> Board {
        let (cat, opcat_id) = (TreatyId::cat(), TreatyId::opcat());
        let mut by_state: HashMap<Iso3, (Vec<&TreatyEvent>, Vec<&TreatyEvent>)> = HashMap::new();
        for event in events.iter().filter(|e| e.known_on(as_of)) {
            let slot = by_state.entry(event.state).or_default();
            if event.treaty == cat {
                slot.0.push(event);
            } else if event.treaty == opcat_id {
                slot.1.push(event);
            }
        }
        let mut entries: Vec<BoardEntry> = states
            .iter()
            .filter(|s| s.un_member || by_state.contains_key(&s.iso3))
            .map(|s| {
                let (cat_events, opcat_events) = by_state.get(&s.iso3).cloned().unwrap_or_default();
                let status = opcat::derive(
                    cat_events.iter().copied(),
                    opcat_events.iter().copied(),
                    as_of,
                );
                BoardEntry {
                    state: s.into(),
                    stage: status.stage,
                    stage_number: status.stage.number(),
                    status,
                }
            })
            .collect();
        entries.sort_by_key(|e| e.state.iso3);
        Board { as_of, entries }
    }

    #[cfg(test)]
    pub fn get(&self, iso3: Iso3) -> Option<&BoardEntry> {
        self.entries
            .binary_search_by_key(&iso3, |e| e.state.iso3)
            .ok()
            .map(|i| &self.entries[i])
    }

    pub fn stage_counts(&self) -> Vec<StageCount> {
        Stage::ALL
            .into_iter()
            .map(|stage| StageCount {
                stage,
                number: stage.number(),
                count: self.entries.iter().filter(|e| e.stage == stage).count(),
            })
            .collect()
    }

    pub fn parties(&self) -> usize {
        self.entries.iter().filter(|e| e.stage.is_party()).count()
    }

    pub fn signatories(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| e.stage == Stage::Signatory)
            .count()
    }

    /// One row per UN regional group, then one for states in none (if any).
    pub fn group_rows(&self) -> Vec<GroupRow<'_>> {
        let groups = RegionalGroup::ALL.into_iter().map(Some).chain([None]);
        groups
            .filter_map(|group| {
                let entries: Vec<&BoardEntry> = self
                    .entries
                    .iter()
                    .filter(|e| e.state.regional_group == group)
                    .collect();
                if group.is_none() && entries.is_empty() {
                    return None;
                }
                let counts = Stage::ALL
                    .iter()
                    .map(|s| entries.iter().filter(|e| e.stage == *s).count())
                    .collect();
                Some(GroupRow {
                    group,
                    counts,
                    entries,
                })
            })
            .collect()
    }

    /// Parties whose NPM is overdue, longest overdue first.
    pub fn overdue(&self) -> Vec<&BoardEntry> {
        let mut overdue: Vec<&BoardEntry> = self
            .entries
            .iter()
            .filter(|e| e.status.npm_overdue)
            .collect();
        overdue.sort_by_key(|e| (e.status.npm_due, e.state.iso3));
        overdue
    }

    pub fn violations(&self) -> Vec<&BoardEntry> {
        self.entries
            .iter()
            .filter(|e| !e.status.violations.is_empty())
            .collect()
    }
}

/// The number of OPCAT parties after each day it changed, up to `as_of`:
/// a consent adds a party, a denunciation removes it.
pub fn party_steps(opcat_events: &[TreatyEvent], as_of: NaiveDate) -> Vec<PartyStep> {
    let mut joined: HashMap<Iso3, NaiveDate> = HashMap::new();
    let mut left: HashMap<Iso3, NaiveDate> = HashMap::new();
    for e in opcat_events.iter().filter(|e| e.known_on(as_of)) {
        let slot = match e.kind {
            EventKind::Consent(_) => &mut joined,
            EventKind::Denunciation => &mut left,
            _ => continue,
        };
        let date = slot.entry(e.state).or_insert(e.date);
        *date = (*date).min(e.date);
    }
    let mut changes: Vec<(NaiveDate, i64)> = joined.values().map(|d| (*d, 1)).collect();
    changes.extend(
        left.iter()
            .filter(|(state, _)| joined.contains_key(*state))
            .map(|(_, d)| (*d, -1)),
    );
    changes.sort();
    let mut steps: Vec<PartyStep> = Vec::new();
    let mut parties: i64 = 0;
    for (date, delta) in changes {
        parties += delta;
        let parties = usize::try_from(parties).unwrap_or(0);
        match steps.last_mut() {
            Some(last) if last.date == date => last.parties = parties,
            _ => steps.push(PartyStep { date, parties }),
        }
    }
    steps
}

/// Whole months from `from` to `to` (0 when `to` is not later).
pub fn months_between(from: NaiveDate, to: NaiveDate) -> u32 {
    use chrono::Datelike;
    if to <= from {
        return 0;
    }
    let months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    let months = if to.day() < from.day() {
        months - 1
    } else {
        months
    };
    u32::try_from(months).unwrap_or(0)
}

#[cfg(test)]
mod tests;
