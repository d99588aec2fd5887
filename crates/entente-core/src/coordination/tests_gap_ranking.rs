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
    let result = found(
        &[signatory, not_signed, designated],
        &everything,
        &Profiles::new(),
    );
    let map = severity_by_state(&result);
    assert_eq!(
        map.get(&iso("CCC")),
        Some(&Severity::High),
        "legislature untouched"
    );
    assert_eq!(map.get(&iso("GGG")), Some(&Severity::Medium));
    // Covered in full, by national work only.
    assert_eq!(map.get(&iso("BBB")), Some(&Severity::Medium));
    assert_eq!(
        kinds(&result, "BBB"),
        vec![(GapKind::NoInternationalLeverage, Severity::Medium)]
    );
}
