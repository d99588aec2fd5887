//! The deadline timeline on hand-built states and actions, as of given days.

use super::tests_support::{action, d, iso, state_at};
use super::*;
use crate::event::{Art24Part, ConsentKind, EventKind};

const RATIFY: EventKind = EventKind::Consent(ConsentKind::Ratification);
const CAT: &[(EventKind, &str)] = &[(RATIFY, "2000-01-01")];
const PART_III: EventKind = EventKind::Art24Declaration(Art24Part::PartIii);
const PART_IV: EventKind = EventKind::Art24Declaration(Art24Part::PartIv);

fn npm(date: &str, state: &str, overdue: bool) -> Deadline {
    Deadline {
        date: d(date),
        kind: DeadlineKind::NpmDue,
        state: iso(state),
        action: None,
        overdue,
    }
}

fn postponement(date: &str, state: &str, part: Art24Part) -> Deadline {
    Deadline {
        date: d(date),
        kind: DeadlineKind::PostponementEnd { part },
        state: iso(state),
        action: None,
        overdue: false,
    }
}

#[test]
fn npm_due_dates_with_and_without_postponements() {
    let as_of = "2026-06-01";
    let states = [
        // Entry into force 2026-01-31: due a year later.
        state_at("NEW", CAT, &[(RATIFY, "2026-01-01")], "2026-01-31", as_of),
        // Due 2021-01-31 and still no NPM.
        state_at("LAT", CAT, &[(RATIFY, "2020-01-01")], "2020-01-31", as_of),
        // Part IV postponed three years from 2024-01-31.
        state_at(
            "FOU",
            CAT,
            &[(RATIFY, "2024-01-01"), (PART_IV, "2024-01-01")],
            "2024-01-31",
            as_of,
        ),
        // Part III postponed: the NPM is still due after a year.
        state_at(
            "THR",
            CAT,
            &[(RATIFY, "2024-01-01"), (PART_III, "2024-01-01")],
            "2024-01-31",
            as_of,
        ),
        // Designated: nothing left to fall due.
        state_at(
            "DES",
            CAT,
            &[
                (RATIFY, "2020-01-01"),
                (EventKind::NpmDesignation, "2022-01-01"),
            ],
            "2022-01-01",
            as_of,
        ),
        state_at(
            "SIG",
            CAT,
            &[(EventKind::Signature, "2020-01-01")],
            "2020-01-01",
            as_of,
        ),
    ];
    assert_eq!(
        deadlines(&states, &[], d(as_of)),
        vec![
            npm("2021-01-31", "LAT", true),
            npm("2025-01-31", "THR", true),
            npm("2027-01-31", "FOU", false),
            npm("2027-01-31", "NEW", false),
            postponement("2027-01-31", "THR", Art24Part::PartIii),
            postponement("2027-01-31", "FOU", Art24Part::PartIv),
        ]
    );
}

#[test]
fn as_of_a_later_day_a_postponement_has_ended_and_the_npm_is_overdue() {
    let as_of = "2027-02-01";
    let fou = state_at(
        "FOU",
        CAT,
        &[(RATIFY, "2024-01-01"), (PART_IV, "2024-01-01")],
        "2024-01-31",
        as_of,
    );
    assert_eq!(
        deadlines(&[fou], &[], d(as_of)),
        vec![npm("2027-01-31", "FOU", true)]
    );
    let on_the_day = "2027-01-31";
    let fou = state_at(
        "FOU",
        CAT,
        &[(RATIFY, "2024-01-01"), (PART_IV, "2024-01-01")],
        "2024-01-31",
        on_the_day,
    );
    assert_eq!(
        deadlines(&[fou], &[], d(on_the_day)),
        vec![
            npm(on_the_day, "FOU", false),
            postponement(on_the_day, "FOU", Art24Part::PartIv)
        ]
    );
}

#[test]
fn actions_past_their_due_date_and_not_closed_are_overdue() {
    let due = |id: i64, date: &str, status: ActionStatus, states: &[&str]| {
        let mut a = action(id, 1);
        a.due = Some(d(date));
        a.status = status;
        a.states = states.iter().map(|s| iso(s)).collect();
        a
    };
    let actions = [
        due(1, "2026-05-01", ActionStatus::Planned, &["KEN"]),
        due(2, "2026-05-01", ActionStatus::Done, &["KEN"]),
        due(3, "2026-04-01", ActionStatus::Cancelled, &["KEN"]),
        due(
            4,
            "2026-07-01",
            ActionStatus::UnderWay,
            &["UGA", "KEN", "UGA"],
        ),
        due(5, "2026-06-01", ActionStatus::Idea, &["KEN"]),
        action(6, 1),
    ];
    let listed: Vec<(i64, String, bool)> = deadlines(&[], &actions, d("2026-06-01"))
        .iter()
        .map(|deadline| {
            assert_eq!(deadline.kind, DeadlineKind::ActionDue);
            let id = deadline.action.unwrap().0;
            (id, deadline.state.to_string(), deadline.overdue)
        })
        .collect();
    let expected = [
        (1, "KEN", true),
        (5, "KEN", false),
        (4, "KEN", false),
        (4, "UGA", false),
    ];
    let expected: Vec<(i64, String, bool)> = expected
        .iter()
        .map(|(id, state, overdue)| (*id, (*state).to_owned(), *overdue))
        .collect();
    assert_eq!(listed, expected);
}

#[test]
fn an_spt_reply_is_due_six_months_after_the_report_and_overdue_the_day_after() {
    use crate::implementation::SptVisitId;
    let visit = |id: i64, sent: &str, reply: Option<&str>| SptFollowUp {
        visit: SptVisitId(id),
        state: iso("MEX"),
        report_sent_on: d(sent),
        reply_received_on: reply.map(d),
    };
    let visits = [
        visit(1, "2024-09-30", None),
        visit(2, "2024-01-31", Some("2024-05-01")),
        visit(3, "2024-12-01", None),
        visit(4, "2025-08-01", None),
    ];
    let found = spt_reply_deadlines(&visits, d("2025-04-01"));
    let summary: Vec<(String, DeadlineKind, bool)> = found
        .iter()
        .map(|x| (x.date.to_string(), x.kind, x.overdue))
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                "2025-03-30".to_owned(),
                DeadlineKind::SptReplyDue {
                    visit: SptVisitId(1)
                },
                true
            ),
            (
                "2025-06-01".to_owned(),
                DeadlineKind::SptReplyDue {
                    visit: SptVisitId(3)
                },
                false
            ),
        ],
        "answered and not yet sent have none"
    );
    // On the due day itself the reply is not yet late.
    assert!(!spt_reply_deadlines(&visits[..1], d("2025-03-30"))[0].overdue);
}
