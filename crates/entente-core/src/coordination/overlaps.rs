//! Overlaps: open actions of different organisations on the same state and
//! the same audience whose dates overlap or sit within a window of each
//! other, each an opportunity to act jointly or to agree a sequence.
//!
//! Two actions that share an organisation (as lead or partner) are not an
//! overlap: that organisation already coordinates them, and the board is
//! for what no one coordinates yet.
//!
//! The search groups the (state, audience) pairs of every open, dated
//! action, sorts each group by start and sweeps it, keeping only the
//! actions that still end within the window of the current start: about
//! O(n log n) plus the pairs it meets, never all pairs.

use std::cmp::Reverse;
use std::collections::HashMap;

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use super::{PlannedAction, Profiles};
use crate::Iso3;
use crate::access::OrgId;
use crate::plan::{ActionId, Audience, Level};

mod best;
use best::Best;

/// How close two actions must be to count as an overlap, and how many of
/// the best to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverlapSettings {
    /// Days between the end of one and the start of the other; 0 means
    /// their dates must share at least one day.
    pub window_days: u32,
    /// Keep only this many, the best ranked; all when `None`. A large
    /// instance has millions of overlaps: a board shows the best.
    pub limit: Option<usize>,
    /// Only the overlaps of this organisation's actions with others': what
    /// concerns one member, found without going through every pair.
    pub involving: Option<OrgId>,
}

impl Default for OverlapSettings {
    /// A 30-day window, every overlap of every organisation kept.
    fn default() -> Self {
        OverlapSettings {
            window_days: 30,
            limit: None,
            involving: None,
        }
    }
}

/// What two overlapping actions could become.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Opportunity {
    /// The same kind of action: one joint action instead of two.
    JointAction,
    /// Different kinds: an order to agree so that each prepares the next.
    Sequence,
}

/// Two actions of different organisations that could be coordinated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overlap {
    /// The lower id of the two.
    pub first: ActionId,
    pub second: ActionId,
    /// The first state both target, in code order; they may share more,
    /// which the two actions themselves tell.
    pub state: Iso3,
    /// The first audience both target, in the vocabulary's order.
    pub audience: Audience,
    pub opportunity: Opportunity,
    /// Days between the end of the earlier and the start of the later; 0
    /// when their dates share a day.
    pub days_apart: u32,
    /// What each would gain from the other: 2 when they act at different
    /// levels (national and international pressure combined), plus 1 for
    /// each sector the organisations of one bring and those of the other
    /// lack (from their profiles; an organisation without one brings none).
    pub gain: u32,
}

impl Overlap {
    /// The order of the board: closest in time, then greatest gain, then ids.
    pub(super) fn rank(&self) -> (u32, Reverse<u32>, ActionId, ActionId) {
        (self.days_apart, Reverse(self.gain), self.first, self.second)
    }
}

/// All the overlaps found, and the best of them in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overlaps {
    /// How many there are in all, kept or not.
    pub total: usize,
    /// The best ranked ones (all of them without a limit): closest in time
    /// first, then greatest gain, then by ids.
    pub ranked: Vec<Overlap>,
}

/// The overlaps among `actions`. Done or cancelled actions and actions
/// with no date (see [`PlannedAction::span`]) take no part.
pub fn overlaps(
    actions: &[PlannedAction],
    profiles: &Profiles,
    settings: OverlapSettings,
) -> Overlaps {
    let entries = entries(actions, profiles, settings.involving);
    // Two halves of the groups swept side by side when there are enough
    // entries to pay for a thread (a million actions meet about a hundred
    // million times).
    let half = entries.len() / 2;
    let split = if entries.len() >= PARALLEL_FROM {
        (half..entries.len())
            .find(|&i| entries[i].key() != entries[i - 1].key())
            .unwrap_or(entries.len())
    } else {
        entries.len()
    };
    let (left, right) = entries.split_at(split);
    let best = if right.is_empty() {
        sweep(actions, left, settings)
    } else {
        std::thread::scope(|threads| {
            let other = threads.spawn(|| sweep(actions, right, settings));
            let mut best = sweep(actions, left, settings);
            best.absorb(
                other
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
            best
        })
    };
    best.into_overlaps()
}

/// Entries from which the sweep is split between two threads.
const PARALLEL_FROM: usize = 100_000;

/// The overlaps among `entries`, whole groups in group order.
fn sweep(actions: &[PlannedAction], entries: &[Entry], settings: OverlapSettings) -> Best {
    let window = i64::from(settings.window_days);
    let focused = settings.involving.is_some();
    let mut best = Best::new(settings.limit);
    // Without `involving`, every entry is in `others` and meets them all;
    // with it, the organisation's entries meet the others' and the others
    // meet only the organisation's.
    let mut focus: Vec<&Entry> = Vec::new();
    let mut others: Vec<&Entry> = Vec::new();
    for group in entries.chunk_by(|a, b| a.key() == b.key()) {
        focus.clear();
        others.clear();
        for later in group {
            let meets_focus = focused && !later.focus;
            // One pass over each list drops those that ended too long
            // before and meets the rest.
            for (list, meet) in [(&mut focus, meets_focus), (&mut others, !meets_focus)] {
                list.retain(|earlier| {
                    let near = i64::from(later.start) - i64::from(earlier.end) <= window;
                    if near && meet {
                        if let Some(overlap) = overlap(actions, earlier, later) {
                            best.offer(overlap);
                        }
                    }
                    near
                });
            }
            if later.focus {
                focus.push(later);
            } else {
                others.push(later);
            }
        }
    }
    best
}

/// One (state, audience) of an open, dated action, with what the sweep
/// compares, so that it rarely has to read the action itself.
struct Entry {
    state: Iso3,
    audience: Audience,
    /// Days since the common era.
    start: i32,
    end: i32,
    index: usize,
    id: ActionId,
    /// Its lead and first partner, and whether it has more partners.
    orgs: [Option<OrgId>; 2],
    more_orgs: bool,
    /// It names one state.
    one_state: bool,
    /// The audiences it names, one bit per audience.
    audiences: u32,
    /// One of its organisations is the one the overlaps must involve.
    focus: bool,
    /// Its kind of action, as a number.
    kind: usize,
    level: Level,
    /// The sectors its organisations bring, one bit per sector.
    sectors: u32,
}

impl Entry {
    fn key(&self) -> (Iso3, Audience) {
        (self.state, self.audience)
    }
}

/// Every (state, audience) of every open, dated action, grouped and sorted
/// by start, each once even when an action names a state twice.
fn entries(actions: &[PlannedAction], profiles: &Profiles, involving: Option<OrgId>) -> Vec<Entry> {
    let mut kinds: HashMap<&str, usize> = HashMap::new();
    let mut entries = Vec::new();
    for (index, action) in actions.iter().enumerate() {
        let Some((start, end)) = action.span().filter(|_| !action.status.is_closed()) else {
            continue;
        };
        let next_kind = kinds.len();
        let kind = *kinds
            .entry(action.action_type.as_str())
            .or_insert(next_kind);
        let sectors = sector_mask(action, profiles);
        let focus = involving.is_some_and(|org| action.organisations().any(|o| o == org));
        let audiences = action
            .audiences
            .iter()
            .fold(0, |mask, audience| mask | 1 << (*audience as u32));
        for state in &action.states {
            for audience in &action.audiences {
                entries.push(Entry {
                    state: *state,
                    audience: *audience,
                    start: start.num_days_from_ce(),
                    end: end.num_days_from_ce(),
                    index,
                    id: action.id,
                    orgs: [Some(action.lead), action.partners.first().copied()],
                    more_orgs: action.partners.len() > 1,
                    one_state: action.states.len() == 1,
                    audiences,
                    focus,
                    kind,
                    level: action.level,
                    sectors,
                });
            }
        }
    }
    entries.sort_unstable_by_key(|e| (e.state, e.audience, e.start, e.index));
    entries.dedup_by_key(|e| (e.state, e.audience, e.index));
    entries
}

/// The sectors the organisations of `action` bring, one bit per sector.
fn sector_mask(action: &PlannedAction, profiles: &Profiles) -> u32 {
    action
        .organisations()
        .filter_map(|org| profiles.get(&org))
        .flat_map(|profile| &profile.sectors)
        .fold(0, |mask, sector| mask | 1 << (*sector as u32))
}

/// The overlap of two entries of one group (`earlier` starting first), if
/// their actions are of different organisations and this is the first
/// group they share (lowest state, then lowest audience), so that each
/// pair is reported once.
fn overlap(actions: &[PlannedAction], earlier: &Entry, later: &Entry) -> Option<Overlap> {
    let (a, b) = (&actions[earlier.index], &actions[later.index]);
    let shared_org = if earlier.more_orgs || later.more_orgs {
        a.organisations()
            .any(|org| b.organisations().any(|o| o == org))
    } else {
        earlier
            .orgs
            .iter()
            .flatten()
            .any(|org| later.orgs.contains(&Some(*org)))
    };
    let first_audience = (earlier.audiences & later.audiences).trailing_zeros();
    let first_group = || {
        first_audience == later.audience as u32
            && ((earlier.one_state && later.one_state)
                || first_shared(&a.states, &b.states) == Some(later.state))
    };
    if shared_org || !first_group() {
        return None;
    }
    let apart = (i64::from(later.start) - i64::from(earlier.end)).max(0);
    let levels = if earlier.level == later.level { 0 } else { 2 };
    Some(Overlap {
        first: earlier.id.min(later.id),
        second: earlier.id.max(later.id),
        state: later.state,
        audience: later.audience,
        opportunity: if earlier.kind == later.kind {
            Opportunity::JointAction
        } else {
            Opportunity::Sequence
        },
        days_apart: u32::try_from(apart).unwrap_or(u32::MAX),
        gain: levels + (earlier.sectors ^ later.sectors).count_ones(),
    })
}

/// The lowest value both lists hold.
fn first_shared<T: Ord + Copy>(a: &[T], b: &[T]) -> Option<T> {
    a.iter().filter(|x| b.contains(x)).min().copied()
}

#[cfg(test)]
mod tests {
    use chrono::Days;

    use super::{OverlapSettings, PARALLEL_FROM, entries, overlaps, sweep};
    use crate::access::OrgId;
    use crate::coordination::tests_support::{action, d, iso};
    use crate::coordination::{PlannedAction, Profiles};

    #[test]
    fn the_two_halves_find_what_one_sweep_finds() {
        let states: Vec<_> = (0..26u8)
            .flat_map(|a| (0..8u8).map(move |b| [b'A' + a, b'A' + b, b'X']))
            .map(|code| iso(std::str::from_utf8(&code).unwrap()))
            .collect();
        let actions: Vec<PlannedAction> = (0..PARALLEL_FROM as i64 + 5_000)
            .map(|i| {
                let mut a = action(i, i % 7);
                let at = usize::try_from(i).unwrap();
                a.states = vec![states[at % states.len()]];
                if i % 5 == 0 {
                    a.states.push(states[(at / 3) % states.len()]);
                }
                if i % 11 == 0 {
                    a.partners = vec![OrgId(i % 5 + 1)];
                }
                let start = d("2026-01-01") + Days::new(u64::try_from((i * 37) % 4_000).unwrap());
                a.start = Some(start);
                a.end = Some(start + Days::new(u64::try_from(i % 9).unwrap()));
                a
            })
            .collect();
        let profiles = Profiles::new();
        let settings = OverlapSettings {
            window_days: 3,
            limit: Some(40),
            involving: None,
        };
        let all = entries(&actions, &profiles, None);
        assert!(all.len() >= PARALLEL_FROM);
        let one = sweep(&actions, &all, settings).into_overlaps();
        assert!(one.total > 40, "{}", one.total);
        assert_eq!(overlaps(&actions, &profiles, settings), one);
        let involving = OverlapSettings {
            involving: Some(OrgId(3)),
            ..settings
        };
        let all = entries(&actions, &profiles, Some(OrgId(3)));
        let one = sweep(&actions, &all, involving).into_overlaps();
        assert_eq!(overlaps(&actions, &profiles, involving), one);
    }
}
