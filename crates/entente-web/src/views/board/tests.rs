use chrono::NaiveDate;
use entente_core::{
    ConsentKind, EventKind, Names, RegionalGroup, Stage, State, TreatyEvent, TreatyId,
};

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn state(code: &str, group: Option<RegionalGroup>, un_member: bool) -> State {
    State {
        iso3: code.parse().unwrap(),
        iso2: code[..2].to_owned(),
        m49: 0,
        names: Names {
            en: code.into(),
            fr: code.into(),
            es: code.into(),
        },
        formal_names: Names::default(),
        region: None,
        subregion: None,
        regional_group: group,
        un_member,
    }
}

fn event(code: &str, treaty: TreatyId, kind: EventKind, date: NaiveDate) -> TreatyEvent {
    TreatyEvent {
        state: code.parse().unwrap(),
        treaty,
        kind,
        date,
        source: "s".into(),
        note: None,
    }
}

fn fixture() -> (Vec<State>, Vec<TreatyEvent>) {
    let ratify = EventKind::Consent(ConsentKind::Ratification);
    let states = vec![
        state("FRA", Some(RegionalGroup::Weog), true),
        state("MEX", Some(RegionalGroup::Grulac), true),
        state("AAA", Some(RegionalGroup::African), true),
        state("GRL", None, false),
    ];
    let events = vec![
        event("FRA", TreatyId::cat(), ratify, day(1986, 2, 18)),
        event(
            "FRA",
            TreatyId::opcat(),
            EventKind::Signature,
            day(2005, 9, 16),
        ),
        event("FRA", TreatyId::opcat(), ratify, day(2008, 11, 11)),
        event(
            "FRA",
            TreatyId::opcat(),
            EventKind::NpmDesignation,
            day(2008, 11, 11),
        ),
        event("MEX", TreatyId::cat(), ratify, day(1986, 1, 23)),
        event("MEX", TreatyId::opcat(), ratify, day(2005, 4, 11)),
    ];
    (states, events)
}

#[test]
fn the_board_derives_each_states_stage_on_the_day() {
    let (states, events) = fixture();
    let board = Board::build(&states, &events, day(2008, 1, 1));
    assert_eq!(
        board.entries.len(),
        3,
        "the territory without events stays off the board"
    );
    assert_eq!(
        board.get("FRA".parse().unwrap()).unwrap().stage,
        Stage::Signatory
    );
    assert_eq!(
        board.get("MEX".parse().unwrap()).unwrap().stage,
        Stage::PartyNpmPending
    );
    assert_eq!(
        board.get("AAA".parse().unwrap()).unwrap().stage,
        Stage::NotCatParty
    );
    assert_eq!((board.parties(), board.signatories()), (1, 1));
    assert_eq!(
        board.overdue().len(),
        1,
        "Mexico's NPM was due in June 2007"
    );

    let later = Board::build(&states, &events, day(2009, 1, 1));
    assert_eq!(
        later.get("FRA".parse().unwrap()).unwrap().stage,
        Stage::NpmDesignated
    );
    let counts: Vec<usize> = later.stage_counts().iter().map(|c| c.count).collect();
    assert_eq!(counts, vec![1, 0, 0, 1, 1, 0, 0]);
}

#[test]
fn group_rows_count_stages_per_group() {
    let (states, events) = fixture();
    let board = Board::build(&states, &events, day(2009, 1, 1));
    let rows = board.group_rows();
    assert_eq!(
        rows.len(),
        5,
        "no row for states outside any group when there are none"
    );
    let weog = rows
        .iter()
        .find(|r| r.group == Some(RegionalGroup::Weog))
        .unwrap();
    assert_eq!(weog.counts[Stage::NpmDesignated as usize], 1);
    assert_eq!(weog.entries.len(), 1);
}

#[test]
fn party_steps_count_consents_and_denunciations_up_to_the_day() {
    let (_, mut events) = fixture();
    events.push(event(
        "MEX",
        TreatyId::opcat(),
        EventKind::Denunciation,
        day(2010, 1, 1),
    ));
    let opcat: Vec<TreatyEvent> = events
        .into_iter()
        .filter(|e| e.treaty == TreatyId::opcat())
        .collect();
    let steps = party_steps(&opcat, day(2020, 1, 1));
    let counts: Vec<(NaiveDate, usize)> = steps.iter().map(|s| (s.date, s.parties)).collect();
    assert_eq!(
        counts,
        vec![
            (day(2005, 4, 11), 1),
            (day(2008, 11, 11), 2),
            (day(2010, 1, 1), 1)
        ]
    );
    assert_eq!(party_steps(&opcat, day(2006, 1, 1)).len(), 1);
}

#[test]
fn months_between_counts_whole_months() {
    assert_eq!(months_between(day(2007, 6, 22), day(2008, 1, 1)), 6);
    assert_eq!(months_between(day(2007, 6, 22), day(2007, 6, 21)), 0);
    assert_eq!(months_between(day(2020, 1, 31), day(2021, 3, 1)), 13);
}
