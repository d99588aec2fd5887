use super::*;
use crate::ids::{Iso3, TreatyId};
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn ev(treaty: &str, kind: EventKind, date: &str) -> TreatyEvent {
    TreatyEvent {
        state: "FRA".parse::<Iso3>().unwrap(),
        treaty: treaty.parse::<TreatyId>().unwrap(),
        kind,
        date: d(date),
        source: "test".into(),
        note: None,
    }
}

const RATIFY: EventKind = EventKind::Consent(ConsentKind::Ratification);

fn status(cat: &[TreatyEvent], opcat: &[TreatyEvent], as_of: &str) -> OpcatStatus {
    derive(cat, opcat, d(as_of))
}

#[test]
fn first_twenty_enter_into_force_on_22_june_2006() {
    assert_eq!(entry_into_force(d("2003-12-10")), d("2006-06-22"));
    assert_eq!(entry_into_force(d("2006-05-23")), d("2006-06-22"));
}

#[test]
fn later_states_enter_into_force_30_days_after_deposit() {
    assert_eq!(entry_into_force(d("2008-11-11")), d("2008-12-11"));
    assert_eq!(entry_into_force(d("2025-11-10")), d("2025-12-10"));
}

#[test]
fn france_moves_through_the_stages() {
    let cat = [ev("cat", RATIFY, "1986-02-18")];
    let opcat = [
        ev("opcat", EventKind::Signature, "2005-09-16"),
        ev("opcat", RATIFY, "2008-11-11"),
    ];
    assert_eq!(status(&[], &[], "1985-01-01").stage, Stage::NotCatParty);
    assert_eq!(
        status(&cat, &opcat, "2005-01-01").stage,
        Stage::CatPartyNotSigned
    );
    assert_eq!(status(&cat, &opcat, "2005-09-16").stage, Stage::Signatory);
    let party = status(&cat, &opcat, "2009-06-01");
    assert_eq!(party.stage, Stage::PartyNpmPending);
    assert_eq!(party.entry_into_force, Some(d("2008-12-11")));
    assert_eq!(party.npm_due, Some(d("2009-12-11")));
    assert!(!party.npm_overdue);
    assert!(status(&cat, &opcat, "2009-12-12").npm_overdue);
    assert!(
        !status(&cat, &opcat, "2009-12-11").npm_overdue,
        "due day itself is not overdue"
    );
    assert!(party.violations.is_empty());
}

#[test]
fn designation_ends_the_pending_stage() {
    let cat = [ev("cat", RATIFY, "1986-02-18")];
    let opcat = [
        ev("opcat", RATIFY, "2008-11-11"),
        ev("opcat", EventKind::NpmDesignation, "2010-01-01"),
    ];
    let s = status(&cat, &opcat, "2010-06-01");
    assert_eq!(s.stage, Stage::NpmDesignated);
    assert!(!s.npm_overdue);
    assert_eq!(s.npm_designated, Some(d("2010-01-01")));
    assert_eq!(
        status(&cat, &opcat, "2009-12-31").stage,
        Stage::PartyNpmPending
    );
}

#[test]
fn operation_and_assessment_are_stages_six_and_seven() {
    let cat = [ev("cat", RATIFY, "1990-01-01")];
    let mut opcat = vec![
        ev("opcat", RATIFY, "2010-01-01"),
        ev("opcat", EventKind::NpmDesignation, "2010-06-01"),
    ];
    opcat.push(ev("opcat", EventKind::NpmOperation, "2011-01-01"));
    assert_eq!(
        status(&cat, &opcat, "2011-02-01").stage,
        Stage::NpmOperating
    );
    opcat.push(ev("opcat", EventKind::NpmMeetsCriteria, "2012-01-01"));
    assert_eq!(
        status(&cat, &opcat, "2012-02-01").stage,
        Stage::NpmMeetsCriteria
    );
    assert_eq!(Stage::NpmMeetsCriteria.number(), 7);
}

#[test]
fn part_iv_postponement_moves_the_npm_due_date() {
    let cat = [ev("cat", RATIFY, "1990-01-01")];
    let mut opcat = vec![
        ev("opcat", RATIFY, "2008-10-22"),
        ev(
            "opcat",
            EventKind::Art24Declaration(Art24Part::PartIv),
            "2008-10-22",
        ),
    ];
    let s = status(&cat, &opcat, "2010-01-01");
    let eif = d("2008-11-21");
    assert_eq!(s.entry_into_force, Some(eif));
    assert_eq!(s.postponement, Some(Art24Part::PartIv));
    assert_eq!(s.postponement_end, Some(d("2011-11-21")));
    assert_eq!(s.npm_due, Some(d("2011-11-21")));
    opcat.push(ev("opcat", EventKind::Art24Extension, "2011-11-01"));
    let extended = status(&cat, &opcat, "2012-01-01");
    assert_eq!(extended.npm_due, Some(d("2013-11-21")));
    assert!(!extended.npm_overdue);
    assert!(status(&cat, &opcat, "2013-11-22").npm_overdue);
}

#[test]
fn part_iii_postponement_leaves_the_npm_due_date_alone() {
    let cat = [ev("cat", RATIFY, "1990-01-01")];
    let opcat = [
        ev("opcat", RATIFY, "2010-01-01"),
        ev(
            "opcat",
            EventKind::Art24Declaration(Art24Part::PartIii),
            "2010-01-01",
        ),
    ];
    let s = status(&cat, &opcat, "2012-01-01");
    assert_eq!(s.postponement, Some(Art24Part::PartIii));
    assert_eq!(s.npm_due, Some(d("2011-01-31")));
}

#[test]
fn consent_without_cat_is_reported() {
    let opcat = [
        ev("opcat", EventKind::Signature, "2004-01-01"),
        ev("opcat", RATIFY, "2005-01-01"),
    ];
    let cat_late = [ev("cat", RATIFY, "2006-01-01")];
    let s = status(&cat_late, &opcat, "2007-01-01");
    assert_eq!(
        s.stage,
        Stage::PartyNpmPending,
        "the data is reported, not rewritten"
    );
    assert_eq!(
        s.violations,
        vec![
            Art27Violation::ConsentWithoutCatParty {
                opcat_consent: d("2005-01-01")
            },
            Art27Violation::SignatureWithoutCat {
                opcat_signature: d("2004-01-01")
            },
        ]
    );
}

#[test]
fn denunciation_ends_party_status() {
    let cat = [ev("cat", RATIFY, "1990-01-01")];
    let opcat = [
        ev("opcat", RATIFY, "2010-01-01"),
        ev("opcat", EventKind::Denunciation, "2015-01-01"),
    ];
    let s = status(&cat, &opcat, "2016-01-01");
    assert!(!s.stage.is_party());
    assert_eq!(s.entry_into_force, None);
}

fn arb_date() -> impl Strategy<Value = NaiveDate> {
    (0i64..9000).prop_map(|n| d("2000-01-01") + chrono::Duration::days(n))
}

fn arb_kind() -> impl Strategy<Value = EventKind> {
    proptest::sample::select(EventKind::ALL.to_vec())
}

fn arb_events(treaty: &'static str) -> impl Strategy<Value = Vec<TreatyEvent>> {
    proptest::collection::vec((arb_kind(), arb_date()), 0..8).prop_map(move |v| {
        v.into_iter()
            .map(|(k, date)| TreatyEvent {
                date,
                ..ev(treaty, k, "2000-01-01")
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn later_events_change_nothing(cat in arb_events("cat"), opcat in arb_events("opcat"), as_of in arb_date(), later in arb_events("opcat")) {
        let before = derive(&cat, &opcat, as_of);
        let mut more = opcat.clone();
        more.extend(later.into_iter().filter(|e| e.date > as_of));
        prop_assert_eq!(derive(&cat, &more, as_of), before);
    }

    #[test]
    fn order_of_events_does_not_matter(cat in arb_events("cat"), opcat in arb_events("opcat"), as_of in arb_date()) {
        let mut reversed = opcat.clone();
        reversed.reverse();
        prop_assert_eq!(derive(&cat, &reversed, as_of), derive(&cat, &opcat, as_of));
    }

    #[test]
    fn deadlines_are_consistent(cat in arb_events("cat"), opcat in arb_events("opcat"), as_of in arb_date()) {
        let s = derive(&cat, &opcat, as_of);
        prop_assert_eq!(s.entry_into_force.is_some(), s.stage.is_party());
        if let (Some(eif), Some(due)) = (s.entry_into_force, s.npm_due) {
            prop_assert!(eif >= ENTRY_INTO_FORCE);
            prop_assert!(due >= eif.checked_add_months(Months::new(12)).unwrap());
            prop_assert!(due <= eif.checked_add_months(Months::new(60)).unwrap());
        }
        prop_assert_eq!(s.npm_overdue, s.stage == Stage::PartyNpmPending && s.npm_due.is_some_and(|due| as_of > due));
    }

    #[test]
    fn without_denunciation_stages_never_go_back(cat in arb_events("cat"), opcat in arb_events("opcat"), a in arb_date(), b in arb_date()) {
        let keep = |v: &Vec<TreatyEvent>| v.iter().filter(|e| e.kind != EventKind::Denunciation).cloned().collect::<Vec<_>>();
        let (cat, opcat) = (keep(&cat), keep(&opcat));
        let (early, late) = (a.min(b), a.max(b));
        prop_assert!(derive(&cat, &opcat, early).stage <= derive(&cat, &opcat, late).stage);
    }

    #[test]
    fn entry_into_force_is_the_later_of_the_treaty_date_and_thirty_days(deposit in arb_date()) {
        let eif = entry_into_force(deposit);
        prop_assert!(eif >= ENTRY_INTO_FORCE);
        prop_assert!(eif >= deposit + Days::new(30));
        prop_assert!(eif == ENTRY_INTO_FORCE || eif == deposit + Days::new(30));
    }
}
