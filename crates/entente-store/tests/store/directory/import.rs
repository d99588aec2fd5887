//! Importing and exporting directory entries: creates and updates by short
//! name, all or nothing, every refused value named by row and field.

use entente_core::Iso3;
use entente_core::access::{OrgKind, Visibility};
use entente_core::plan::{Level, Sector};
use entente_io::plan::OrganisationRecord;
use entente_store::{ImportError, ImportSummary, StoreError};

use super::{ROOT, world};
use crate::fixtures::iso3;
use crate::support::on_each_backend;

fn record(line: usize, short: &str, states: &[&str]) -> OrganisationRecord {
    OrganisationRecord {
        line,
        short_name: short.to_owned(),
        name: format!("{short} in full"),
        kind: OrgKind::Nhri,
        level: Level::National,
        sectors: vec![Sector::Detention],
        states: states
            .iter()
            .map(|s| Iso3::try_from((*s).to_owned()).unwrap())
            .collect(),
        regions: Vec::new(),
        website: Some(format!("https://{short}.example.org")),
        description: None,
        visibility: Visibility::Public,
    }
}

fn rows(err: ImportError) -> Vec<(usize, String, String)> {
    match err {
        ImportError::Rows(rows) => rows
            .into_iter()
            .map(|r| (r.line, r.field, r.value))
            .collect(),
        ImportError::Store(e) => panic!("row errors expected, got {e}"),
    }
}

#[test]
fn importing_organisations_creates_and_updates_all_or_nothing() {
    on_each_backend("import_organisations", |db| {
        let store = &db.store;
        let world = world(store);
        let site_admin = store.member_scope(world.site_admin).unwrap();
        let mut apt = store.export_organisations(&ROOT).unwrap().remove(0);
        assert_eq!(apt.short_name, "apt");
        apt.name = "APT, imported".to_owned();
        apt.states = vec![iso3("CIV")];
        let records = [
            record(2, "cndh", &["CIV"]),
            record(3, "cndh-fr", &["FRA"]),
            OrganisationRecord { line: 4, ..apt },
        ];
        let summary = store.import_organisations(&site_admin, &records).unwrap();
        assert_eq!(
            summary,
            ImportSummary {
                inserted: 2,
                updated: 1
            },
            "on {}",
            db.backend()
        );
        let cndh = store
            .organisation_by_short_name(&ROOT, "cndh")
            .unwrap()
            .unwrap();
        assert_eq!(cndh.profile.sectors, [Sector::Detention]);
        assert_eq!(cndh.profile.area.states, [iso3("CIV")]);
        let apt = store.organisation(&ROOT, world.owner).unwrap().unwrap();
        assert_eq!(
            (apt.name.as_str(), apt.profile.area.states.as_slice()),
            ("APT, imported", [iso3("CIV")].as_slice())
        );
        // The same file again changes nothing but counts as updates.
        let again = store.import_organisations(&site_admin, &records).unwrap();
        assert_eq!(
            again,
            ImportSummary {
                inserted: 0,
                updated: 3
            }
        );
        // Exported then imported back: the same entries.
        let exported = store.export_organisations(&ROOT).unwrap();
        store.import_organisations(&site_admin, &exported).unwrap();
        assert_eq!(store.export_organisations(&ROOT).unwrap(), exported);
    });
}

#[test]
fn a_bad_organisation_file_names_every_bad_row_and_writes_nothing() {
    on_each_backend("import_organisations_bad", |db| {
        let store = &db.store;
        let world = world(store);
        let before = store.export_organisations(&ROOT).unwrap();
        let mut blank = record(4, "blank", &[]);
        blank.name = "  ".to_owned();
        let mut bad_name = record(5, "Bad Name", &[]);
        bad_name.website = None;
        let mut script = record(6, "script", &[]);
        script.website = Some("javascript:alert(1)".to_owned());
        let records = [
            record(2, "good", &["FRA"]),
            record(3, "unknown-state", &["FRA", "XYZ"]),
            blank,
            bad_name,
            script,
            record(7, "good", &[]),
        ];
        let err = store.import_organisations(&ROOT, &records).unwrap_err();
        let mut found = rows(err);
        found.sort();
        assert_eq!(
            found,
            [
                (3, "states".to_owned(), "XYZ".to_owned()),
                (4, "name".to_owned(), String::new()),
                (5, "short_name".to_owned(), "Bad Name".to_owned()),
                (6, "website".to_owned(), "javascript:alert(1)".to_owned()),
                (7, "short_name".to_owned(), "good".to_owned()),
            ],
            "on {}",
            db.backend()
        );
        assert_eq!(
            store.export_organisations(&ROOT).unwrap(),
            before,
            "nothing written"
        );
        let admin = store.member_scope(world.admin).unwrap();
        let err = store
            .import_organisations(&admin, &records[..1])
            .unwrap_err();
        assert!(
            matches!(err, ImportError::Store(StoreError::Forbidden { .. })),
            "{err}"
        );
    });
}
