//! The CSV importers (countries, regional groups, ratifications, NPM
//! designations) on small tables written for the tests, intact and damaged.

use chrono::NaiveDate;
use entente_core::{ConsentKind, Iso3, RegionalGroup, State, TreatyId};
use entente_io::countries::{apply_regional_groups, parse_country_codes, parse_regional_groups};
use entente_io::npm::Precision;
use entente_io::{ImportErrorKind, StateMatcher, npm, ratifications};

use crate::common::{fixture, fixture_text};

fn iso(code: &str) -> Iso3 {
    code.parse().unwrap()
}

pub fn fixture_states() -> Vec<State> {
    let mut states =
        parse_country_codes(&fixture("country-codes.csv"), "country-codes.csv").unwrap();
    let groups =
        parse_regional_groups(&fixture("un-regional-groups.csv"), "un-regional-groups.csv")
            .unwrap();
    apply_regional_groups(&mut states, &groups, "un-regional-groups.csv").unwrap();
    states
}

fn state<'a>(states: &'a [State], code: &str) -> &'a State {
    states.iter().find(|s| s.iso3 == iso(code)).unwrap()
}

#[test]
fn countries_get_clean_names_and_their_group() {
    let states = fixture_states();
    assert_eq!(states.len(), 10, "the row without an ISO code is left out");
    let afghanistan = state(&states, "AFG");
    assert_eq!(
        (
            afghanistan.names.en.as_str(),
            afghanistan.names.fr.as_str(),
            afghanistan.names.es.as_str()
        ),
        ("Afghanistan", "Afghanistan", "Afganistán")
    );
    assert_eq!(
        afghanistan.formal_names.fr,
        "la République islamique d'Afghanistan"
    );
    assert_eq!(
        afghanistan
            .region
            .as_ref()
            .map(|r| (r.code, r.name_en.as_str())),
        Some((142, "Asia"))
    );
    assert_eq!(afghanistan.subregion.as_ref().map(|r| r.code), Some(34));
    assert_eq!(afghanistan.m49, 4);
    let ivory = state(&states, "CIV");
    assert_eq!(
        (ivory.names.en.as_str(), ivory.names.fr.as_str()),
        ("Côte d'Ivoire", "Côte d’Ivoire")
    );
    assert_eq!(state(&states, "TUR").names.en, "Türkiye");
    assert_eq!(
        state(&states, "TUR").regional_group,
        Some(RegionalGroup::Weog)
    );
    let holy_see = state(&states, "VAT");
    assert_eq!(
        (
            holy_see.names.en.as_str(),
            holy_see.formal_names.en.as_str()
        ),
        ("Holy See", "the Holy See")
    );
    assert!(!holy_see.un_member && holy_see.regional_group.is_none());
    assert_eq!(state(&states, "ATA").region, None);
    assert_eq!(states.iter().filter(|s| s.un_member).count(), 8);
}

#[test]
fn damaged_country_tables_are_rejected() {
    let codes = fixture_text("country-codes.csv").replace("Sub-region Name", "Subregion");
    let error = parse_country_codes(codes.as_bytes(), "country-codes.csv").unwrap_err();
    assert_eq!(
        error.to_string(),
        "country-codes.csv: header: missing column(s) Sub-region Name"
    );

    let groups = fixture_text("un-regional-groups.csv")
        .replace("ZMB,Zambia,African Group", "ZMB,Zambia,Nordic Group");
    let error = parse_regional_groups(groups.as_bytes(), "un-regional-groups.csv").unwrap_err();
    assert_eq!(
        error.to_string(),
        "un-regional-groups.csv: row 6 (Zambia), Region: \"Nordic Group\" is not a UN regional group"
    );

    let mut states =
        parse_country_codes(&fixture("country-codes.csv"), "country-codes.csv").unwrap();
    let groups = fixture_text("un-regional-groups.csv") + "XKX,Kosovo,Eastern European Group\n";
    let listings = parse_regional_groups(groups.as_bytes(), "un-regional-groups.csv").unwrap();
    let error =
        apply_regional_groups(&mut states, &listings, "un-regional-groups.csv").unwrap_err();
    assert_eq!(error.kind, ImportErrorKind::UnknownName);
    assert_eq!(
        error.to_string(),
        "un-regional-groups.csv: row 11 (Kosovo), Code: XKX is not in the country table"
    );
}

#[test]
fn ratifications_match_names_and_skip_non_states() {
    let states = fixture_states();
    let matcher = StateMatcher::new(&states);
    let table =
        ratifications::parse(&fixture("ratifications.csv"), "ratifications.csv", &matcher).unwrap();
    let treaties: Vec<&str> = table.treaties.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(treaties, ["opcat", "cat"]);
    assert_eq!(table.treaties[0].mtdsg_no, "IV-9-b");
    assert_eq!(table.treaties[1].opened_year, Some(1984));
    assert_eq!(table.participations.len(), 8);
    let skipped: Vec<&str> = table.skipped.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(skipped, ["Czechoslovakia", "European Union"]);
    let turkey = table
        .participations
        .iter()
        .find(|p| p.state == iso("TUR"))
        .unwrap();
    assert_eq!(turkey.treaty, TreatyId::cat());
    assert_eq!(
        turkey.consent,
        Some((
            NaiveDate::from_ymd_opt(1988, 8, 2).unwrap(),
            ConsentKind::Ratification
        ))
    );
    assert!(
        table.participations.iter().any(|p| p.state == iso("CIV")),
        "Côte d'Ivoire with a straight apostrophe"
    );
    let zambia = table
        .participations
        .iter()
        .find(|p| p.state == iso("ZMB"))
        .unwrap();
    assert_eq!(zambia.events("untc-opcat").len(), 1, "a signature only");
}

#[test]
fn damaged_ratifications_are_rejected_where_they_are_wrong() {
    let matcher = StateMatcher::new(&fixture_states());
    let parse = |text: &str| {
        ratifications::parse(text.as_bytes(), "ratifications.csv", &matcher).unwrap_err()
    };
    let table = fixture_text("ratifications.csv");
    let france = table
        .lines()
        .find(|l| l.starts_with("France,"))
        .unwrap()
        .to_owned();

    let error = parse(&format!(
        "{table}{}\n",
        france.replacen("France", "Atlantis", 1)
    ));
    assert_eq!(error.kind, ImportErrorKind::UnknownName);
    assert_eq!(
        error.to_string(),
        "ratifications.csv: row 12 (Atlantis), country_name: \"Atlantis\" matches no known state"
    );

    let error = parse(&format!("{table}{france}\n"));
    assert_eq!(error.kind, ImportErrorKind::Duplicate);
    assert!(error.to_string().starts_with("ratifications.csv: row 12 (France), country_name: FRA and opcat already appear at row 4 (France)"), "{error}");

    let error = parse(&table.replace("2005-09-16", "2005-02-31"));
    assert_eq!(error.kind, ImportErrorKind::BadDate);
    assert_eq!(
        error.to_string(),
        "ratifications.csv: row 4 (France), signature_date: \"2005-02-31\" is not a date: no such day"
    );

    let error = parse(&table.replacen("mtdsg_no,", "", 1));
    assert_eq!(error.kind, ImportErrorKind::MissingColumn);
}

const READ_ON: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();

#[test]
fn npm_designations_are_dated_without_guessing() {
    let states = fixture_states();
    let table = npm::parse(
        &fixture("npm_designations.csv"),
        "npm_designations.csv",
        &states,
        READ_ON,
    )
    .unwrap();
    let dated: Vec<(&str, NaiveDate, Precision)> = table
        .designations
        .iter()
        .map(|d| (d.state.as_str(), d.date, d.precision))
        .collect();
    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(
        dated,
        [
            ("ALB", ymd(2008, 12, 31), Precision::Year),
            ("BIH", ymd(2013, 12, 31), Precision::Month),
            ("FRA", ymd(2007, 10, 30), Precision::Day),
            ("TUR", READ_ON, Precision::ReadOn),
        ]
    );
    assert!(
        table.designations[3]
            .note()
            .contains("dated on the day the source was read")
    );
    assert!(
        table.designations[0]
            .note()
            .contains("year only in the source; 31 December used as the latest possible day")
    );
    assert!(table.designations[2].note().contains(
        "the source says: 2007-10-30 (law); first mandate-holder appointed 13 June 2008"
    ));
    assert_eq!(table.gaps.len(), 1);
    assert_eq!(table.gaps[0].state, iso("ZMB"));

    let damaged = fixture_text("npm_designations.csv").replace(",ZMB,", ",ZZZ,");
    let error =
        npm::parse(damaged.as_bytes(), "npm_designations.csv", &states, READ_ON).unwrap_err();
    assert_eq!(
        error.to_string(),
        "npm_designations.csv: row 5 (Zambia), iso3: ZZZ is not in the country table"
    );
    let damaged = fixture_text("npm_designations.csv").replace(",2008,", ",2008-02-30,");
    let error =
        npm::parse(damaged.as_bytes(), "npm_designations.csv", &states, READ_ON).unwrap_err();
    assert_eq!(error.kind, ImportErrorKind::BadDate);
    assert!(
        error
            .to_string()
            .starts_with("npm_designations.csv: row 2, designation_date_or_year:"),
        "{error}"
    );
}
