//! What concerns a member: only their organisations' overlaps, the gaps
//! and deadlines of the states they work in, and keys that stay put.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::{Finding, FindingKind, KEPT_PER_LOOK, Plan, concerning, states_of};
use crate::access::{OrgId, OrgKind};
use crate::coordination::{OrgProfile, PlannedAction, Playbook, StateAtStage};
use crate::plan::{ActionId, ActionStatus, Audience, Level, Phase};
use crate::{ConsentKind, EventKind, Iso3, RegionalGroup, TreatyEvent, TreatyId};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn iso(s: &str) -> Iso3 {
    s.parse().unwrap()
}

fn action(id: i64, lead: i64, state: &str, start: &str, due: Option<&str>) -> PlannedAction {
    PlannedAction {
        id: ActionId(id),
        lead: OrgId(lead),
        partners: Vec::new().into(),
        states: vec![iso(state)].into(),
        audiences: vec![Audience::Legislature].into(),
        action_type: "letter".into(),
        level: Level::National,
        phase: Phase::Ratification,
        start: Some(d(start)),
        end: None,
        due: due.map(d),
        status: ActionStatus::Planned,
    }
}

/// A CAT party that signed OPCAT in 2010: a signatory.
fn signatory(code: &str, as_of: &str) -> StateAtStage {
    let event = |treaty: TreatyId, kind: EventKind, date: &str| TreatyEvent {
        state: iso(code),
        treaty,
        kind,
        date: d(date),
        source: "test".into(),
        note: None,
    };
    let cat = [event(
        TreatyId::cat(),
        EventKind::Consent(ConsentKind::Ratification),
        "1990-01-01",
    )];
    let opcat = [event(TreatyId::opcat(), EventKind::Signature, "2010-01-01")];
    StateAtStage::derive(iso(code), &cat, &opcat, d(as_of))
}

fn profile(id: i64, states: &[&str], regions: &[RegionalGroup]) -> OrgProfile {
    OrgProfile {
        id: OrgId(id),
        kind: OrgKind::NationalNgo,
        level: Level::National,
        sectors: Vec::new(),
        states: states.iter().map(|s| iso(s)).collect(),
        regions: regions.to_vec(),
    }
}

#[test]
fn only_what_concerns_the_members_organisations() {
    let as_of = d("2027-01-10");
    let actions = vec![
        action(1, 1, "FRA", "2027-03-01", Some("2027-02-01")),
        action(2, 2, "FRA", "2027-03-05", None),
        // Two others' overlap on Spain, which concerns neither 1 nor its states.
        action(3, 2, "ESP", "2027-03-01", Some("2027-02-01")),
        action(4, 3, "ESP", "2027-03-02", None),
    ];
    let profiles = BTreeMap::from([
        (OrgId(1), profile(1, &["FRA"], &[])),
        (OrgId(2), profile(2, &[], &[])),
        (OrgId(3), profile(3, &[], &[])),
    ]);
    let states = vec![
        signatory("FRA", "2027-01-10"),
        signatory("ESP", "2027-01-10"),
    ];
    let groups = BTreeMap::from([
        (iso("FRA"), RegionalGroup::Weog),
        (iso("ESP"), RegionalGroup::Weog),
    ]);
    let plan = Plan {
        actions: &actions,
        profiles: &profiles,
        states: &states,
        groups: &groups,
    };
    let orgs = BTreeSet::from([OrgId(1)]);
    let found = concerning(&orgs, plan, &Playbook::default(), as_of, 30);

    let overlaps: Vec<_> = found
        .iter()
        .filter(|f| f.kind() == FindingKind::Overlap)
        .collect();
    assert_eq!(overlaps.len(), 1, "{found:#?}");
    assert_eq!(overlaps[0].key(), "overlap:1:2");
    assert!(
        found
            .iter()
            .filter(|f| f.kind() == FindingKind::Gap)
            .all(|f| matches!(f, Finding::Gap(g) if g.state == iso("FRA"))),
        "{found:#?}"
    );
    assert!(found.iter().any(|f| f.kind() == FindingKind::Gap));
    let deadlines: Vec<String> = found
        .iter()
        .filter(|f| f.kind() == FindingKind::Deadline)
        .map(Finding::key)
        .collect();
    assert_eq!(deadlines, ["deadline:FRA:action_due:1:2027-02-01"]);

    // A region in the profile brings its states in.
    let profiles = BTreeMap::from([(OrgId(1), profile(1, &[], &[RegionalGroup::Weog]))]);
    let plan = Plan {
        actions: &[],
        profiles: &profiles,
        ..plan
    };
    assert_eq!(
        states_of(&orgs, plan),
        BTreeSet::from([iso("ESP"), iso("FRA")])
    );
    assert!(concerning(&BTreeSet::new(), plan, &Playbook::default(), as_of, 30).is_empty());
}

#[test]
fn a_finding_survives_being_stored_as_json() {
    let found = Finding::Overlap(crate::coordination::Overlap {
        first: ActionId(1),
        second: ActionId(2),
        state: iso("FRA"),
        audience: Audience::Legislature,
        opportunity: crate::coordination::Opportunity::JointAction,
        days_apart: 3,
        gain: 2,
    });
    let json = serde_json::to_string(&found).unwrap();
    assert_eq!(serde_json::from_str::<Finding>(&json).unwrap(), found);
}

#[test]
fn a_look_keeps_the_best_overlaps_and_the_nearest_deadlines() {
    let as_of = d("2027-01-10");
    let count = i64::try_from(KEPT_PER_LOOK).unwrap() + 50;
    let day =
        |offset: i64| (d("2027-01-10") + chrono::Days::new(offset.unsigned_abs())).to_string();
    // Organisation 1's actions fall due one a day from today; each
    // overlaps organisation 2's action on the same day.
    let mut actions = Vec::new();
    for i in 0..count {
        let date = day(i % 25);
        actions.push(action(i + 1, 1, "FRA", &date, Some(&date)));
        actions.push(action(count + i + 1, 2, "FRA", &date, None));
    }
    // Due 31 days ago and 31 days ahead: outside the window of 30.
    actions.push(action(9001, 1, "FRA", "2026-12-01", Some("2026-12-10")));
    actions.push(action(9002, 1, "FRA", "2027-02-10", Some("2027-02-10")));
    let profiles = BTreeMap::from([
        (OrgId(1), profile(1, &["FRA"], &[])),
        (OrgId(2), profile(2, &[], &[])),
    ]);
    let states = vec![signatory("FRA", "2027-01-10")];
    let groups = BTreeMap::from([(iso("FRA"), RegionalGroup::Weog)]);
    let plan = Plan {
        actions: &actions,
        profiles: &profiles,
        states: &states,
        groups: &groups,
    };
    let look = |plan| {
        concerning(
            &BTreeSet::from([OrgId(1)]),
            plan,
            &Playbook::default(),
            as_of,
            30,
        )
    };
    let found = look(plan);

    let overlaps = found
        .iter()
        .filter(|f| f.kind() == FindingKind::Overlap)
        .count();
    assert_eq!(overlaps, KEPT_PER_LOOK);
    let due: Vec<NaiveDate> = found
        .iter()
        .filter_map(|f| match f {
            Finding::Deadline(deadline) if deadline.action.is_some() => Some(deadline.date),
            _ => None,
        })
        .collect();
    assert_eq!(due.len(), KEPT_PER_LOOK);
    assert!(due.is_sorted(), "by date");
    assert!(
        due.iter()
            .all(|date| *date >= as_of && *date <= d("2027-02-09"))
    );
    // The nearest kept: every action due within the first days is there.
    let today = due.iter().filter(|date| **date == as_of).count();
    assert_eq!(
        today,
        actions
            .iter()
            .filter(|a| a.lead == OrgId(1) && a.due == Some(as_of))
            .count()
    );

    // Outside the window, however few.
    let few = [
        actions[0].clone(),
        actions[actions.len() - 2].clone(),
        actions[actions.len() - 1].clone(),
    ];
    let plan = Plan {
        actions: &few,
        ..plan
    };
    let found = look(plan);
    let due: Vec<String> = found
        .iter()
        .filter(|f| f.kind() == FindingKind::Deadline)
        .map(Finding::key)
        .collect();
    assert_eq!(due, ["deadline:FRA:action_due:1:2027-01-10"]);
}
