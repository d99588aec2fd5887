//! Gaps: what the playbook calls for at a state's stage and nobody plans in
//! the coming months, and pressure that is lopsided (only international,
//! only national, one sector). Ranked so the most urgent come first:
//! overdue obligations, then the states stuck longest at their stage.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{PlannedAction, Play, Playbook, Profiles, StateAtStage};
use crate::Iso3;
use crate::opcat::Stage;
use crate::plan::{ActionStatus, Audience, Level, Sector};

/// How far ahead planned work counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GapSettings {
    /// Months from the day of the analysis; an action counts when some of
    /// its days fall between that day and the end of the horizon.
    pub horizon_months: u32,
}

impl Default for GapSettings {
    fn default() -> Self {
        GapSettings { horizon_months: 6 }
    }
}

/// What is missing on a state.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum GapKind {
    /// The play calls for this kind of action and none is planned or under
    /// way in the horizon.
    MissingAction { action_type: String },
    /// The play names this audience and no planned or under-way action
    /// seeks to move it in the horizon.
    UntouchedAudience { audience: Audience },
    /// Every organisation acting on the state works at the international or
    /// regional level: no national partner.
    NoNationalPartner,
    /// Every organisation acting on the state works at the national level:
    /// no international leverage.
    NoInternationalLeverage,
    /// Every organisation acting on the state whose sectors are known works
    /// in this one sector.
    OneSectorOnly { sector: Sector },
}

/// How much a gap weighs, least first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Low,
    Medium,
    High,
}

/// One gap on one state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    pub state: Iso3,
    pub stage: Stage,
    /// The day the state reached its stage.
    pub since: NaiveDate,
    /// Its NPM is past its Art. 17 due date (moved by any Art. 24
    /// postponement).
    pub npm_overdue: bool,
    pub kind: GapKind,
    pub severity: Severity,
}

/// The gaps of `states` as of `as_of`, given the actions planned on them:
/// overdue NPMs first, then the states at their stage the longest, then
/// the most severe, then by state and kind.
pub fn gaps(
    states: &[StateAtStage],
    actions: &[PlannedAction],
    profiles: &Profiles,
    playbook: &Playbook,
    as_of: NaiveDate,
    settings: GapSettings,
) -> Vec<Gap> {
    let horizon_end = as_of
        .checked_add_months(Months::new(settings.horizon_months))
        .unwrap_or(NaiveDate::MAX);
    let mut on_state: HashMap<Iso3, Vec<&PlannedAction>> = HashMap::new();
    for action in actions
        .iter()
        .filter(|a| counts_in_horizon(a, as_of, horizon_end))
    {
        for state in action.states.iter().collect::<BTreeSet<_>>() {
            on_state.entry(*state).or_default().push(action);
        }
    }
    let mut found = Vec::new();
    for state in states {
        let planned = on_state.get(&state.state).map_or(&[][..], Vec::as_slice);
        let overdue = state.status.npm_overdue;
        let gap = |kind: GapKind, severity: Severity| Gap {
            state: state.state,
            stage: state.status.stage,
            since: state.since,
            npm_overdue: overdue,
            kind,
            severity,
        };
        if let Some(play) = playbook.play(state.status.stage, overdue) {
            let years = years_between(state.since, as_of);
            for (kind, severity) in missing(play, planned, overdue, years) {
                found.push(gap(kind, severity));
            }
        }
        for (kind, severity) in lopsided(planned, profiles, overdue) {
            found.push(gap(kind, severity));
        }
    }
    found.sort_by(|a, b| {
        let key = |g: &Gap| {
            (
                Reverse(g.npm_overdue),
                g.since,
                Reverse(g.severity),
                g.state,
            )
        };
        key(a).cmp(&key(b)).then_with(|| a.kind.cmp(&b.kind))
    });
    found
}

/// Planned or under way, and at work between `from` and `to`: some of its
/// days fall in them, or it is under way since before `to` with no end.
fn counts_in_horizon(action: &PlannedAction, from: NaiveDate, to: NaiveDate) -> bool {
    if !action.is_committed() {
        return false;
    }
    let ongoing = action.status == ActionStatus::UnderWay
        && action.end.is_none()
        && action.start.is_some_and(|start| start <= to);
    ongoing
        || action
            .span()
            .is_some_and(|(start, end)| start <= to && end >= from)
}

/// The kinds of action and the audiences of `play` that no action covers,
/// each as severe as [`play_severity`] says; an untouched audience other
/// than the play's first weighs one step less.
fn missing(
    play: &Play,
    planned: &[&PlannedAction],
    overdue: bool,
    years_at_stage: u32,
) -> Vec<(GapKind, Severity)> {
    let uncovered: Vec<&String> = play
        .action_types
        .iter()
        .filter(|code| !planned.iter().any(|a| &*a.action_type == code.as_str()))
        .collect();
    let severity = play_severity(
        overdue,
        years_at_stage,
        uncovered.len(),
        play.action_types.len(),
    );
    let mut found: Vec<(GapKind, Severity)> = uncovered
        .into_iter()
        .map(|code| {
            let kind = GapKind::MissingAction {
                action_type: code.clone(),
            };
            (kind, severity)
        })
        .collect();
    for (rank, audience) in play.audiences.iter().enumerate() {
        if !planned.iter().any(|a| a.audiences.contains(audience)) {
            let weight = if rank == 0 {
                severity
            } else {
                severity.lighter()
            };
            found.push((
                GapKind::UntouchedAudience {
                    audience: *audience,
                },
                weight,
            ));
        }
    }
    found
}

/// Years a state has stood at its stage (whole years, 0 before `since`).
fn years_between(since: NaiveDate, as_of: NaiveDate) -> u32 {
    as_of.years_since(since).unwrap_or(0)
}

/// How long at its stage counts as stuck, in years, and as stuck for long.
const STUCK_YEARS: u32 = 5;
const LONG_STUCK_YEARS: u32 = 10;

/// How much the missing work of a play weighs on a state. An overdue
/// obligation (the NPM past its Art. 17 due date) is high. Otherwise a
/// point each for: at the stage five years or more, ten years or more,
/// more than half of the recommended kinds uncovered, all of them
/// uncovered; three points or more is medium, fewer low. So a state left
/// alone for years is medium, a state that reached its stage lately or
/// whose play is mostly covered is low, and high is kept for what is
/// overdue.
pub fn play_severity(
    overdue: bool,
    years_at_stage: u32,
    uncovered: usize,
    recommended: usize,
) -> Severity {
    if overdue {
        return Severity::High;
    }
    let points = u8::from(years_at_stage >= STUCK_YEARS)
        + u8::from(years_at_stage >= LONG_STUCK_YEARS)
        + u8::from(uncovered * 2 > recommended)
        + u8::from(recommended > 0 && uncovered == recommended);
    if points >= 3 {
        Severity::Medium
    } else {
        Severity::Low
    }
}

impl Severity {
    /// One step less, low staying low.
    pub fn lighter(self) -> Severity {
        match self {
            Severity::High => Severity::Medium,
            Severity::Medium | Severity::Low => Severity::Low,
        }
    }
}

/// Pressure from one side only, or from one sector only, among the
/// organisations of `planned`. An organisation counts at its profile's
/// level, or at its action's when it has no profile. Nothing when nothing
/// is planned: the missing kinds already say so.
fn lopsided(
    planned: &[&PlannedAction],
    profiles: &Profiles,
    overdue: bool,
) -> Vec<(GapKind, Severity)> {
    let mut levels = BTreeSet::new();
    let mut sectors = BTreeSet::new();
    for action in planned {
        for org in action.organisations() {
            match profiles.get(&org) {
                Some(profile) => {
                    levels.insert(profile.level);
                    sectors.extend(profile.sectors.iter().copied());
                }
                None => {
                    levels.insert(action.level);
                }
            }
        }
    }
    let pressure = if overdue {
        Severity::High
    } else {
        Severity::Medium
    };
    let mut found = Vec::new();
    let national = levels.contains(&Level::National);
    if !levels.is_empty() && !national {
        found.push((GapKind::NoNationalPartner, pressure));
    }
    if national && levels.len() == 1 {
        found.push((GapKind::NoInternationalLeverage, pressure));
    }
    if let [sector] = sectors.into_iter().collect::<Vec<_>>()[..] {
        found.push((GapKind::OneSectorOnly { sector }, Severity::Low));
    }
    found
}

/// The worst severity of each state's gaps: what the gap map colours.
/// States without a gap are absent.
pub fn severity_by_state(gaps: &[Gap]) -> BTreeMap<Iso3, Severity> {
    let mut worst: BTreeMap<Iso3, Severity> = BTreeMap::new();
    for gap in gaps {
        let entry = worst.entry(gap.state).or_insert(gap.severity);
        *entry = (*entry).max(gap.severity);
    }
    worst
}
