//! Overlap detection: hand-built cases for each rule, and a property test
//! against a brute-force comparison of every pair.

use std::cmp::Reverse;

use proptest::prelude::*;

use super::tests_support::{action, d, dated, iso, profile};
use super::*;
use crate::access::OrgKind;

fn found(actions: &[PlannedAction]) -> Vec<Overlap> {
    let all = overlaps(actions, &Profiles::new(), OverlapSettings::default());
    assert_eq!(all.total, all.ranked.len());
    all.ranked
}

#[test]
fn same_kind_on_the_same_days_is_a_joint_action() {
    let a = dated(action(1, 10), "2026-03-01", "2026-03-05");
    let b = dated(action(2, 20), "2026-03-04", "");
    let result = found(&[b, a]);
    assert_eq!(result.len(), 1);
    let overlap = &result[0];
    assert_eq!((overlap.first, overlap.second), (ActionId(1), ActionId(2)));
    assert_eq!(overlap.opportunity, Opportunity::JointAction);
    assert_eq!(overlap.days_apart, 0);
    assert_eq!(
        (overlap.state, overlap.audience),
        (iso("FRA"), Audience::Legislature)
    );
}

#[test]
fn different_kinds_within_the_window_are_a_sequence_to_agree() {
    let a = dated(action(1, 10), "2026-03-01", "2026-03-05");
    let mut b = dated(action(2, 20), "2026-04-04", "2026-04-10");
    b.action_type = "parliamentary_briefing".into();
    let result = found(&[a.clone(), b.clone()]);
    assert_eq!(result.len(), 1);
    assert_eq!(result[0].opportunity, Opportunity::Sequence);
    assert_eq!(result[0].days_apart, 30);
    let one_day_further = dated(b, "2026-04-05", "");
    assert!(found(&[a.clone(), one_day_further.clone()]).is_empty());
    let wider = OverlapSettings {
        window_days: 31,
        ..OverlapSettings::default()
    };
    assert_eq!(
        overlaps(&[a, one_day_further], &Profiles::new(), wider).total,
        1
    );
}

#[test]
fn the_same_organisation_on_both_sides_is_no_overlap() {
    let a = dated(action(1, 10), "2026-03-01", "");
    let mut b = dated(action(2, 20), "2026-03-01", "");
    assert_eq!(found(&[a.clone(), b.clone()]).len(), 1);
    b.partners = vec![OrgId(10)].into();
    assert!(
        found(&[a.clone(), b.clone()]).is_empty(),
        "lead of one, partner of the other"
    );
    let same_lead = dated(action(3, 10), "2026-03-01", "");
    assert!(found(&[a, same_lead]).is_empty());
}

#[test]
fn another_state_or_audience_is_no_overlap() {
    let a = dated(action(1, 10), "2026-03-01", "");
    let mut elsewhere = dated(action(2, 20), "2026-03-01", "");
    elsewhere.states = vec![iso("ESP")].into();
    let mut other_audience = dated(action(3, 30), "2026-03-01", "");
    other_audience.audiences = vec![Audience::Executive, Audience::Public].into();
    assert!(found(&[a.clone(), elsewhere, other_audience]).is_empty());
}

#[test]
fn closed_and_undated_actions_take_no_part() {
    let a = dated(action(1, 10), "2026-03-01", "");
    let mut done = dated(action(2, 20), "2026-03-01", "");
    done.status = ActionStatus::Done;
    let mut cancelled = dated(action(3, 30), "2026-03-01", "");
    cancelled.status = ActionStatus::Cancelled;
    let undated = action(4, 40);
    assert!(found(&[a.clone(), done, cancelled, undated]).is_empty());
    let mut idea = action(5, 50);
    idea.status = ActionStatus::Idea;
    idea.due = Some(d("2026-03-20"));
    assert_eq!(
        found(&[a, idea]).len(),
        1,
        "an idea with a due date is dated"
    );
}

#[test]
fn a_pair_sharing_several_states_and_audiences_is_reported_once() {
    let mut a = dated(action(1, 10), "2026-03-01", "");
    a.states = vec![iso("FRA"), iso("ESP"), iso("ITA"), iso("FRA")].into();
    a.audiences = vec![Audience::Public, Audience::Legislature].into();
    let mut b = dated(action(2, 20), "2026-03-10", "");
    b.states = vec![iso("ITA"), iso("ESP")].into();
    b.audiences = vec![Audience::Legislature, Audience::Public, Audience::Npm].into();
    let result = found(&[a, b]);
    assert_eq!(result.len(), 1);
    assert_eq!(
        (result[0].state, result[0].audience),
        (iso("ESP"), Audience::Legislature)
    );
}

#[test]
fn ranked_by_closeness_then_by_gain() {
    use crate::plan::Sector::{Health, Legal, TorturePrevention};
    let profiles: Profiles = [
        profile(
            10,
            OrgKind::NationalNgo,
            Level::National,
            &[TorturePrevention],
        ),
        profile(
            20,
            OrgKind::NationalNgo,
            Level::National,
            &[TorturePrevention],
        ),
        profile(
            30,
            OrgKind::ProfessionalAssociation,
            Level::National,
            &[Health, Legal],
        ),
        profile(
            40,
            OrgKind::InternationalNgo,
            Level::International,
            &[TorturePrevention],
        ),
    ]
    .into_iter()
    .map(|p| (p.id, p))
    .collect();
    let a = dated(action(1, 10), "2026-03-01", "2026-03-02");
    let same = dated(action(2, 20), "2026-03-01", "");
    let sectors = dated(action(3, 30), "2026-03-02", "");
    let mut international = dated(action(4, 40), "2026-03-20", "");
    international.level = Level::International;
    let all = [a, same, sectors, international];
    let result = overlaps(&all, &profiles, OverlapSettings::default());
    let with_a: Vec<(i64, u32, u32)> = result
        .ranked
        .iter()
        .filter(|o| o.first == ActionId(1))
        .map(|o| (o.second.0, o.days_apart, o.gain))
        .collect();
    // 3 brings health and legal, 1 brings torture prevention: 3 sectors apart.
    assert_eq!(with_a, vec![(3, 0, 3), (2, 0, 0), (4, 18, 2)]);
}

/// Every pair compared with every other: the reference the sweep must match.
fn brute_force(actions: &[PlannedAction], profiles: &Profiles, window: u32) -> Vec<Overlap> {
    let mut found = Vec::new();
    for (i, a) in actions.iter().enumerate() {
        for b in &actions[i + 1..] {
            if let Some(overlap) = brute_pair(a, b, profiles, window) {
                found.push(overlap);
            }
        }
    }
    found.sort_by_key(|o| (o.days_apart, Reverse(o.gain), o.first, o.second));
    found
}

fn brute_pair(
    a: &PlannedAction,
    b: &PlannedAction,
    profiles: &Profiles,
    window: u32,
) -> Option<Overlap> {
    let open = |x: &PlannedAction| !x.status.is_closed();
    let ((a_start, a_end), (b_start, b_end)) = (a.span()?, b.span()?);
    let shared_org = a.organisations().any(|o| b.organisations().any(|p| p == o));
    let mut states: Vec<Iso3> = a
        .states
        .iter()
        .copied()
        .filter(|s| b.states.contains(s))
        .collect();
    states.sort();
    states.dedup();
    let mut audiences: Vec<Audience> = a
        .audiences
        .iter()
        .copied()
        .filter(|s| b.audiences.contains(s))
        .collect();
    audiences.sort();
    audiences.dedup();
    let apart = if a_end < b_start {
        (b_start - a_end).num_days()
    } else if b_end < a_start {
        (a_start - b_end).num_days()
    } else {
        0
    };
    if !open(a)
        || !open(b)
        || shared_org
        || states.is_empty()
        || audiences.is_empty()
        || apart > i64::from(window)
    {
        return None;
    }
    let sectors = |x: &PlannedAction| -> std::collections::BTreeSet<Sector> {
        x.organisations()
            .filter_map(|o| profiles.get(&o))
            .flat_map(|p| p.sectors.iter().copied())
            .collect()
    };
    let (sa, sb) = (sectors(a), sectors(b));
    let gain = u32::from(a.level != b.level) * 2 + sa.symmetric_difference(&sb).count() as u32;
    Some(Overlap {
        first: a.id.min(b.id),
        second: a.id.max(b.id),
        state: states[0],
        audience: audiences[0],
        opportunity: if a.action_type == b.action_type {
            Opportunity::JointAction
        } else {
            Opportunity::Sequence
        },
        days_apart: apart as u32,
        gain,
    })
}

fn arb_action(id: i64) -> impl Strategy<Value = PlannedAction> {
    let states = proptest::collection::vec(prop::sample::select(vec!["FRA", "ESP", "ITA"]), 1..3);
    let audiences = proptest::collection::vec(prop::sample::select(Audience::ALL.to_vec()), 1..3);
    let status = prop::sample::select(ActionStatus::ALL.to_vec());
    let dates = (
        0i64..200,
        proptest::option::of(0i64..60),
        proptest::option::of(0i64..200),
        any::<bool>(),
    );
    let kind = prop::sample::select(vec!["letter", "seminar"]);
    let level = prop::sample::select(Level::ALL.to_vec());
    (
        1i64..6,
        proptest::collection::vec(1i64..6, 0..2),
        states,
        audiences,
        status,
        dates,
        kind,
        level,
    )
        .prop_map(
            move |(lead, partners, states, audiences, status, dates, kind, level)| {
                let base = d("2026-01-01");
                let (start, length, due, dated) = dates;
                let mut a = action(id, lead);
                a.partners = partners
                    .into_iter()
                    .filter(|p| *p != lead)
                    .map(OrgId)
                    .collect();
                a.states = states.into_iter().map(iso).collect();
                a.audiences = audiences.into();
                a.status = status;
                a.action_type = kind.into();
                a.level = level;
                a.start = dated.then(|| base + chrono::Days::new(start as u64));
                a.end = length.and_then(|l| a.start.map(|s| s + chrono::Days::new(l as u64)));
                a.due = due.map(|x| base + chrono::Days::new(x as u64));
                a
            },
        )
}

fn arb_actions() -> impl Strategy<Value = Vec<PlannedAction>> {
    (0usize..25).prop_flat_map(|n| (0..n as i64).map(arb_action).collect::<Vec<_>>())
}

fn arb_profiles() -> impl Strategy<Value = Profiles> {
    let sectors = proptest::collection::vec(prop::sample::select(Sector::ALL.to_vec()), 0..3);
    proptest::collection::vec(sectors, 5).prop_map(|all| {
        all.into_iter()
            .enumerate()
            .filter(|(i, _)| i % 4 != 3)
            .map(|(i, sectors)| {
                let id = i as i64 + 1;
                (
                    OrgId(id),
                    profile(id, OrgKind::NationalNgo, Level::National, &sectors),
                )
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn the_sweep_finds_what_comparing_every_pair_finds(
        actions in arb_actions(),
        profiles in arb_profiles(),
        window in 0u32..50,
        limit in 0usize..6,
    ) {
        let expected = brute_force(&actions, &profiles, window);
        let settings = OverlapSettings { window_days: window, ..OverlapSettings::default() };
        let all = overlaps(&actions, &profiles, settings);
        prop_assert_eq!(all.total, expected.len());
        prop_assert_eq!(&all.ranked, &expected);
        let best = overlaps(&actions, &profiles, OverlapSettings { limit: Some(limit), ..settings });
        prop_assert_eq!(best.total, expected.len());
        prop_assert_eq!(&best.ranked[..], &expected[..limit.min(expected.len())]);
    }

    #[test]
    fn the_count_does_not_depend_on_which_pairs_are_met_one_by_one(
        actions in arb_actions(),
        profiles in arb_profiles(),
        window in 0u32..50,
        most_sets in prop::sample::select(vec![0usize, 1, 3, 8, 64]),
        involving in proptest::option::of(1i64..6),
    ) {
        let in_it = |id: ActionId| match involving {
            None => true,
            Some(org) => actions
                .iter()
                .any(|a| a.id == id && a.organisations().any(|o| o == OrgId(org))),
        };
        let expected: Vec<Overlap> = brute_force(&actions, &profiles, window)
            .into_iter()
            .filter(|o| in_it(o.first) || in_it(o.second))
            .collect();
        let settings = OverlapSettings {
            window_days: window,
            limit: Some(3),
            involving: involving.map(OrgId),
        };
        let found = overlaps::find(&actions, &profiles, settings, most_sets);
        prop_assert_eq!(found.total, expected.len());
        prop_assert_eq!(&found.ranked[..], &expected[..3.min(expected.len())]);
    }

    #[test]
    fn the_overlaps_of_one_organisation_are_those_of_every_pair_it_is_in(
        actions in arb_actions(),
        org in 1i64..6,
        window in 0u32..50,
    ) {
        let profiles = Profiles::new();
        let in_it = |id: ActionId| {
            actions.iter().any(|a| a.id == id && a.organisations().any(|o| o == OrgId(org)))
        };
        let expected: Vec<Overlap> = brute_force(&actions, &profiles, window)
            .into_iter()
            .filter(|o| in_it(o.first) || in_it(o.second))
            .collect();
        let settings = OverlapSettings {
            window_days: window,
            limit: None,
            involving: Some(OrgId(org)),
        };
        let found = overlaps(&actions, &profiles, settings);
        prop_assert_eq!(found.total, expected.len());
        prop_assert_eq!(found.ranked, expected);
    }
}

#[test]
fn a_stored_action_s_content_gives_what_the_rules_need() {
    use crate::access::Visibility;
    let draft = crate::plan::ActionDraft {
        title: "Briefing for the justice committee".into(),
        description: String::new(),
        action_type: "parliamentary_briefing".into(),
        phase: Phase::Ratification,
        level: Level::Regional,
        states: vec![iso("SEN")],
        audiences: vec![Audience::Legislature],
        lead: OrgId(1),
        partners: vec![OrgId(2)],
        start: Some(d("2027-03-01")),
        end: Some(d("2027-03-02")),
        due: Some(d("2027-02-15")),
        status: ActionStatus::UnderWay,
        budget: None,
        staff_days: None,
        expected_outcome: String::new(),
        actual_outcome: String::new(),
        outcome_event: None,
        documents: vec![],
        visibility: Visibility::Private,
        shared_with: vec![],
    };
    let planned = PlannedAction::from_draft(ActionId(7), &draft);
    assert_eq!(planned.id, ActionId(7));
    assert_eq!(
        planned.organisations().collect::<Vec<_>>(),
        vec![OrgId(1), OrgId(2)]
    );
    assert_eq!(
        (&planned.states[..], &planned.audiences[..]),
        (&draft.states[..], &draft.audiences[..])
    );
    assert_eq!(&*planned.action_type, "parliamentary_briefing");
    assert_eq!(
        (planned.level, planned.phase, planned.status),
        (Level::Regional, Phase::Ratification, ActionStatus::UnderWay)
    );
    assert_eq!(planned.span(), Some((d("2027-03-01"), d("2027-03-02"))));
    assert_eq!(planned.due, Some(d("2027-02-15")));
    assert!(planned.is_committed());
}
