//! Builders the coordination tests share: actions, profiles and states
//! written in a line each.

use chrono::NaiveDate;

use super::{OrgProfile, PlannedAction};
use crate::Iso3;
use crate::access::{OrgId, OrgKind};
use crate::plan::{ActionId, ActionStatus, Audience, Level, Phase, Sector};

pub fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub fn iso(s: &str) -> Iso3 {
    s.parse().unwrap()
}

/// A planned national letter of `lead` to the legislature of France, undated.
pub fn action(id: i64, lead: i64) -> PlannedAction {
    PlannedAction {
        id: ActionId(id),
        lead: OrgId(lead),
        partners: Vec::new().into(),
        states: vec![iso("FRA")].into(),
        audiences: vec![Audience::Legislature].into(),
        action_type: "letter".into(),
        level: Level::National,
        phase: Phase::Ratification,
        start: None,
        end: None,
        due: None,
        status: ActionStatus::Planned,
    }
}

/// `action` from `start` to `end` (the start alone when `end` is empty).
pub fn dated(mut action: PlannedAction, start: &str, end: &str) -> PlannedAction {
    action.start = Some(d(start));
    action.end = (!end.is_empty()).then(|| d(end));
    action
}

/// A profile at `level` in `sectors`, with no area.
pub fn profile(id: i64, kind: OrgKind, level: Level, sectors: &[Sector]) -> OrgProfile {
    OrgProfile {
        id: OrgId(id),
        kind,
        level,
        sectors: sectors.to_vec(),
        states: Vec::new(),
        regions: Vec::new(),
    }
}

/// `code` on `as_of`, from its CAT and OPCAT events (kind, date), at its
/// stage since `since`.
pub fn state_at(
    code: &str,
    cat: &[(crate::EventKind, &str)],
    opcat: &[(crate::EventKind, &str)],
    since: &str,
    as_of: &str,
) -> super::StateAtStage {
    let events =
        |treaty: crate::TreatyId, list: &[(crate::EventKind, &str)]| -> Vec<crate::TreatyEvent> {
            list.iter()
                .map(|(kind, date)| crate::TreatyEvent {
                    state: iso(code),
                    treaty: treaty.clone(),
                    kind: *kind,
                    date: d(date),
                    source: "test".into(),
                    note: None,
                })
                .collect()
        };
    let (cat, opcat) = (
        events(crate::TreatyId::cat(), cat),
        events(crate::TreatyId::opcat(), opcat),
    );
    super::StateAtStage {
        state: iso(code),
        status: crate::opcat::derive(&cat, &opcat, d(as_of)),
        since: d(since),
    }
}
