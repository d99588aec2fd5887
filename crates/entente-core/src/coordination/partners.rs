//! Partners: for one organisation and a state or a UN regional group, the
//! organisations already working there that bring another level or other
//! sectors and share no alliance with it yet, ranked, each with its
//! reasons as data for the board to word in the reader's language.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{OrgProfile, PlannedAction, Profiles};
use crate::access::{AllianceId, OrgId};
use crate::plan::{Level, Sector};
use crate::{Iso3, RegionalGroup};

/// Where partners are sought.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", content = "code", rename_all = "snake_case")]
pub enum Place {
    State(Iso3),
    Region(RegionalGroup),
}

/// Why an organisation is suggested.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum PartnerReason {
    /// It leads or takes part in this many open actions there.
    ActsThere { actions: usize },
    /// Its profile names the state, or for a region one of its states.
    WorksThere,
    /// Its profile names the region as a whole (the state's, for a state).
    WorksInRegion { region: RegionalGroup },
    /// It works at another level than the organisation.
    OtherLevel { level: Level },
    /// The sectors it works in and the organisation does not.
    NewSectors { sectors: Vec<Sector> },
}

/// An organisation worth approaching.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerSuggestion {
    pub org: OrgId,
    /// Acting there weighs 3, plus 1 per open action up to 5 more; naming
    /// the state 2, its region 1; another level 3 (national and
    /// international pressure combined is what tips the balance); each new
    /// sector 2.
    pub score: u32,
    /// Where it works first, then what it brings.
    pub reasons: Vec<PartnerReason>,
}

/// The partners `org` could seek at `place`, best first (then by id).
/// Organisations with no entry in `profiles` are not suggested: their
/// level and sectors are unknown. `groups` gives each state's regional
/// group.
pub fn partners(
    org: &OrgProfile,
    place: Place,
    actions: &[PlannedAction],
    profiles: &Profiles,
    alliances: &BTreeMap<AllianceId, BTreeSet<OrgId>>,
    groups: &BTreeMap<Iso3, RegionalGroup>,
) -> Vec<PartnerSuggestion> {
    let allied: BTreeSet<OrgId> = alliances
        .values()
        .filter(|members| members.contains(&org.id))
        .flatten()
        .copied()
        .collect();
    let in_place = |state: &Iso3| match place {
        Place::State(code) => *state == code,
        Place::Region(region) => groups.get(state) == Some(&region),
    };
    let mut acting: BTreeMap<OrgId, usize> = BTreeMap::new();
    for action in actions.iter().filter(|a| !a.status.is_closed()) {
        if action.states.iter().any(in_place) {
            for member in action.organisations().collect::<BTreeSet<_>>() {
                *acting.entry(member).or_default() += 1;
            }
        }
    }
    let mut found: Vec<PartnerSuggestion> = profiles
        .values()
        .filter(|candidate| candidate.id != org.id && !allied.contains(&candidate.id))
        .filter_map(|candidate| {
            let actions = acting.get(&candidate.id).copied().unwrap_or(0);
            suggestion(org, candidate, actions, place, groups)
        })
        .collect();
    found.sort_by_key(|s| (std::cmp::Reverse(s.score), s.org));
    found
}

/// `candidate` as a partner of `org`, if it works at `place` and brings
/// another level or a sector `org` lacks.
fn suggestion(
    org: &OrgProfile,
    candidate: &OrgProfile,
    actions: usize,
    place: Place,
    groups: &BTreeMap<Iso3, RegionalGroup>,
) -> Option<PartnerSuggestion> {
    let mut reasons = Vec::new();
    let mut score = 0;
    if actions > 0 {
        reasons.push(PartnerReason::ActsThere { actions });
        score += 3 + u32::try_from(actions.min(5)).unwrap_or(5);
    }
    let (names_state, region) = match place {
        Place::State(code) => (candidate.states.contains(&code), groups.get(&code).copied()),
        Place::Region(region) => (
            candidate
                .states
                .iter()
                .any(|s| groups.get(s) == Some(&region)),
            Some(region),
        ),
    };
    if names_state {
        reasons.push(PartnerReason::WorksThere);
        score += 2;
    }
    if let Some(region) = region.filter(|r| candidate.regions.contains(r)) {
        reasons.push(PartnerReason::WorksInRegion { region });
        score += 1;
    }
    if reasons.is_empty() {
        return None;
    }
    let brings = score;
    if candidate.level != org.level {
        reasons.push(PartnerReason::OtherLevel {
            level: candidate.level,
        });
        score += 3;
    }
    let sectors: BTreeSet<Sector> = candidate
        .sectors
        .iter()
        .filter(|s| !org.sectors.contains(s))
        .copied()
        .collect();
    if !sectors.is_empty() {
        score += 2 * u32::try_from(sectors.len()).unwrap_or(u32::MAX / 4);
        reasons.push(PartnerReason::NewSectors {
            sectors: sectors.into_iter().collect(),
        });
    }
    (score > brings).then_some(PartnerSuggestion {
        org: candidate.id,
        score,
        reasons,
    })
}
