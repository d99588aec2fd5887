//! How many overlaps there are, counted without meeting every pair.
//!
//! A million actions on the same states and audiences over a few years
//! overlap about a hundred million times: counting them one by one grows
//! with the square of the actions per state. Instead, for a set of
//! intervals sorted by start, the pairs within the window are counted at
//! once: the i-th interval (by start) is near every earlier one except
//! those that ended more than the window before it starts, and those are
//! counted from the ends sorted apart.
//!
//! An overlap needs more than near dates: a shared state, a shared
//! audience, and no shared organisation. Inclusion and exclusion turn that
//! into counts over sets of actions: with T a non-empty set of states, U a
//! non-empty set of audiences and V any set of organisations, the number
//! of overlaps is the sum over every (T, U, V) of (-1)^(|T|+|U|+|V|) times
//! the near pairs among the actions that name all of T, all of U and have
//! all of V among their organisations. Each action takes part in
//! (2^|states| - 1)(2^|audiences| - 1)2^|organisations| such sets, so the
//! count is a sort of a few entries per action.
//!
//! An action with many states, audiences or organisations would take part
//! in too many sets: the pairs it is in are met one by one instead, by a
//! sweep that only looks at pairs with such an action on one side.

use super::{Entry, meets};
use crate::coordination::PlannedAction;
use crate::{Iso3, plan::Audience};

/// The most sets an action takes part in before its pairs are met one by
/// one instead.
pub(super) const MOST_SETS: usize = 64;

/// How the sets of one action are numbered, or `None` when it must be
/// met pair by pair: at most two states, four organisations, and
/// [`MOST_SETS`] sets in all.
pub(super) struct Sets {
    states: Vec<Iso3>,
    orgs: Vec<i64>,
}

/// Bits of a set's number: the organisations (4 × 24 bits), the audiences
/// (one bit each), the second state (16 bits). The first state is the part
/// being counted.
const ORG_BITS: u32 = 24;
const MOST_ORGS: usize = 4;
const AUDIENCE_SHIFT: u32 = ORG_BITS * MOST_ORGS as u32;
const STATE_SHIFT: u32 = AUDIENCE_SHIFT + 12;
const NO_ORG: u128 = (1 << ORG_BITS) - 1;

const _: () = assert!(Audience::ALL.len() <= 12);

impl Sets {
    /// The numbering for `actions`: every state and organisation they name.
    pub(super) fn new(actions: &[PlannedAction]) -> Self {
        let mut states: Vec<Iso3> = actions
            .iter()
            .flat_map(|a| a.states.iter().copied())
            .collect();
        states.sort_unstable();
        states.dedup();
        let mut orgs: Vec<i64> = actions
            .iter()
            .flat_map(|a| a.organisations().map(|o| o.0))
            .collect();
        orgs.sort_unstable();
        orgs.dedup();
        Sets { states, orgs }
    }

    /// Every state the actions name, in order.
    pub(super) fn states(&self) -> &[Iso3] {
        &self.states
    }

    /// Whether the pairs of `action` are counted through its sets, with at
    /// most `most` of them.
    pub(super) fn counts(&self, action: &PlannedAction, most: usize) -> bool {
        let states = distinct_count(&action.states);
        let audiences = distinct_count(&action.audiences);
        let orgs = 1 + distinct_count(&action.partners)
            - usize::from(action.partners.contains(&action.lead));
        states <= 2
            && orgs <= MOST_ORGS
            && audiences < 12
            && ((1usize << states) - 1) * ((1usize << audiences) - 1) * (1usize << orgs) <= most
            && self.orgs.len() < NO_ORG as usize
            && self.states.len() < usize::from(u16::MAX)
    }

    /// The sets of `action` whose lowest state is `state`, each with the
    /// parity of its size (true when odd), added to `found`; `scratch`
    /// holds the action's distinct parts between two calls, so that a
    /// million actions make no allocation each.
    fn of(
        &self,
        action: &PlannedAction,
        state: Iso3,
        scratch: &mut Scratch,
        found: &mut Vec<(u128, bool)>,
    ) {
        let Scratch {
            others,
            audiences,
            orgs,
        } = scratch;
        others.clear();
        others.push(u128::from(u16::MAX));
        others.extend(
            action
                .states
                .iter()
                .filter(|s| **s > state)
                .map(|s| self.states.binary_search(s).map_or(0, |i| i as u128)),
        );
        others[1..].sort_unstable();
        dedup_from(others, 1);
        audiences.clear();
        audiences.extend(action.audiences.iter().map(|a| *a as u32));
        audiences.sort_unstable();
        audiences.dedup();
        orgs.clear();
        orgs.extend(
            action
                .organisations()
                .map(|o| self.orgs.binary_search(&o.0).map_or(NO_ORG, |i| i as u128)),
        );
        orgs.sort_unstable();
        orgs.dedup();
        for (at, other) in others.iter().enumerate() {
            let state_bits = other << STATE_SHIFT;
            for audience_set in 1u32..(1 << audiences.len()) {
                let mut audience_bits = 0u128;
                for (i, audience) in audiences.iter().enumerate() {
                    if audience_set & (1 << i) != 0 {
                        audience_bits |= 1 << audience;
                    }
                }
                for org_set in 0u32..(1 << orgs.len()) {
                    let mut org_bits = 0u128;
                    let mut slot = 0;
                    for (i, org) in orgs.iter().enumerate() {
                        if org_set & (1 << i) != 0 {
                            org_bits |= org << (ORG_BITS * slot);
                            slot += 1;
                        }
                    }
                    for free in slot..MOST_ORGS as u32 {
                        org_bits |= NO_ORG << (ORG_BITS * free);
                    }
                    let size =
                        1 + u32::from(at > 0) + audience_set.count_ones() + org_set.count_ones();
                    found.push((
                        state_bits | audience_bits << AUDIENCE_SHIFT | org_bits,
                        size % 2 == 1,
                    ));
                }
            }
        }
    }
}

/// The distinct parts of the action being numbered (see [`Sets::of`]).
#[derive(Default)]
pub(super) struct Scratch {
    /// "No second state", then the numbers of its states after the one counted.
    others: Vec<u128>,
    audiences: Vec<u32>,
    orgs: Vec<u128>,
}

/// How many distinct values `values` holds, without allocating: actions
/// name a few states, audiences and partners.
fn distinct_count<T: PartialEq>(values: &[T]) -> usize {
    values
        .iter()
        .enumerate()
        .filter(|(i, v)| !values[..*i].contains(v))
        .count()
}

/// Removes the repeated values of the sorted `values[from..]`.
fn dedup_from(values: &mut Vec<u128>, from: usize) {
    let mut kept = from;
    for i in from..values.len() {
        if kept == from || values[i] != values[kept - 1] {
            values[kept] = values[i];
            kept += 1;
        }
    }
    values.truncate(kept);
}

/// One action in one set.
struct Member {
    set: u128,
    start: i32,
    end: i32,
    focus: bool,
    odd: bool,
}

/// The overlaps among `entries` (whole states, in order) that
/// `count_pairs` would find if it met every pair: those of actions counted
/// through their sets, and those met one by one.
pub(super) fn count(
    actions: &[PlannedAction],
    entries: &[Entry],
    sets: &Sets,
    window: u32,
    focused: bool,
) -> usize {
    let window = i64::from(window);
    let mut total: i64 = 0;
    let mut members: Vec<Member> = Vec::new();
    let mut found = Vec::new();
    let mut seen: Vec<&Entry> = Vec::new();
    let mut ends = Vec::new();
    let mut scratch = Scratch::default();
    for state in entries.chunk_by(|a, b| a.state == b.state) {
        // Each action once, with its entry in this state.
        seen.clear();
        seen.extend(state.iter().filter(|e| !e.one_by_one));
        seen.sort_unstable_by_key(|e| e.index);
        seen.dedup_by_key(|e| e.index);
        members.clear();
        for entry in &seen {
            found.clear();
            sets.of(
                &actions[entry.index as usize],
                entry.state,
                &mut scratch,
                &mut found,
            );
            members.extend(found.iter().map(|&(set, odd)| Member {
                set,
                start: entry.start,
                end: entry.end,
                focus: entry.focus,
                odd,
            }));
        }
        members.sort_unstable_by_key(|m| (m.set, m.start));
        for set in members.chunk_by(|a, b| a.set == b.set) {
            let near = near_pairs(set.iter(), window, &mut ends)
                - if focused {
                    near_pairs(set.iter().filter(|m| !m.focus), window, &mut ends)
                } else {
                    0
                };
            // Odd sizes add, even ones take away: (-1)^(|T|+|U|+|V|).
            if set[0].odd {
                total -= near;
            } else {
                total += near;
            }
        }
        total += one_by_one(actions, state, window, focused);
    }
    usize::try_from(total).expect("inclusion and exclusion count no fewer than none")
}

/// The pairs of `members` (by start) whose dates are at most `window`
/// days apart.
fn near_pairs<'a>(
    members: impl Iterator<Item = &'a Member> + Clone,
    window: i64,
    ends: &mut Vec<i32>,
) -> i64 {
    ends.clear();
    ends.extend(members.clone().map(|m| m.end));
    ends.sort_unstable();
    let mut ended = 0;
    let mut pairs = 0;
    for (before, member) in members.enumerate() {
        // Ended more than the window before this one starts: those started
        // before it, and are not near it.
        while ended < ends.len() && i64::from(ends[ended]) < i64::from(member.start) - window {
            ended += 1;
        }
        pairs += before as i64 - ended as i64;
    }
    pairs
}

/// The overlaps with an action met one by one on at least one side, in
/// each (state, audience) group of `state`.
fn one_by_one(actions: &[PlannedAction], state: &[Entry], window: i64, focused: bool) -> i64 {
    let mut pairs = 0;
    let mut counted: Vec<&Entry> = Vec::new();
    let mut met: Vec<&Entry> = Vec::new();
    for group in state.chunk_by(|a, b| a.audience == b.audience) {
        if !group.iter().any(|e| e.one_by_one) {
            continue;
        }
        counted.clear();
        met.clear();
        for later in group {
            let mut meet = |list: &mut Vec<&Entry>| {
                list.retain(|earlier| {
                    let near = i64::from(later.start) - i64::from(earlier.end) <= window;
                    if near
                        && (!focused || earlier.focus != later.focus)
                        && meets(actions, earlier, later)
                    {
                        pairs += 1;
                    }
                    near
                });
            };
            meet(&mut met);
            if later.one_by_one {
                meet(&mut counted);
                met.push(later);
            } else {
                counted.push(later);
            }
        }
    }
    pairs
}
