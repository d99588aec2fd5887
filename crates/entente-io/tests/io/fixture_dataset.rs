//! The dataset's own files: written and read back exactly, and damaged
//! files rejected with the file, row and field.

use std::path::Path;

use chrono::NaiveDate;
use entente_core::{Source, TreatyEvent, TreatyId};
use entente_io::dataset::{self, Dataset};
use entente_io::map::world_map;
use entente_io::untc::parse_status_page;
use entente_io::{ImportError, ImportErrorKind, StateMatcher, ratifications};

use crate::common::fixture;
use crate::fixture_tables::fixture_states;

/// A small dataset assembled from the fixtures through the public importers.
fn small_dataset() -> Dataset {
    let states = fixture_states();
    let matcher = StateMatcher::new(&states);
    let table =
        ratifications::parse(&fixture("ratifications.csv"), "ratifications.csv", &matcher).unwrap();
    let as_of = NaiveDate::from_ymd_opt(2026, 2, 3).unwrap();
    let sources: Vec<Source> = table
        .treaties
        .iter()
        .map(|t| Source {
            id: format!("untc-{}", t.id),
            title: format!("Status of the {}", t.name_en),
            publisher: "United Nations Treaty Collection".to_owned(),
            url: t.status_url.clone(),
            as_of,
        })
        .collect();
    let mut events: Vec<TreatyEvent> = table
        .participations
        .iter()
        .flat_map(|p| p.events(&format!("untc-{}", p.treaty)))
        .collect();
    let page = parse_status_page(&fixture("status_page.html"), "status_page.html").unwrap();
    for declaration in &page.declarations {
        if let Some(art24) = declaration.art24 {
            events.push(TreatyEvent {
                state: matcher.find(&declaration.participant).unwrap(),
                treaty: TreatyId::opcat(),
                kind: entente_core::EventKind::Art24Declaration(art24.part),
                date: art24.date,
                source: "untc-opcat".to_owned(),
                note: Some(format!(
                    "{}, with \"quotes\", commas\nand a new line",
                    declaration.text
                )),
            });
        }
    }
    let (map, _) = world_map(
        &fixture("countries-small.json"),
        "s",
        &fixture("countries-detailed.json"),
        "d",
        &states,
    )
    .unwrap();
    let mut dataset = Dataset {
        sources,
        states,
        treaties: table.treaties,
        events,
        map,
        as_of,
        npm: Default::default(),
    };
    dataset.sort_events();
    dataset
}

#[test]
fn what_is_written_reads_back_the_same() {
    let dataset = small_dataset();
    let dir = tempfile::tempdir().unwrap();
    dataset::write(&dataset, dir.path()).unwrap();
    assert_eq!(dataset::read(dir.path()).unwrap(), dataset);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "README.md",
            "art17-overdue.csv",
            "dataset.csv",
            "events.csv",
            "npm-statements.csv",
            "sources.csv",
            "spt-reports-published-2023.csv",
            "spt-visits.csv",
            "states.csv",
            "treaties.csv",
            "world-map.json"
        ],
        "no staging file is left behind"
    );
    let readme = std::fs::read_to_string(dir.path().join("README.md")).unwrap();
    assert!(
        readme.contains("as at **2026-02-03**")
            && readme.contains("United Nations Treaty Collection")
    );
}

fn damage(file: &str, from: &str, to: &str) -> ImportError {
    let dir = tempfile::tempdir().unwrap();
    dataset::write(&small_dataset(), dir.path()).unwrap();
    let path = dir.path().join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} contains {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    dataset::read(dir.path()).expect_err("the damaged dataset is rejected")
}

#[test]
fn damaged_files_are_rejected_with_file_row_and_field() {
    let error = damage("events.csv", "cat,AFG,1985-02-04", "cat,AFG,1985-02-30");
    assert_eq!(error.kind, ImportErrorKind::BadDate);
    assert_eq!(
        error.to_string(),
        "events.csv: row 2, date: \"1985-02-30\" is not a date: no such day"
    );

    let error = damage(
        "events.csv",
        "cat,AFG,1985-02-04,signature,untc-cat",
        "cat,AFG,1985-02-04,signature,untc-nowhere",
    );
    assert_eq!(error.kind, ImportErrorKind::DanglingReference);
    assert_eq!(
        error.to_string(),
        "events.csv: row 2, source: \"untc-nowhere\" is not in sources.csv"
    );

    let error = damage(
        "events.csv",
        "cat,AFG,1985-02-04,signature",
        "cat,AFG,1985-02-04,autograph",
    );
    assert_eq!(
        error.to_string(),
        "events.csv: row 2, kind: \"autograph\" is not a treaty event kind"
    );

    let error = damage(
        "events.csv",
        "cat,AFG,1987-04-01,ratification",
        "cat,AFG,1985-02-04,signature",
    );
    assert_eq!(error.kind, ImportErrorKind::Duplicate);
    assert_eq!(
        error.to_string(),
        "events.csv: row 3, kind: the same event as row 2"
    );

    let error = damage("states.csv", "AFG,AF,4,", "AFG,AF,four,");
    assert_eq!(
        error.to_string(),
        "states.csv: row 2, m49: \"four\" is not a number from 0 to 65535"
    );

    let error = damage("states.csv", ",true\n", ",yes\n");
    assert_eq!(error.kind, ImportErrorKind::BadValue);
    assert!(
        error
            .to_string()
            .ends_with("un_member: \"yes\" is not true or false"),
        "{error}"
    );

    let error = damage("treaties.csv", "id,mtdsg_no", "identifier,mtdsg_no");
    assert_eq!(
        error.to_string(),
        "treaties.csv: header: missing column(s) id"
    );

    let error = damage("dataset.csv", "2026-02-03", "2026-02-31");
    assert_eq!(
        error.to_string(),
        "dataset.csv: row 2, value: \"2026-02-31\" is not a date: no such day"
    );

    let error = damage("world-map.json", "\"width\"", "\"breadth\"");
    assert_eq!(error.kind, ImportErrorKind::Malformed);
    assert!(
        error.to_string().starts_with("world-map.json: line "),
        "{error}"
    );

    let error = damage("world-map.json", "\"iso3\": \"FRA\"", "\"iso3\": \"XXX\"");
    assert_eq!(
        error.to_string(),
        "world-map.json: shapes.iso3: XXX is not in states.csv"
    );
}

#[test]
fn a_missing_file_is_named() {
    let error = dataset::read(Path::new("/nonexistent-entente-dataset")).unwrap_err();
    assert_eq!(error.kind, ImportErrorKind::Io);
    assert!(
        error.to_string().starts_with("dataset.csv: cannot read"),
        "{error}"
    );
}

#[test]
fn the_shipped_dataset_is_the_repository_copy() {
    let shipped = dataset::shipped().expect("the embedded dataset parses");
    let on_disk = dataset::read(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data"
    )))
    .unwrap();
    assert_eq!(
        shipped, on_disk,
        "rebuild the binary after regenerating data/"
    );
    assert_eq!(shipped.as_of, NaiveDate::from_ymd_opt(2026, 2, 3).unwrap());
    assert!(
        shipped
            .events
            .iter()
            .all(|e| shipped.sources.iter().any(|s| s.id == e.source))
    );
}
