//! The OPCAT status page of the UN Treaty Collection as saved on 2026-02-03.

use chrono::NaiveDate;
use entente_core::{Art24Part, ConsentKind};
use entente_io::untc::{StatusPage, parse_status_page};

use crate::common;

fn page(test: &str) -> Option<StatusPage> {
    let bytes = common::shared_file(test, "untc/cat_op.html")?;
    Some(parse_status_page(&bytes, "cat_op.html").expect("the saved page parses"))
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn counts_agree_with_the_header() {
    let Some(page) = page("counts_agree_with_the_header") else {
        return;
    };
    assert_eq!((page.signatories, page.parties), (76, 96));
    let parties = page
        .participants
        .iter()
        .filter(|p| p.consent.is_some())
        .count();
    let signed_only = page
        .participants
        .iter()
        .filter(|p| p.consent.is_none())
        .count();
    assert_eq!(parties, 96);
    assert_eq!(signed_only, 11, "signatories that have not ratified");
}

#[test]
fn spot_checks_hold() {
    let Some(page) = page("spot_checks_hold") else {
        return;
    };
    let dates = |name: &str| {
        let p = page
            .participant(name)
            .unwrap_or_else(|| panic!("{name} is a participant"));
        (
            p.signature.map(|s| s.date),
            p.consent.map(|c| (c.date, c.kind)),
        )
    };
    let ratified = ConsentKind::Ratification;
    assert_eq!(
        dates("United Kingdom of Great Britain and Northern Ireland"),
        (Some(ymd(2003, 6, 26)), Some((ymd(2003, 12, 10), ratified)))
    );
    assert_eq!(
        dates("France"),
        (Some(ymd(2005, 9, 16)), Some((ymd(2008, 11, 11), ratified)))
    );
    assert_eq!(
        dates("Mexico"),
        (Some(ymd(2003, 9, 23)), Some((ymd(2005, 4, 11), ratified)))
    );
    assert_eq!(
        dates("Brazil"),
        (Some(ymd(2003, 10, 13)), Some((ymd(2007, 1, 12), ratified)))
    );
    assert_eq!(
        dates("Colombia"),
        (None, Some((ymd(2025, 11, 10), ConsentKind::Accession)))
    );
    assert_eq!(
        dates("Albania"),
        (None, Some((ymd(2003, 10, 1), ConsentKind::Accession)))
    );
    let latest = page
        .participants
        .iter()
        .filter_map(|p| p.consent)
        .map(|c| c.date)
        .max();
    assert_eq!(
        latest,
        Some(ymd(2025, 11, 10)),
        "Colombia is the latest party"
    );
}

#[test]
fn footnote_markers_are_not_part_of_names() {
    let Some(page) = page("footnote_markers_are_not_part_of_names") else {
        return;
    };
    for name in [
        "Denmark",
        "Montenegro",
        "Netherlands (Kingdom of the)",
        "New Zealand",
        "Australia",
    ] {
        assert!(page.participant(name).is_some(), "{name}");
    }
    assert!(
        page.participants
            .iter()
            .all(|p| !p.name.chars().any(|c| c.is_ascii_digit()))
    );
}

#[test]
fn the_eight_art24_declarations() {
    let Some(page) = page("the_eight_art24_declarations") else {
        return;
    };
    let found: Vec<(&str, Art24Part, NaiveDate)> = page
        .declarations
        .iter()
        .filter_map(|d| d.art24.map(|a| (d.participant.as_str(), a.part, a.date)))
        .collect();
    let consent = |name: &str| {
        page.participant(name)
            .and_then(|p| p.consent)
            .map(|c| c.date)
            .unwrap()
    };
    let iv = Art24Part::PartIv;
    assert_eq!(
        found,
        vec![
            ("Australia", iv, consent("Australia")),
            ("Bosnia and Herzegovina", iv, ymd(2012, 3, 23)),
            ("Germany", iv, consent("Germany")),
            ("Hungary", iv, ymd(2012, 2, 7)),
            ("Kazakhstan", iv, ymd(2010, 2, 8)),
            ("Montenegro", iv, consent("Montenegro")),
            ("Philippines", Art24Part::PartIii, consent("Philippines")),
            ("Romania", iv, consent("Romania")),
        ]
    );
    let france = page
        .declarations
        .iter()
        .find(|d| d.participant == "France")
        .unwrap();
    assert!(france.art24.is_none());
    assert!(
        france
            .text
            .starts_with("Declaration: Pursuant to articles 15 and 21"),
        "{}",
        france.text
    );
    assert!(
        !france.text.contains("France Declaration"),
        "the hidden repeat of the name is dropped"
    );
}

#[test]
fn art17_notifications_are_kept_undated() {
    let Some(page) = page("art17_notifications_are_kept_undated") else {
        return;
    };
    let who: Vec<&str> = page
        .notifications
        .iter()
        .map(|n| n.participant.as_str())
        .collect();
    assert_eq!(who, ["Azerbaijan", "North Macedonia", "Slovenia"]);
    assert!(
        page.notifications
            .iter()
            .all(|n| n.text.contains("national preventive mechanism"))
    );
}
