//! Loading a reference dataset and reading it back.

use entente_core::{EventKind, TreatyEvent, TreatyId};
use entente_store::{EventFilter, ImportReport, StoreError};

use crate::fixtures::{day, fixture, iso3};
use crate::support::on_each_backend;

#[test]
fn migrating_twice_applies_nothing_the_second_time() {
    on_each_backend("migrate_twice", |db| {
        // The test database is already migrated once.
        assert_eq!(
            db.store.migrate().unwrap(),
            Vec::<String>::new(),
            "{:?}",
            db.backend()
        );
        assert!(!db.store.is_reference_loaded().unwrap());
        assert_eq!(db.store.dataset_as_of().unwrap(), None);
        assert!(db.store.world_map().unwrap().shapes.is_empty());
    });
}

#[test]
fn a_second_load_of_the_same_dataset_changes_nothing() {
    on_each_backend("reload", |db| {
        let fixture = fixture();
        let first = db.store.load_reference(fixture.data()).unwrap();
        assert_eq!(
            first,
            ImportReport {
                inserted: fixture.row_count(),
                updated: 0,
                unchanged: 0
            }
        );
        assert!(db.store.is_reference_loaded().unwrap());

        let second = db.store.load_reference(fixture.data()).unwrap();
        assert_eq!(
            second,
            ImportReport {
                inserted: 0,
                updated: 0,
                unchanged: fixture.row_count()
            }
        );
        assert!(second.changed_nothing());
        assert_eq!(
            db.store.events(&EventFilter::default()).unwrap().len(),
            fixture.events.len()
        );
    });
}

#[test]
fn reads_return_every_field_as_loaded() {
    on_each_backend("round_trip", |db| {
        let fixture = fixture();
        db.store.load_reference(fixture.data()).unwrap();

        let mut states = fixture.states.clone();
        states.sort_by_key(|s| s.iso3);
        assert_eq!(db.store.states().unwrap(), states);
        let civ = db.store.state(iso3("CIV")).unwrap().unwrap();
        assert_eq!(civ.names.fr, "Côte d'Ivoire");
        assert_eq!(
            db.store.state(iso3("TUR")).unwrap().unwrap().names.en,
            "Türkiye"
        );
        assert_eq!(db.store.state(iso3("ZZZ")).unwrap(), None);

        let mut treaties = fixture.treaties.clone();
        treaties.sort_by(|a, b| a.id.cmp(&b.id));
        assert_eq!(db.store.treaties().unwrap(), treaties);
        assert_eq!(
            db.store.treaty(&TreatyId::opcat()).unwrap().as_ref(),
            fixture.treaties.first()
        );
        assert_eq!(db.store.treaty(&"iccpr".parse().unwrap()).unwrap(), None);

        let mut sources = fixture.sources.clone();
        sources.sort_by(|a, b| a.id.cmp(&b.id));
        assert_eq!(db.store.sources().unwrap(), sources);

        assert_eq!(
            db.store.events(&EventFilter::default()).unwrap(),
            by_date(fixture.events.clone())
        );
        assert_eq!(db.store.world_map().unwrap(), fixture.map);
        assert_eq!(db.store.dataset_as_of().unwrap(), Some(fixture.as_of));
    });
}

fn by_date(mut events: Vec<TreatyEvent>) -> Vec<TreatyEvent> {
    events.sort_by(|a, b| {
        (a.date, a.state, &a.treaty, a.kind.code()).cmp(&(
            b.date,
            b.state,
            &b.treaty,
            b.kind.code(),
        ))
    });
    events
}

#[test]
fn as_of_keeps_events_up_to_and_including_that_day() {
    on_each_backend("as_of", |db| {
        let fixture = fixture();
        db.store.load_reference(fixture.data()).unwrap();
        let as_of = day("2008-11-11");
        let events = db
            .store
            .events(&EventFilter {
                as_of: Some(as_of),
                ..EventFilter::default()
            })
            .unwrap();
        let expected = by_date(
            fixture
                .events
                .iter()
                .filter(|e| e.date <= as_of)
                .cloned()
                .collect(),
        );
        assert_eq!(events, expected);
        assert_eq!(
            events.last().map(|e| e.date),
            Some(as_of),
            "the day itself is included"
        );
        let before_all = EventFilter {
            as_of: Some(day("1900-01-01")),
            ..EventFilter::default()
        };
        assert!(db.store.events(&before_all).unwrap().is_empty());
    });
}

#[test]
fn events_filter_by_state_and_treaties() {
    on_each_backend("filters", |db| {
        let fixture = fixture();
        db.store.load_reference(fixture.data()).unwrap();
        let france_opcat = EventFilter {
            state: Some(iso3("FRA")),
            treaties: Some(vec![TreatyId::opcat()]),
            as_of: None,
        };
        let kinds: Vec<_> = db
            .store
            .events(&france_opcat)
            .unwrap()
            .into_iter()
            .map(|e| e.kind)
            .collect();
        assert_eq!(
            kinds,
            [
                EventKind::Signature,
                EventKind::Consent(entente_core::ConsentKind::Ratification)
            ]
        );

        let both = EventFilter {
            treaties: Some(vec![TreatyId::cat(), TreatyId::opcat()]),
            ..EventFilter::default()
        };
        assert_eq!(db.store.events(&both).unwrap().len(), fixture.events.len());
        let none = EventFilter {
            treaties: Some(vec![]),
            ..EventFilter::default()
        };
        assert!(db.store.events(&none).unwrap().is_empty());
    });
}

#[test]
fn a_changed_dataset_updates_only_what_changed() {
    on_each_backend("update", |db| {
        let mut fixture = fixture();
        db.store.load_reference(fixture.data()).unwrap();
        fixture.states[0].names.es = "Turquía".into();
        fixture.sources[0].title = "A newer title".into();
        fixture.events[1].note = Some("signed in New York".into());
        fixture.map.markers.clear();
        fixture.as_of = day("2026-11-28");

        let report = db.store.load_reference(fixture.data()).unwrap();
        assert_eq!(
            report,
            ImportReport {
                inserted: 0,
                updated: 5,
                unchanged: fixture.row_count() - 5
            }
        );
        assert_eq!(
            db.store.state(iso3("TUR")).unwrap().unwrap().names.es,
            "Turquía"
        );
        assert_eq!(db.store.world_map().unwrap(), fixture.map);
        assert_eq!(db.store.dataset_as_of().unwrap(), Some(day("2026-11-28")));
        let events = db.store.events(&EventFilter::default()).unwrap();
        assert!(events.contains(&fixture.events[1]));
    });
}

#[test]
fn a_map_drawn_for_an_unknown_state_is_refused_whole() {
    on_each_backend("map_unknown_state", |db| {
        let mut fixture = fixture();
        fixture.map.shapes.push(entente_core::MapShape {
            iso3: iso3("XKX"),
            path: "M0,0Z".into(),
        });
        let err = db.store.load_reference(fixture.data()).unwrap_err();
        assert!(matches!(err, StoreError::Integrity { .. }), "{err}");
        assert!(
            err.to_string().contains("map shape 4 is drawn for XKX"),
            "{err}"
        );
        assert!(!db.store.is_reference_loaded().unwrap());
        assert!(
            db.store.states().unwrap().is_empty(),
            "the states were rolled back too"
        );
    });
}

#[test]
fn concurrent_loads_queue_and_agree() {
    on_each_backend("concurrent", |db| {
        let fixture = fixture();
        let reports: Vec<ImportReport> = std::thread::scope(|scope| {
            let loads: Vec<_> = (0..3)
                .map(|_| scope.spawn(|| db.store.load_reference(fixture.data())))
                .collect();
            loads
                .into_iter()
                .map(|load| load.join().unwrap().unwrap())
                .collect()
        });
        let inserted: usize = reports.iter().map(|r| r.inserted).sum();
        assert_eq!(
            inserted,
            fixture.row_count(),
            "exactly one load inserted: {reports:?}"
        );
        assert_eq!(
            db.store.events(&EventFilter::default()).unwrap().len(),
            fixture.events.len()
        );
    });
}

#[test]
fn values_edited_by_hand_into_nonsense_are_reported_not_guessed() {
    on_each_backend("corrupt", |db| {
        db.store.load_reference(fixture().data()).unwrap();
        db.execute_raw("UPDATE treaty_events SET kind = 'coronation' WHERE state = 'FRA' AND kind = 'signature'");
        let err = db.store.events(&EventFilter::default()).unwrap_err();
        assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
        assert!(
            err.to_string()
                .contains("kind: \"coronation\" is not a treaty event kind"),
            "{err}"
        );

        db.execute_raw("UPDATE states SET regional_group = 'nordic' WHERE iso3 = 'FRA'");
        let err = db.store.state(iso3("FRA")).unwrap_err().to_string();
        assert!(err.contains("states FRA, regional_group"), "{err}");
    });
}
