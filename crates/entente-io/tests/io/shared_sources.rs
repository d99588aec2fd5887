//! The importers on the raw public sources in ../shared/data, with facts as
//! at 2026-02-03 (skipped when ../shared is absent).

use std::collections::BTreeMap;
use std::path::Path;

use entente_core::{EventKind, Iso3, RegionalGroup, TreatyId};
use entente_io::countries::{apply_regional_groups, parse_country_codes, parse_regional_groups};
use entente_io::{StateMatcher, dataset, npm, ratifications};

use crate::common::{shared_data, shared_file};

fn iso(code: &str) -> Iso3 {
    code.parse().unwrap()
}

#[test]
fn every_un_member_is_in_a_regional_group() {
    let test = "every_un_member_is_in_a_regional_group";
    let (Some(codes), Some(groups)) = (
        shared_file(test, "countries/country-codes.csv"),
        shared_file(test, "countries/un-regional-groups.csv"),
    ) else {
        return;
    };
    let mut states = parse_country_codes(&codes, "country-codes.csv").unwrap();
    assert_eq!(states.len(), 249);
    let listings = parse_regional_groups(&groups, "un-regional-groups.csv").unwrap();
    let mut listed: BTreeMap<RegionalGroup, usize> = BTreeMap::new();
    for listing in &listings {
        *listed.entry(listing.group).or_default() += 1;
    }
    use RegionalGroup::*;
    assert_eq!(
        listed.into_iter().collect::<Vec<_>>(),
        [
            (African, 54),
            (AsiaPacific, 55),
            (EasternEuropean, 23),
            (Grulac, 33),
            (Weog, 29)
        ],
        "the table's own counts, Türkiye listed twice"
    );
    apply_regional_groups(&mut states, &listings, "un-regional-groups.csv").unwrap();
    let members: Vec<_> = states.iter().filter(|s| s.un_member).collect();
    assert_eq!(members.len(), 193);
    assert!(members.iter().all(|s| s.regional_group.is_some()));
    let in_group = |group| {
        members
            .iter()
            .filter(|s| s.regional_group == Some(group))
            .count()
    };
    assert_eq!(
        [African, AsiaPacific, EasternEuropean, Grulac, Weog].map(in_group),
        [54, 54, 23, 33, 29],
        "Türkiye counts in WEOG only"
    );
    let state = |code: &str| states.iter().find(|s| s.iso3 == iso(code)).unwrap();
    assert_eq!(state("USA").regional_group, Some(Weog));
    assert_eq!(state("TUR").regional_group, Some(Weog));
    assert_eq!(state("TUR").names.en, "Türkiye");
    assert_eq!(state("CIV").names.en, "Côte d'Ivoire");
    assert_eq!(
        (
            state("AFG").names.en.as_str(),
            state("AFG").names.es.as_str()
        ),
        ("Afghanistan", "Afganistán")
    );
    assert_eq!(
        state("AFG").formal_names.en,
        "the Islamic Republic of Afghanistan"
    );
    assert_eq!(state("FRA").names.fr, "France");
    assert_eq!(state("BOL").names.en, "Bolivia (Plurinational State of)");
    assert!(!state("PSE").un_member && !state("VAT").un_member);
}

#[test]
fn every_name_of_the_ratifications_table_is_matched() {
    let test = "every_name_of_the_ratifications_table_is_matched";
    let Some(dir) = shared_data(test) else { return };
    let read = |path: &str| std::fs::read(dir.join(path)).unwrap();
    let mut states =
        parse_country_codes(&read("countries/country-codes.csv"), "country-codes.csv").unwrap();
    let listings = parse_regional_groups(
        &read("countries/un-regional-groups.csv"),
        "un-regional-groups.csv",
    )
    .unwrap();
    apply_regional_groups(&mut states, &listings, "un-regional-groups.csv").unwrap();
    let matcher = StateMatcher::new(&states);
    let table = ratifications::parse(
        &read("untc/un_hr_ratifications.csv"),
        "un_hr_ratifications.csv",
        &matcher,
    )
    .expect("every country name is matched");
    assert_eq!(table.treaties.len(), 18);
    assert!(table.treaties.iter().all(|t| !t.mtdsg_no.is_empty()
        && t.opened_year.is_some()
        && t.status_url.starts_with("https://treaties.un.org/")));
    let opcat = table
        .treaties
        .iter()
        .find(|t| t.id == TreatyId::opcat())
        .unwrap();
    assert_eq!(
        (opcat.mtdsg_no.as_str(), opcat.opened_year),
        ("IV-9-b", Some(2002))
    );
    assert!(table.treaties.iter().any(|t| t.id.as_str() == "crc_op_ac"));
    assert_eq!(table.participations.len() + table.skipped.len(), 2567);
    let mut skipped: Vec<&str> = table.skipped.iter().map(|s| s.name.as_str()).collect();
    skipped.dedup();
    skipped.sort();
    skipped.dedup();
    assert_eq!(
        skipped,
        [
            "Czechoslovakia",
            "European Union",
            "German Democratic Republic"
        ]
    );
    for name in [
        "United Kingdom of Great Britain and Northern Ireland",
        "Bolivia (Plurinational State of)",
        "Türkiye",
        "Côte d'Ivoire",
        "State of Palestine",
        "Netherlands (Kingdom of the)",
        "Czech Republic",
        "St. Kitts and Nevis",
        "St. Vincent and the Grenadines",
        "Bahamas (The)",
    ] {
        assert!(matcher.find(name).is_some(), "{name}");
    }

    let npm_table = npm::parse(
        &read("npm/npm_designations.csv"),
        "npm_designations.csv",
        &states,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
    )
    .unwrap();
    assert_eq!(npm_table.designations.len() + npm_table.gaps.len(), 94);
    assert!(
        npm_table.gaps.iter().any(|g| g.state == iso("AFG")),
        "NO NPM is a gap"
    );
}

#[test]
fn the_built_dataset_is_the_committed_one() {
    let Some(dir) = shared_data("the_built_dataset_is_the_committed_one") else {
        return;
    };
    let (built, report) = dataset::build(&dir).expect("the raw sources build");
    let committed = dataset::read(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data"
    )))
    .unwrap();
    assert!(
        built == committed,
        "data/ is out of date: run `cargo run -- data build`"
    );

    let opcat: Vec<_> = built
        .events
        .iter()
        .filter(|e| e.treaty == TreatyId::opcat())
        .collect();
    let count = |wanted: fn(EventKind) -> bool| opcat.iter().filter(|e| wanted(e.kind)).count();
    assert_eq!(count(|k| k.consent().is_some()), 96);
    assert_eq!(count(|k| k == EventKind::Signature), 76);
    assert_eq!(count(|k| matches!(k, EventKind::Art24Declaration(_))), 8);
    assert_eq!(report.events_per_treaty.len(), 18);
    assert!(
        report.opcat_disagreements.is_empty(),
        "{:?}",
        report.opcat_disagreements
    );
    assert_eq!(report.skipped_rows.len(), 7);
    assert!(
        built
            .events
            .iter()
            .all(|e| built.sources.iter().any(|s| s.id == e.source))
    );
    let npm: Vec<_> = opcat
        .iter()
        .filter(|e| e.kind == EventKind::NpmDesignation)
        .collect();
    assert_eq!(npm.len() + report.npm_gaps.len(), 94);
    assert!(
        npm.iter()
            .all(|e| e.source.starts_with("npm-") && e.note.is_some())
    );

    assert!(
        report.map_json_bytes < 150_000,
        "{} bytes",
        report.map_json_bytes
    );
    assert!(built.map.shapes.iter().all(|s| s.iso3.as_str() != "ATA"));
    let marked: Vec<&str> = built.map.markers.iter().map(|m| m.iso3.as_str()).collect();
    for small in ["CPV", "LIE", "MDV", "MLT", "MUS", "NRU"] {
        assert!(marked.contains(&small), "{small} has a marker");
    }
    assert_eq!(
        report
            .map
            .unplaced
            .iter()
            .filter(|s| s.as_str() == "TUV")
            .count(),
        1,
        "Tuvalu has no shape in either file"
    );
}
