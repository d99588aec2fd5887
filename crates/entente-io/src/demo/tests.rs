use std::collections::BTreeSet;

use entente_core::Stage;
use entente_core::access::{OrgKind, Visibility};
use entente_core::plan::{ActionStatus, Phase};

use super::playbook::Language;
use super::*;
use crate::dataset;

fn coalition(seed: u64) -> Coalition {
    let data = dataset::shipped().unwrap();
    let states = demo_states(&data.states, &data.events, data.as_of);
    Coalition::new(seed, &states, data.as_of)
}

#[test]
fn the_same_seed_gives_the_same_coalition_and_actions() {
    let (a, b) = (coalition(7), coalition(7));
    assert_eq!(a, b);
    assert_eq!(a.actions(0, 400), b.actions(0, 400));
    let other = coalition(8);
    assert_ne!(a.actions(0, 50), other.actions(0, 50));
}

#[test]
fn actions_do_not_depend_on_how_they_are_chunked() {
    let c = coalition(1);
    let whole = c.actions(0, 300);
    let mut chunked = c.actions(0, 128);
    chunked.extend(c.actions(128, 300));
    assert_eq!(whole, chunked);
    assert_eq!(c.action(299), whole[299]);
}

#[test]
fn the_coalition_has_every_kind_of_member_marked_as_demo() {
    let c = coalition(42);
    let kinds: BTreeSet<OrgKind> = c.organisations.iter().map(|o| o.record.kind).collect();
    for kind in [
        OrgKind::InternationalNgo,
        OrgKind::NationalNgo,
        OrgKind::Nhri,
        OrgKind::ProfessionalAssociation,
        OrgKind::UnBody,
        OrgKind::RegionalBody,
        OrgKind::Academia,
    ] {
        assert!(kinds.contains(&kind), "{kind:?}");
    }
    for org in &c.organisations {
        assert!(org.record.name.ends_with("(demo)"), "{}", org.record.name);
        assert!(org.record.short_name.ends_with("-demo"));
    }
    assert_eq!(c.alliances.len(), 3);
    for alliance in &c.alliances {
        assert!(alliance.name.ends_with("(demo)"));
        assert!(alliance.purpose.starts_with("Demo data"));
        for member in alliance.members.iter().chain([&alliance.owner]) {
            assert!(
                c.organisations
                    .iter()
                    .any(|o| &o.record.short_name == member),
                "{member}"
            );
        }
    }
    assert!(
        c.users
            .iter()
            .all(|u| u.email.ends_with("@demo.example.org"))
    );
    assert!(c.users.len() > c.organisations.len());
}

#[test]
fn actions_follow_the_playbook_and_leave_gaps() {
    let data = dataset::shipped().unwrap();
    let states = demo_states(&data.states, &data.events, data.as_of);
    let c = Coalition::new(3, &states, data.as_of);
    let actions = c.actions(0, DEFAULT_ACTIONS);
    let by_iso3 = |iso3| states.iter().find(|s| s.iso3 == iso3).unwrap();
    let mut targeted = BTreeSet::new();
    for action in &actions {
        let state = by_iso3(action.states[0]);
        targeted.insert(state.iso3);
        let expected = if state.stage.is_party() {
            Phase::Implementation
        } else {
            Phase::Ratification
        };
        assert_eq!(action.phase, expected, "{}", action.title);
        assert_ne!(state.stage, Stage::NotCatParty);
        assert!(
            [Language::En, Language::Fr, Language::Es]
                .iter()
                .any(|l| action.description == playbook::description(*l)),
            "{}",
            action.description
        );
        if let (Some(start), Some(end)) = (action.start, action.end) {
            assert!(start <= end);
        }
        assert_eq!(
            action.shared_with.is_empty(),
            action.visibility != Visibility::Alliance
        );
        assert!(!action.partners.contains(action.lead.as_ref().unwrap()));
        if action.status == ActionStatus::UnderWay {
            assert!(action.start.is_some());
        }
    }
    let campaignable = states
        .iter()
        .filter(|s| s.stage != Stage::NotCatParty)
        .count();
    assert!(targeted.len() > 20, "{} states", targeted.len());
    assert!(targeted.len() < campaignable, "some states have no action");
    let statuses: BTreeSet<_> = actions.iter().map(|a| a.status).collect();
    assert!(statuses.len() >= 4, "{statuses:?}");
    let overlaps = actions
        .windows(2)
        .filter(|w| {
            w[0].states == w[1].states
                && w[0].audiences[0] == w[1].audiences[0]
                && w[0].lead != w[1].lead
                && (w[0].start.unwrap() - w[1].start.unwrap()).num_days().abs() <= 5
        })
        .count();
    assert!(overlaps >= 20, "{overlaps} overlapping pairs");
}

#[test]
fn demo_consultations_are_valid_labelled_and_partly_agreed() {
    let records = coalition(42).consultation_records();
    assert!(!records.is_empty() && records.len() <= 2);
    for record in &records {
        assert!(record.draft.demo);
        assert!(record.draft.title.starts_with("Demo data"));
        record.draft.validate().unwrap();
        for participant in &record.participants {
            assert!(participant.org.is_some() == participant.name.is_empty());
        }
        let percents: Vec<Option<u32>> = (0..record.options.len())
            .map(|o| {
                let column: Vec<Option<entente_core::consultation::Position>> =
                    (0..record.participants.len())
                        .map(|p| {
                            record
                                .positions
                                .iter()
                                .find(|(pp, oo, _)| *pp == p && *oo == o)
                                .map(|(_, _, position)| *position)
                        })
                        .collect();
                entente_core::consultation::consensus(&column).percent()
            })
            .collect();
        assert!(
            percents.iter().all(|p| p.is_some_and(|p| p > 0 && p < 100)),
            "partial consensus on every option: {percents:?}"
        );
    }
}
