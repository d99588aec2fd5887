//! Since when a state has been at its stage, read from its events.

use super::tests_support::{d, iso};
use super::*;
use crate::TreatyId;
use crate::event::{ConsentKind, EventKind, TreatyEvent};
use crate::opcat::Stage;

const RATIFY: EventKind = EventKind::Consent(ConsentKind::Ratification);

fn events(treaty: TreatyId, list: &[(EventKind, &str)]) -> Vec<TreatyEvent> {
    list.iter()
        .map(|(kind, date)| TreatyEvent {
            state: iso("KEN"),
            treaty: treaty.clone(),
            kind: *kind,
            date: d(date),
            source: "test".into(),
            note: None,
        })
        .collect()
}

fn at(cat: &[(EventKind, &str)], opcat: &[(EventKind, &str)], as_of: &str) -> (Stage, NaiveDate) {
    let (cat, opcat) = (
        events(TreatyId::cat(), cat),
        events(TreatyId::opcat(), opcat),
    );
    let standing = StateAtStage::derive(iso("KEN"), &cat, &opcat, d(as_of));
    assert_eq!(
        standing.status,
        crate::opcat::derive(&cat, &opcat, d(as_of))
    );
    (standing.status.stage, standing.since)
}

#[test]
fn a_state_reaches_each_stage_on_the_day_of_its_event() {
    let cat = [(RATIFY, "1997-02-21")];
    let opcat = [
        (EventKind::Signature, "2010-05-05"),
        (RATIFY, "2012-03-01"),
        (EventKind::NpmNotification, "2014-07-01"),
        (EventKind::NpmDesignation, "2014-06-01"),
        (EventKind::NpmOperation, "2016-01-01"),
        (EventKind::NpmOperation, "2015-09-01"),
        (EventKind::NpmMeetsCriteria, "2020-01-01"),
    ];
    let opened = OPENED_FOR_SIGNATURE;
    assert_eq!(at(&[], &[], "2026-01-01"), (Stage::NotCatParty, opened));
    assert_eq!(at(&cat, &opcat, "1990-01-01"), (Stage::NotCatParty, opened));
    assert_eq!(
        at(&cat, &opcat, "2005-01-01"),
        (Stage::CatPartyNotSigned, opened),
        "CAT party before 2003"
    );
    let late_cat = [(RATIFY, "2008-08-08")];
    assert_eq!(
        at(&late_cat, &[], "2009-01-01"),
        (Stage::CatPartyNotSigned, d("2008-08-08"))
    );
    assert_eq!(
        at(&cat, &opcat, "2011-01-01"),
        (Stage::Signatory, d("2010-05-05"))
    );
    assert_eq!(
        at(&cat, &opcat, "2013-01-01"),
        (Stage::PartyNpmPending, d("2012-03-01"))
    );
    assert_eq!(
        at(&cat, &opcat, "2015-01-01"),
        (Stage::NpmDesignated, d("2014-06-01"))
    );
    assert_eq!(
        at(&cat, &opcat, "2015-10-01"),
        (Stage::NpmOperating, d("2015-09-01"))
    );
    assert_eq!(
        at(&cat, &opcat, "2026-01-01"),
        (Stage::NpmMeetsCriteria, d("2020-01-01"))
    );
}
