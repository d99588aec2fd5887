//! How gaps are ranked, and the severity the gap map shows per state.

use super::tests_gaps::{AS_OF, CAT, RATIFY, found, kinds, on};
use super::tests_support::{action, dated, iso, state_at};
use super::*;
use crate::event::EventKind;

#[test]
fn ranked_by_overdue_then_time_at_the_stage_then_severity() {
    let old_signatory = state_at(
        "OLD",
        CAT,
        &[(EventKind::Signature, "2005-01-01")],
        "2005-01-01",
        AS_OF,
    );
    let new_signatory = state_at(
        "NEW",
        CAT,
        &[(EventKind::Signature, "2025-01-01")],
        "2025-01-01",
        AS_OF,
    );
    let overdue = state_at("LAT", CAT, &[(RATIFY, "2020-01-01")], "2020-01-31", AS_OF);
    let result = found(
        &[new_signatory, old_signatory, overdue],
        &[],
        &Profiles::new(),
    );
    let order: Vec<&str> = result.iter().map(|g| g.state.as_str()).collect();
    let first_of = |code: &str| order.iter().position(|s| *s == code).unwrap();
    let last_of = |code: &str| order.iter().rposition(|s| *s == code).unwrap();
    assert!(last_of("LAT") < first_of("OLD"), "{order:?}");
    assert!(last_of("OLD") < first_of("NEW"), "{order:?}");
    let old: Vec<Severity> = result
        .iter()
        .filter(|g| g.state == iso("OLD"))
        .map(|g| g.severity)
        .collect();
    assert!(old.windows(2).all(|w| w[0] >= w[1]), "{old:?}");
}

#[test]
fn the_map_shows_each_state_s_worst_gap() {
    let signatory = state_at(
        "CCC",
        CAT,
        &[(EventKind::Signature, "2010-05-05")],
        "2010-05-05",
        AS_OF,
    );
    let not_signed = state_at("BBB", CAT, &[], "2000-01-01", AS_OF);
    let designated = state_at(
        "GGG",
        CAT,
        &[
            (RATIFY, "2010-01-01"),
            (EventKind::NpmDesignation, "2011-01-01"),
        ],
        "2011-01-01",
        AS_OF,
    );
    let mut everything = Vec::new();
    for (id, kind) in [
        "meeting_executive",
        "letter",
        "joint_statement",
        "submission",
        "awareness",
    ]
    .into_iter()
    .enumerate()
    {
        let a = dated(action(id as i64, 1), "2026-07-01", "");
        everything.push(on("BBB", a, kind, &[Audience::Executive, Audience::Public]));
    }
    let training = on(
        "GGG",
        dated(action(9, 1), "2026-07-01", ""),
        "training",
        &[Audience::Npm],
    );
    everything.push(training);
    let overdue = state_at("LAT", CAT, &[(RATIFY, "2020-01-01")], "2020-01-31", AS_OF);
    let recent = state_at(
        "NEW",
        CAT,
        &[(EventKind::Signature, "2025-01-01")],
        "2025-01-01",
        AS_OF,
    );
    let result = found(
        &[signatory, not_signed, designated, overdue, recent],
        &everything,
        &Profiles::new(),
    );
    let map = severity_by_state(&result);
    assert_eq!(map.get(&iso("LAT")), Some(&Severity::High), "NPM overdue");
    assert_eq!(
        map.get(&iso("CCC")),
        Some(&Severity::Medium),
        "sixteen years a signatory with nothing planned"
    );
    assert_eq!(
        map.get(&iso("NEW")),
        Some(&Severity::Low),
        "a signatory of last year"
    );
    assert_eq!(map.get(&iso("GGG")), Some(&Severity::Medium));
    // Covered in full, by national work only.
    assert_eq!(map.get(&iso("BBB")), Some(&Severity::Medium));
    assert_eq!(
        kinds(&result, "BBB"),
        vec![(GapKind::NoInternationalLeverage, Severity::Medium)]
    );
}

#[test]
fn only_overdue_obligations_are_high_and_the_rest_weigh_time_and_cover() {
    // Overdue is high whatever is planned.
    assert_eq!(play_severity(true, 0, 0, 5), Severity::High);
    // Long at the stage and nothing, or most, uncovered: medium.
    assert_eq!(play_severity(false, 24, 5, 5), Severity::Medium);
    assert_eq!(play_severity(false, 12, 3, 5), Severity::Medium);
    assert_eq!(play_severity(false, 6, 5, 5), Severity::Medium);
    // Long at the stage but mostly covered, or recent: low.
    assert_eq!(play_severity(false, 24, 2, 5), Severity::Low);
    assert_eq!(play_severity(false, 6, 3, 5), Severity::Low);
    assert_eq!(play_severity(false, 4, 5, 5), Severity::Low);
    assert_eq!(play_severity(false, 30, 0, 0), Severity::Low);
    // An untouched secondary audience weighs one step less.
    assert_eq!(Severity::High.lighter(), Severity::Medium);
    assert_eq!(Severity::Medium.lighter(), Severity::Low);
    assert_eq!(Severity::Low.lighter(), Severity::Low);
}

#[test]
fn covering_a_long_stuck_state_s_play_lowers_its_severity() {
    let not_signed = state_at("BBB", CAT, &[], "2000-01-01", AS_OF);
    let bare = severity_by_state(&found(
        std::slice::from_ref(&not_signed),
        &[],
        &Profiles::new(),
    ));
    assert_eq!(bare.get(&iso("BBB")), Some(&Severity::Medium));
    let play = Playbook::default()
        .play(not_signed.status.stage, false)
        .unwrap()
        .clone();
    let covered: Vec<PlannedAction> = play
        .action_types
        .iter()
        .take(play.action_types.len().div_ceil(2))
        .enumerate()
        .map(|(id, kind)| {
            let a = dated(action(id as i64, 1), "2026-07-01", "");
            on("BBB", a, kind, &play.audiences)
        })
        .collect();
    let gaps = found(
        std::slice::from_ref(&not_signed),
        &covered,
        &Profiles::new(),
    );
    let missing: Vec<Severity> = gaps
        .iter()
        .filter(|g| matches!(g.kind, GapKind::MissingAction { .. }))
        .map(|g| g.severity)
        .collect();
    assert!(!missing.is_empty());
    assert!(missing.iter().all(|s| *s == Severity::Low), "{missing:?}");
}
