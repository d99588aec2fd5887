//! A dataset the size of the shipped one loads in one quick transaction.

use std::time::{Duration, Instant};

use entente_core::{EventKind, Iso3, State, TreatyEvent, TreatyId, WorldMap};
use entente_store::{Backend, EventFilter, ImportReport, ReferenceData};

use crate::fixtures::{day, sources, states, treaties};
use crate::support::on_each_backend;

const STATES: usize = 249;
const EVENTS_PER_STATE: usize = 11;

fn code(n: usize) -> Iso3 {
    let letter = |k: usize| char::from(b'A' + u8::try_from(k % 26).unwrap());
    format!("{}{}{}", letter(n / 676), letter(n / 26), letter(n))
        .parse()
        .unwrap()
}

fn many_states() -> Vec<State> {
    let template = states().remove(0);
    (0..STATES)
        .map(|n| State {
            iso3: code(n),
            iso2: format!("{n:02}"),
            ..template.clone()
        })
        .collect()
}

fn many_events() -> Vec<TreatyEvent> {
    let start = day("1990-01-01");
    (0..STATES)
        .flat_map(|n| (0..EVENTS_PER_STATE).map(move |k| (n, k)))
        .map(|(n, k)| TreatyEvent {
            state: code(n),
            treaty: if k % 2 == 0 {
                TreatyId::cat()
            } else {
                TreatyId::opcat()
            },
            kind: EventKind::ALL[k % EventKind::ALL.len()],
            date: start + chrono::Days::new(u64::try_from(n * 31 + k).unwrap()),
            source: if k % 2 == 0 { "untc_cat" } else { "untc_opcat" }.into(),
            note: (k == 3).then(|| format!("note {n}")),
        })
        .collect()
}

#[test]
fn a_full_size_dataset_loads_quickly() {
    on_each_backend("scale", |db| {
        let (states, treaties, sources, events) =
            (many_states(), treaties(), sources(), many_events());
        let map = WorldMap::default();
        let data = ReferenceData {
            states: &states,
            treaties: &treaties,
            sources: &sources,
            events: &events,
            map: &map,
            as_of: day("2026-02-03"),
        };
        let rows = states.len() + treaties.len() + sources.len() + events.len() + 2;
        let started = Instant::now();
        let report = db.store.load_reference(data).unwrap();
        let load = started.elapsed();
        assert_eq!(
            report,
            ImportReport {
                inserted: rows,
                updated: 0,
                unchanged: 0
            }
        );
        let started = Instant::now();
        assert!(db.store.load_reference(data).unwrap().changed_nothing());
        let reload = started.elapsed();
        assert_eq!(
            db.store.events(&EventFilter::default()).unwrap().len(),
            events.len()
        );
        eprintln!(
            "{:?}: loaded {rows} rows in {load:?}, reloaded in {reload:?}",
            db.backend()
        );
        if db.backend() == Backend::Sqlite {
            // The shipped dataset must load well under a second at start-up.
            assert!(load < Duration::from_secs(1), "{load:?}");
        }
    });
}

#[test]
fn the_shipped_dataset_loads_and_reloads_unchanged() {
    let dataset = entente_io::dataset::shipped().expect("the dataset under data/ parses");
    on_each_backend("shipped", |db| {
        let started = Instant::now();
        let first = db.store.load_reference(&dataset).unwrap();
        let load = started.elapsed();
        assert_eq!((first.updated, first.unchanged), (0, 0));
        let second = db.store.load_reference(&dataset).unwrap();
        assert_eq!(
            second,
            ImportReport {
                inserted: 0,
                updated: 0,
                unchanged: first.inserted
            }
        );
        assert_eq!(db.store.states().unwrap().len(), dataset.states.len());
        assert_eq!(
            db.store.events(&EventFilter::default()).unwrap().len(),
            dataset.events.len()
        );
        assert_eq!(db.store.world_map().unwrap(), dataset.map);
        eprintln!("{:?}: shipped dataset, {first}, in {load:?}", db.backend());
        if db.backend() == Backend::Sqlite {
            assert!(load < Duration::from_secs(1), "{load:?}");
        }
    });
}
