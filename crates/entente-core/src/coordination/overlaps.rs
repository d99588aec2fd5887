//! Overlaps: open actions of different organisations on the same state and
//! the same audience whose dates overlap or sit within a window of each
//! other, each an opportunity to act jointly or to agree a sequence.
//!
//! Two actions that share an organisation (as lead or partner) are not an
//! overlap: that organisation already coordinates them, and the board is
//! for what no one coordinates yet.
//!
//! Counting and ranking are apart. How many overlaps there are is counted
//! without meeting every pair (see `count`): a million actions overlap
//! about a hundred million times. The best ranked are found by a sweep of
//! each (state, audience) group sorted by start that keeps the actions
//! still ending within the window apart by class (level and sectors, which
//! make a pair's gain), and once it holds as many as asked, all closer than
//! a day, looks only at the classes whose pairs could still rank among
//! them.

use std::cmp::Reverse;

use chrono::Datelike;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::{PlannedAction, Profiles};
use crate::Iso3;
use crate::access::OrgId;
use crate::plan::{ActionId, Audience, Level};

mod best;
mod count;
use best::Best;
use count::{MOST_SETS, Sets};

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

/// The order of the board: closest in time, then greatest gain, then ids.
type Rank = (u32, Reverse<u32>, ActionId, ActionId);

impl Overlap {
    pub(super) fn rank(&self) -> Rank {
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
    find(actions, profiles, settings, MOST_SETS)
}

/// [`overlaps`], counting through their sets the actions that take part in
/// at most `most_sets` (see `count`); the others' pairs are met one by one.
pub(super) fn find(
    actions: &[PlannedAction],
    profiles: &Profiles,
    settings: OverlapSettings,
    most_sets: usize,
) -> Overlaps {
    let sets = Sets::new(actions);
    // Two halves of the states sorted, counted and swept side by side when
    // there are enough entries to pay for a thread.
    let (middle, sizes) = halves(actions, &sets);
    let ([left, right], classes) = entries(
        actions,
        profiles,
        settings.involving,
        &sets,
        most_sets,
        (middle, sizes),
    );
    let part = |mut entries: Vec<Entry>| {
        sort(&mut entries);
        let total = count::count(
            actions,
            &entries,
            &sets,
            settings.window_days,
            settings.involving.is_some(),
        );
        (total, sweep(actions, &entries, &classes, settings))
    };
    let (total, best) = if right.is_empty() {
        part(left)
    } else {
        std::thread::scope(|threads| {
            let other = threads.spawn(|| part(right));
            let (mut total, mut best) = part(left);
            let (more, found) = other
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            total += more;
            best.absorb(found);
            (total, best)
        })
    };
    best.into_overlaps(total)
}

/// Entries from which the work is split between two threads.
const PARALLEL_FROM: usize = 100_000;

/// The best ranked overlaps among `entries`, whole groups in group order.
fn sweep(
    actions: &[PlannedAction],
    entries: &[Entry],
    classes: &Classes,
    settings: OverlapSettings,
) -> Best {
    let mut best = Best::new(settings.limit);
    if settings.limit == Some(0) {
        return best;
    }
    let window = i64::from(settings.window_days);
    let focused = settings.involving.is_some();
    // The actions that may still meet a later one, by kind of pair and by
    // whether they are the organisation's (with `involving`, the
    // organisation's meet the others' and the others only the
    // organisation's; without, every entry is one of the others').
    let mut active: Vec<Vec<&Entry>> = vec![Vec::new(); classes.count() * 2];
    let mut used: Vec<usize> = Vec::new();
    for group in entries.chunk_by(|a, b| a.key() == b.key()) {
        for list in used.drain(..) {
            active[list].clear();
        }
        for later in group {
            let side = usize::from(focused && !later.focus);
            for &(gain, class) in classes.by_gain(later.class) {
                // Closest first: with as many kept as asked, all closer
                // than a day, a lower gain can no longer rank.
                if best
                    .bar()
                    .is_some_and(|(days, bar)| days == 0 && gain < bar)
                {
                    break;
                }
                let list = &mut active[usize::from(class) * 2 + side];
                list.retain(|earlier| {
                    let apart = i64::from(later.start) - i64::from(earlier.end);
                    if apart > window {
                        return false;
                    }
                    let rank = (
                        u32::try_from(apart.max(0)).unwrap_or(u32::MAX),
                        Reverse(gain),
                        earlier.id.min(later.id),
                        earlier.id.max(later.id),
                    );
                    if best.would_keep(&rank) && meets(actions, earlier, later) {
                        best.offer(overlap(earlier, later, gain));
                    }
                    true
                });
            }
            let own = usize::from(later.class) * 2 + usize::from(focused && later.focus);
            if active[own].is_empty() {
                used.push(own);
            }
            active[own].push(later);
        }
    }
    best
}

/// The classes of actions, by what a pair's gain depends on (level and
/// sectors), and for each, the classes by the gain of a pair with it,
/// greatest first.
struct Classes {
    by_gain: Vec<Vec<(u32, u16)>>,
}

impl Classes {
    fn new(classes: &[(Level, u32)]) -> Self {
        let by_gain = classes
            .iter()
            .map(|&(level, sectors)| {
                let mut others: Vec<(u32, u16)> = classes
                    .iter()
                    .enumerate()
                    .map(|(other, &(other_level, other_sectors))| {
                        let levels = if level == other_level { 0 } else { 2 };
                        let class = u16::try_from(other)
                            .expect("fewer classes than levels times sector sets");
                        (levels + (sectors ^ other_sectors).count_ones(), class)
                    })
                    .collect();
                others.sort_unstable_by_key(|&(gain, class)| (Reverse(gain), class));
                others
            })
            .collect();
        Classes { by_gain }
    }

    fn count(&self) -> usize {
        self.by_gain.len()
    }

    fn by_gain(&self, kind: u16) -> &[(u32, u16)] {
        &self.by_gain[usize::from(kind)]
    }
}

/// One (state, audience) of an open, dated action, with what the sweep
/// compares, so that it rarely has to read the action itself: small,
/// since a million actions make more than a million of them to sort.
struct Entry {
    state: Iso3,
    audience: Audience,
    /// Days since the common era.
    start: i32,
    end: i32,
    index: u32,
    id: ActionId,
    /// Its lead and first partner (the lead twice without partners).
    orgs: [OrgId; 2],
    /// It has more than one partner.
    more_orgs: bool,
    /// It names one state.
    one_state: bool,
    /// One of its organisations is the one the overlaps must involve.
    focus: bool,
    /// Its pairs are met one by one rather than counted through its sets.
    one_by_one: bool,
    /// The audiences it names, one bit per audience.
    audiences: u16,
    /// Its kind of action, as a number.
    kind: u16,
    /// Its class: its level and sectors, numbered, what the gain of a pair
    /// depends on.
    class: u16,
}

impl Entry {
    fn key(&self) -> (Iso3, Audience) {
        (self.state, self.audience)
    }
}

/// Every (state, audience) of every open, dated action, in no order (see
/// [`sort`]): those of states before `middle` (all without one), and the
/// others, each half made room for at once from the `sizes` of
/// [`halves`].
///
/// Also the classes of the actions (level and sectors), and with each
/// entry whether its pairs are met one by one: when its action takes part
/// in more than `most_sets` sets (see `count`).
fn entries(
    actions: &[PlannedAction],
    profiles: &Profiles,
    involving: Option<OrgId>,
    sets: &Sets,
    most_sets: usize,
    (middle, sizes): (Option<Iso3>, [usize; 2]),
) -> ([Vec<Entry>; 2], Classes) {
    let mut kinds: FxHashMap<&str, u16> = FxHashMap::default();
    let mut classes: FxHashMap<(Level, u32), u16> = FxHashMap::default();
    let mut masks = OrgMasks::new(profiles);
    let mut parts = sizes.map(Vec::with_capacity);
    for (index, action) in actions.iter().enumerate() {
        let Some((start, end)) = action.span().filter(|_| !action.status.is_closed()) else {
            continue;
        };
        let next_kind = u16::try_from(kinds.len()).expect("fewer kinds of action than 65,536");
        let kind = *kinds.entry(&*action.action_type).or_insert(next_kind);
        let sectors = action
            .organisations()
            .fold(0, |mask, org| mask | masks.of(org));
        let next_class =
            u16::try_from(classes.len()).expect("fewer classes than levels times sector sets");
        let class = *classes.entry((action.level, sectors)).or_insert(next_class);
        let one_by_one = !sets.counts(action, most_sets);
        let focus = involving.is_some_and(|org| action.organisations().any(|o| o == org));
        let audiences = action
            .audiences
            .iter()
            .fold(0u16, |mask, audience| mask | 1 << (*audience as u16));
        let index = u32::try_from(index).expect("fewer actions than 4,294,967,296");
        for state in &action.states {
            let half = usize::from(middle.is_some_and(|m| *state >= m));
            for audience in &action.audiences {
                parts[half].push(Entry {
                    state: *state,
                    audience: *audience,
                    start: start.num_days_from_ce(),
                    end: end.num_days_from_ce(),
                    index,
                    id: action.id,
                    orgs: [
                        action.lead,
                        *action.partners.first().unwrap_or(&action.lead),
                    ],
                    more_orgs: action.partners.len() > 1,
                    one_state: action.states.len() == 1,
                    audiences,
                    focus,
                    kind,
                    class,
                    one_by_one,
                });
            }
        }
    }
    let mut by_number = vec![(Level::National, 0); classes.len()];
    for (class, number) in classes {
        by_number[usize::from(number)] = class;
    }
    (parts, Classes::new(&by_number))
}

/// Grouped by (state, audience) and sorted by start, each once even when an
/// action names a state twice.
fn sort(entries: &mut Vec<Entry>) {
    entries.sort_unstable_by_key(|e| (e.state, e.audience, e.start, e.index));
    entries.dedup_by_key(|e| (e.state, e.audience, e.index));
}

/// How the entries of `actions` part into two halves of about the same
/// size: the state that starts the second half (`None` when there are too
/// few entries to pay for a second thread, and all are in the first), and
/// about how many entries each half holds.
fn halves(actions: &[PlannedAction], sets: &Sets) -> (Option<Iso3>, [usize; 2]) {
    let states = sets.states();
    let mut entries = vec![0usize; states.len()];
    for action in actions.iter().filter(|a| !a.status.is_closed()) {
        if action.span().is_none() {
            continue;
        }
        for state in &action.states {
            if let Ok(at) = states.binary_search(state) {
                entries[at] += action.audiences.len();
            }
        }
    }
    let total: usize = entries.iter().sum();
    if total < PARALLEL_FROM {
        return (None, [total, 0]);
    }
    let mut before = 0;
    let Some(at) = entries.iter().position(|&n| {
        before += n;
        before > total / 2
    }) else {
        return (None, [total, 0]);
    };
    let first = before - entries[at];
    (Some(states[at]), [first, total - first])
}

/// The sectors each organisation brings, one bit per sector (none without
/// a profile), worked out once per organisation.
struct OrgMasks<'a> {
    profiles: &'a Profiles,
    known: FxHashMap<OrgId, u32>,
}

impl<'a> OrgMasks<'a> {
    fn new(profiles: &'a Profiles) -> Self {
        OrgMasks {
            profiles,
            known: FxHashMap::default(),
        }
    }

    fn of(&mut self, org: OrgId) -> u32 {
        let profiles = self.profiles;
        *self.known.entry(org).or_insert_with(|| {
            profiles.get(&org).map_or(0, |profile| {
                profile
                    .sectors
                    .iter()
                    .fold(0, |mask, sector| mask | 1 << (*sector as u32))
            })
        })
    }
}

/// Whether two entries of one group (`earlier` starting first) make an
/// overlap here: their actions are of different organisations, and this is
/// the first group they share (lowest state, then lowest audience), so
/// that each pair is reported once.
fn meets(actions: &[PlannedAction], earlier: &Entry, later: &Entry) -> bool {
    let action = |entry: &Entry| &actions[entry.index as usize];
    let shared_org = if earlier.more_orgs || later.more_orgs {
        let b = action(later);
        action(earlier)
            .organisations()
            .any(|org| b.organisations().any(|o| o == org))
    } else {
        earlier.orgs.iter().any(|org| later.orgs.contains(org))
    };
    let first_audience = (earlier.audiences & later.audiences).trailing_zeros();
    !shared_org
        && first_audience == later.audience as u32
        && ((earlier.one_state && later.one_state)
            || first_shared(&action(earlier).states, &action(later).states) == Some(later.state))
}

/// The overlap of two entries that meet, `gain` apart (see [`Overlap::gain`]).
fn overlap(earlier: &Entry, later: &Entry, gain: u32) -> Overlap {
    let apart = (i64::from(later.start) - i64::from(earlier.end)).max(0);
    Overlap {
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
        gain,
    }
}

/// The lowest value both lists hold.
fn first_shared<T: Ord + Copy>(a: &[T], b: &[T]) -> Option<T> {
    a.iter().filter(|x| b.contains(x)).min().copied()
}

#[cfg(test)]
mod tests {
    use chrono::Days;

    use super::{OverlapSettings, PARALLEL_FROM, Sets, entries, find, halves, sort, sweep};
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
                a.states = vec![states[at % states.len()]].into();
                if i % 5 == 0 {
                    a.states.push(states[(at / 3) % states.len()]);
                }
                if i % 11 == 0 {
                    a.partners = vec![OrgId(i % 5 + 1)].into();
                }
                let start = d("2026-01-01") + Days::new(u64::try_from((i * 37) % 4_000).unwrap());
                a.start = Some(start);
                a.end = Some(start + Days::new(u64::try_from(i % 9).unwrap()));
                a
            })
            .collect();
        let profiles = Profiles::new();
        let sets = Sets::new(&actions);
        for involving in [None, Some(OrgId(3))] {
            let settings = OverlapSettings {
                window_days: 3,
                limit: Some(40),
                involving,
            };
            let (middle, sizes) = halves(&actions, &sets);
            assert!(middle.is_some());
            let (parts, _) = entries(&actions, &profiles, involving, &sets, 0, (middle, sizes));
            assert_eq!(
                parts.map(|part| part.len()),
                sizes,
                "the room made is the room used"
            );
            let ([mut all, none], classes) =
                entries(&actions, &profiles, involving, &sets, 0, (None, [0, 0]));
            assert!(none.is_empty());
            sort(&mut all);
            assert!(all.len() >= PARALLEL_FROM);
            // Every pair met one by one, in one thread: what the sweep of
            // old did, the reference for the count and the two halves.
            let one = sweep(
                &actions,
                &all,
                &classes,
                OverlapSettings {
                    limit: None,
                    ..settings
                },
            );
            let total = one.into_overlaps(0).ranked.len();
            assert!(total > 40, "{total}");
            let reference = sweep(&actions, &all, &classes, settings).into_overlaps(total);
            assert_eq!(find(&actions, &profiles, settings, 64), reference);
            assert_eq!(find(&actions, &profiles, settings, 0), reference);
        }
    }
}
