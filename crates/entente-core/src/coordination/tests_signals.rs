//! Signals overlapping a reader's own actions.

use super::tests_support::{action, d, dated, iso};
use super::*;
use crate::plan::Audience;

fn signal(key: &str, state: &str, audience: Audience, month: Option<&str>) -> Signal {
    Signal {
        key: key.into(),
        action_type: "letter".into(),
        audiences: vec![audience],
        states: vec![iso(state)],
        month: month.map(d),
    }
}

fn own(state: &str, start: &str, end: &str) -> PlannedAction {
    let mut a = dated(action(1, 1), start, end);
    a.states = vec![iso(state)].into();
    a.audiences = vec![Audience::Legislature].into();
    a
}

#[test]
fn a_signal_overlaps_on_the_same_state_and_audience_within_the_window() {
    let mine = own("FRA", "2027-03-10", "2027-03-12");
    let signals = [
        signal("near", "FRA", Audience::Legislature, Some("2027-04-01")),
        signal("far", "FRA", Audience::Legislature, Some("2027-09-01")),
        signal(
            "elsewhere",
            "ESP",
            Audience::Legislature,
            Some("2027-03-01"),
        ),
        signal(
            "other-audience",
            "FRA",
            Audience::Executive,
            Some("2027-03-01"),
        ),
        signal("undated", "FRA", Audience::Legislature, None),
        signal("before", "FRA", Audience::Legislature, Some("2027-02-01")),
    ];
    let found = signal_overlaps(std::slice::from_ref(&mine), &signals, 30);
    let keys: Vec<&str> = found.iter().map(|o| o.signal.as_str()).collect();
    assert_eq!(keys, ["before", "near"]);
    assert!(found.iter().all(|o| o.action == mine.id));
    // With no window, only the signal of the action's own month.
    let found = signal_overlaps(&[mine], &signals, 0);
    assert!(found.is_empty(), "{found:?}");
    let march = [signal(
        "march",
        "FRA",
        Audience::Legislature,
        Some("2027-03-01"),
    )];
    assert_eq!(
        signal_overlaps(&[own("FRA", "2027-03-31", "")], &march, 0).len(),
        1
    );
}

#[test]
fn an_undated_action_overlaps_no_signal() {
    let mut undated = own("FRA", "2027-03-10", "");
    undated.start = None;
    let signals = [signal(
        "s",
        "FRA",
        Audience::Legislature,
        Some("2027-03-01"),
    )];
    assert!(signal_overlaps(&[undated], &signals, 365).is_empty());
}

#[test]
fn the_month_of_a_day_is_its_first_day() {
    assert_eq!(Signal::month_of(d("2027-03-31")), d("2027-03-01"));
    assert_eq!(Signal::month_of(d("2027-03-01")), d("2027-03-01"));
}
