//! Importing and exporting contacts: all or nothing, every refused value
//! named by row and field, and an export imported back unchanged.

use entente_core::access::Visibility;
use entente_io::plan::ContactRecord;
use entente_store::{ImportError, ImportSummary, StoreError};

use super::ROOT;
use crate::accounts::World;
use crate::support::on_each_backend;

fn record(line: usize, name: &str, visibility: Visibility, shared_with: &[&str]) -> ContactRecord {
    ContactRecord {
        line,
        name: name.to_owned(),
        role: "Coordinator".to_owned(),
        email: Some(format!("{}@example.org", name.to_lowercase())),
        phone: None,
        languages: vec!["es".to_owned()],
        consent: false,
        notes: String::new(),
        visibility,
        shared_with: shared_with.iter().map(|s| (*s).to_owned()).collect(),
    }
}

#[test]
fn importing_contacts_is_all_or_nothing_and_exports_import_back() {
    on_each_backend("contacts_import", |db| {
        let store = &db.store;
        let world = World::build(store);
        let admin = store.member_scope(world.admin).unwrap();
        let records = [
            record(2, "Ana", Visibility::Private, &[]),
            record(3, "Ben", Visibility::Alliance, &["opcat coalition"]),
        ];
        let summary = store
            .import_contacts(&admin, world.owner, &records)
            .unwrap();
        assert_eq!(
            summary,
            ImportSummary {
                inserted: 2,
                updated: 0
            },
            "on {}",
            db.backend()
        );
        let exported = store.export_contacts(&admin, world.owner).unwrap();
        assert_eq!(exported[1].shared_with, ["OPCAT coalition"]);
        let again = store
            .import_contacts(&admin, world.owner, &exported)
            .unwrap();
        assert_eq!(
            again,
            ImportSummary {
                inserted: 0,
                updated: 2
            }
        );
        assert_eq!(
            store.export_contacts(&admin, world.owner).unwrap(),
            exported
        );
        let allied = store.member_scope(world.allied_member).unwrap();
        let seen: Vec<String> = store
            .contacts_of(&allied, world.owner)
            .unwrap()
            .into_iter()
            .map(|c| c.details.name)
            .collect();
        assert_eq!(seen, ["Ben"]);
    });
}

#[test]
fn a_bad_contact_file_names_every_bad_row_and_writes_nothing() {
    on_each_backend("contacts_import_bad", |db| {
        let store = &db.store;
        let world = World::build(store);
        let editor = store.member_scope(world.editor).unwrap();
        let mut bad_email = record(5, "Eva", Visibility::Private, &[]);
        bad_email.email = Some("eva at example".to_owned());
        let records = [
            record(2, "Ana", Visibility::Private, &[]),
            record(3, "Pia", Visibility::Public, &[]),
            record(4, "Ben", Visibility::Alliance, &["OPCAT coalition"]),
            bad_email,
        ];
        let err = store
            .import_contacts(&editor, world.owner, &records)
            .unwrap_err();
        let ImportError::Rows(rows) = err else {
            panic!("row errors expected: {err}");
        };
        let found: Vec<(usize, &str, &str)> = rows
            .iter()
            .map(|r| (r.line, r.field.as_str(), r.value.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (3, "visibility", "public"),
                (4, "visibility", "alliance"),
                (5, "email", "eva at example")
            ],
            "on {}",
            db.backend()
        );
        let admin = store.member_scope(world.admin).unwrap();
        let unknown = [record(
            2,
            "Ana",
            Visibility::Alliance,
            &["No such alliance"],
        )];
        let Err(ImportError::Rows(rows)) = store.import_contacts(&admin, world.owner, &unknown)
        else {
            panic!("an unknown alliance is a row error");
        };
        assert_eq!(
            (rows[0].line, rows[0].field.as_str(), rows[0].value.as_str()),
            (2, "shared_with", "No such alliance")
        );
        assert!(
            store.contacts_of(&ROOT, world.owner).unwrap().is_empty(),
            "nothing written"
        );
        let viewer = store.member_scope(world.viewer).unwrap();
        let err = store
            .import_contacts(&viewer, world.owner, &records[..1])
            .unwrap_err();
        assert!(
            matches!(err, ImportError::Store(StoreError::Forbidden { .. })),
            "{err}"
        );
    });
}
