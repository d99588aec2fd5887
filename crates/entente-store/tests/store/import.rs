//! Importing treaty events on top of loaded reference data.

use entente_core::{EventKind, TreatyId};
use entente_store::{EventFilter, ImportReport, StoreError};

use crate::fixtures::{event, fixture, source};
use crate::support::{TestDb, on_each_backend};

fn event_count(db: &TestDb) -> usize {
    db.store.events(&EventFilter::default()).unwrap().len()
}

#[test]
fn imported_events_and_their_source_are_stored_once() {
    on_each_backend("import", |db| {
        db.store.load_reference(fixture().data()).unwrap();
        let before = event_count(db);
        let npm = source("apt_npm", "2026-11-28");
        let mut designation = event(
            "FRA",
            TreatyId::opcat(),
            EventKind::NpmDesignation,
            "2007-10-30",
            None,
        );
        designation.source = npm.id.clone();
        let events = [designation.clone()];

        let first = db
            .store
            .import_events(std::slice::from_ref(&npm), &events)
            .unwrap();
        assert_eq!(
            first,
            ImportReport {
                inserted: 2,
                updated: 0,
                unchanged: 0
            }
        );
        let again = db
            .store
            .import_events(std::slice::from_ref(&npm), &events)
            .unwrap();
        assert_eq!(
            again,
            ImportReport {
                inserted: 0,
                updated: 0,
                unchanged: 2
            }
        );
        assert_eq!(event_count(db), before + 1);
        assert!(db.store.sources().unwrap().contains(&npm));

        // An event whose source is already stored needs no sources argument.
        let cat = [event(
            "TUR",
            TreatyId::cat(),
            EventKind::Consent(entente_core::ConsentKind::Ratification),
            "1988-08-02",
            None,
        )];
        assert_eq!(db.store.import_events(&[], &cat).unwrap().inserted, 1);
    });
}

#[test]
fn an_event_for_an_unknown_state_is_refused_and_nothing_is_written() {
    on_each_backend("import_unknown_state", |db| {
        db.store.load_reference(fixture().data()).unwrap();
        let before = event_count(db);
        let sources_before = db.store.sources().unwrap().len();
        let events = [
            event(
                "FRA",
                TreatyId::opcat(),
                EventKind::NpmDesignation,
                "2007-10-30",
                None,
            ),
            event(
                "XYZ",
                TreatyId::opcat(),
                EventKind::Signature,
                "2010-01-01",
                None,
            ),
        ];
        let err = db
            .store
            .import_events(&[source("new_source", "2026-01-01")], &events)
            .unwrap_err();
        assert!(matches!(err, StoreError::Integrity { .. }), "{err}");
        let message = err.to_string();
        assert!(
            message.contains("event 2 (XYZ opcat signature 2010-01-01)"),
            "{message}"
        );
        assert!(message.contains("the state XYZ is unknown"), "{message}");
        assert!(message.contains("nothing was written"), "{message}");
        assert_eq!(event_count(db), before);
        assert_eq!(
            db.store.sources().unwrap().len(),
            sources_before,
            "the source was rolled back too"
        );
    });
}

#[test]
fn unknown_treaties_and_sources_are_named() {
    on_each_backend("import_unknown_refs", |db| {
        db.store.load_reference(fixture().data()).unwrap();
        let treaty = [event(
            "FRA",
            "iccpr".parse().unwrap(),
            EventKind::Signature,
            "1980-01-04",
            None,
        )];
        let err = db
            .store
            .import_events(&[], &treaty)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("event 1 (FRA iccpr signature 1980-01-04): the treaty iccpr is unknown"),
            "{err}"
        );

        let mut cited = event(
            "FRA",
            TreatyId::opcat(),
            EventKind::SptVisit,
            "2022-05-01",
            None,
        );
        cited.source = "nowhere".into();
        let err = db
            .store
            .import_events(&[], &[cited])
            .unwrap_err()
            .to_string();
        assert!(err.contains("the source \"nowhere\" is unknown"), "{err}");
    });
}

#[test]
fn duplicates_in_the_input_are_refused() {
    on_each_backend("import_duplicates", |db| {
        db.store.load_reference(fixture().data()).unwrap();
        let before = event_count(db);
        let twice = event(
            "CIV",
            TreatyId::opcat(),
            EventKind::NpmDesignation,
            "2024-01-01",
            None,
        );
        let mut with_note = twice.clone();
        with_note.note = Some("another wording".into());
        let err = db
            .store
            .import_events(&[], &[twice, with_note])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("event 2 (CIV opcat npm_designation 2024-01-01) repeats event 1"),
            "{err}"
        );
        assert_eq!(event_count(db), before);

        let mut fixture = fixture();
        fixture.states.push(fixture.states[0].clone());
        let err = db
            .store
            .load_reference(fixture.data())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("state TUR appears twice in the input (items 1 and 5)"),
            "{err}"
        );
    });
}
