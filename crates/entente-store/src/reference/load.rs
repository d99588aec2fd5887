//! Writing reference data: each load or import is one transaction that
//! compares the input with what is stored and writes only the differences,
//! so repeating it changes nothing.

use std::collections::{HashMap, HashSet};
use std::fmt::Display;
use std::hash::Hash;

use chrono::NaiveDate;
use diesel::prelude::*;
use entente_core::{Source, State, Treaty, TreatyEvent, WorldMap};

use super::ReferenceData;
use super::rows::{
    DatasetMetaRow, EventRow, NewEventRow, SINGLE_ROW, SourceRow, StateRow, TreatyRow, WorldMapRow,
};
use crate::batch::insert_batches;
use crate::connection::DbConnection;
use crate::schema::{dataset_meta, sources, states, treaties, treaty_events, world_map};
use crate::{ImportReport, Store, StoreError, transaction};

impl Store {
    /// Loads a whole reference dataset in one transaction: states, treaties,
    /// sources, events, the map and the as-of day. Rows are matched on their
    /// keys; stored rows the dataset lacks are kept (events may come from
    /// other imports). Loading the same dataset again changes nothing.
    pub fn load_reference<'a>(
        &self,
        data: impl Into<ReferenceData<'a>>,
    ) -> Result<ImportReport, StoreError> {
        let data = data.into();
        check_unique("state", data.states.iter().map(|s| s.iso3))?;
        check_unique("treaty", data.treaties.iter().map(|t| t.id.clone()))?;
        check_unique("source", data.sources.iter().map(|s| s.id.clone()))?;
        check_unique_events(data.events)?;
        let mut conn = self.connection()?;
        let report = transaction::write(&mut conn, |conn| {
            let mut report = sync_states(conn, data.states)?;
            report += sync_treaties(conn, data.treaties)?;
            report += sync_sources(conn, data.sources)?;
            report += sync_events(conn, data.events)?;
            report += sync_map(conn, data.map)?;
            report += sync_as_of(conn, data.as_of)?;
            Ok(report)
        })?;
        tracing::debug!(%report, as_of = %data.as_of, "reference data loaded");
        Ok(report)
    }

    /// Adds treaty events and the sources they cite, in one transaction.
    /// Every event's state and treaty must be stored already, and its source
    /// stored or among `sources`; otherwise nothing is written and the error
    /// names the event. Importing the same events again changes nothing.
    pub fn import_events(
        &self,
        sources: &[Source],
        events: &[TreatyEvent],
    ) -> Result<ImportReport, StoreError> {
        check_unique("source", sources.iter().map(|s| s.id.clone()))?;
        check_unique_events(events)?;
        let mut conn = self.connection()?;
        let report = transaction::write(&mut conn, |conn| {
            let mut report = sync_sources(conn, sources)?;
            report += sync_events(conn, events)?;
            Ok(report)
        })?;
        tracing::debug!(%report, "treaty events imported");
        Ok(report)
    }
}

fn check_unique<K: Hash + Eq + Display>(
    what: &str,
    keys: impl Iterator<Item = K>,
) -> Result<(), StoreError> {
    let mut seen = HashMap::new();
    for (index, key) in keys.enumerate() {
        if let Some(first) = seen.get(&key) {
            return Err(StoreError::integrity(format!(
                "{what} {key} appears twice in the input (items {} and {})",
                first + 1,
                index + 1
            )));
        }
        seen.insert(key, index);
    }
    Ok(())
}

/// The key the database's UNIQUE constraint puts on treaty events.
type EventKey = (String, String, String, NaiveDate);

fn event_key(row: &NewEventRow) -> EventKey {
    (
        row.state.clone(),
        row.treaty.clone(),
        row.kind.clone(),
        row.date,
    )
}

fn describe(event: &TreatyEvent) -> String {
    format!(
        "{} {} {} {}",
        event.state, event.treaty, event.kind, event.date
    )
}

fn check_unique_events(events: &[TreatyEvent]) -> Result<(), StoreError> {
    let mut seen: HashMap<EventKey, usize> = HashMap::new();
    for (index, event) in events.iter().enumerate() {
        if let Some(first) = seen.insert(event_key(&NewEventRow::from(event)), index) {
            return Err(StoreError::integrity(format!(
                "event {} ({}) repeats event {}: one state has one event of a kind per treaty and day",
                index + 1,
                describe(event),
                first + 1
            )));
        }
    }
    Ok(())
}

/// What to write so the stored rows match the incoming ones.
struct Changes<R> {
    inserts: Vec<R>,
    updates: Vec<R>,
    unchanged: usize,
}

impl<R> Changes<R> {
    fn report(&self) -> ImportReport {
        ImportReport {
            inserted: self.inserts.len(),
            updated: self.updates.len(),
            unchanged: self.unchanged,
        }
    }
}

fn compare<K: Hash + Eq, R: PartialEq>(
    stored: Vec<R>,
    incoming: impl Iterator<Item = R>,
    key: impl Fn(&R) -> K,
) -> Changes<R> {
    let stored: HashMap<K, R> = stored.into_iter().map(|row| (key(&row), row)).collect();
    let mut changes = Changes {
        inserts: Vec::new(),
        updates: Vec::new(),
        unchanged: 0,
    };
    for row in incoming {
        match stored.get(&key(&row)) {
            None => changes.inserts.push(row),
            Some(old) if *old == row => changes.unchanged += 1,
            Some(_) => changes.updates.push(row),
        }
    }
    changes
}

fn sync_states(conn: &mut DbConnection, items: &[State]) -> Result<ImportReport, StoreError> {
    let stored = states::table.select(StateRow::as_select()).load(conn)?;
    let changes = compare(stored, items.iter().map(StateRow::from), |r| r.iso3.clone());
    insert_batches!(conn, states::table, changes.inserts);
    for row in &changes.updates {
        diesel::update(states::table.find(&row.iso3))
            .set(row)
            .execute(conn)?;
    }
    Ok(changes.report())
}

fn sync_treaties(conn: &mut DbConnection, items: &[Treaty]) -> Result<ImportReport, StoreError> {
    let stored = treaties::table.select(TreatyRow::as_select()).load(conn)?;
    let changes = compare(stored, items.iter().map(TreatyRow::from), |r| r.id.clone());
    insert_batches!(conn, treaties::table, changes.inserts);
    for row in &changes.updates {
        diesel::update(treaties::table.find(&row.id))
            .set(row)
            .execute(conn)?;
    }
    Ok(changes.report())
}

fn sync_sources(conn: &mut DbConnection, items: &[Source]) -> Result<ImportReport, StoreError> {
    let stored = sources::table.select(SourceRow::as_select()).load(conn)?;
    let changes = compare(stored, items.iter().map(SourceRow::from), |r| r.id.clone());
    insert_batches!(conn, sources::table, changes.inserts);
    for row in &changes.updates {
        diesel::update(sources::table.find(&row.id))
            .set(row)
            .execute(conn)?;
    }
    Ok(changes.report())
}

/// Events are matched on (state, treaty, kind, date); a match whose source
/// or note differs is updated in place, keeping its id.
fn sync_events(
    conn: &mut DbConnection,
    events: &[TreatyEvent],
) -> Result<ImportReport, StoreError> {
    check_references(conn, events)?;
    let stored: HashMap<EventKey, EventRow> = treaty_events::table
        .select(EventRow::as_select())
        .load(conn)?
        .into_iter()
        .map(|row| {
            (
                (
                    row.state.clone(),
                    row.treaty.clone(),
                    row.kind.clone(),
                    row.date,
                ),
                row,
            )
        })
        .collect();
    let mut inserts = Vec::new();
    let mut updates = Vec::new();
    let mut unchanged = 0;
    for row in events.iter().map(NewEventRow::from) {
        match stored.get(&event_key(&row)) {
            None => inserts.push(row),
            Some(old) if old.source == row.source && old.note == row.note => unchanged += 1,
            Some(old) => updates.push((old.id, row)),
        }
    }
    insert_batches!(conn, treaty_events::table, inserts);
    for (id, row) in &updates {
        diesel::update(treaty_events::table.find(id))
            .set((
                treaty_events::source.eq(&row.source),
                treaty_events::note.eq(&row.note),
            ))
            .execute(conn)?;
    }
    Ok(ImportReport {
        inserted: inserts.len(),
        updated: updates.len(),
        unchanged,
    })
}

fn known_states(conn: &mut DbConnection) -> Result<HashSet<String>, StoreError> {
    Ok(states::table
        .select(states::iso3)
        .load(conn)?
        .into_iter()
        .collect())
}

/// Checked here, not left to the foreign keys, so the error names the event.
fn check_references(conn: &mut DbConnection, events: &[TreatyEvent]) -> Result<(), StoreError> {
    let states = known_states(conn)?;
    let treaties: HashSet<String> = treaties::table
        .select(treaties::id)
        .load(conn)?
        .into_iter()
        .collect();
    let sources: HashSet<String> = sources::table
        .select(sources::id)
        .load(conn)?
        .into_iter()
        .collect();
    for (index, event) in events.iter().enumerate() {
        let unknown = if !states.contains(event.state.as_str()) {
            format!("the state {} is unknown", event.state)
        } else if !treaties.contains(event.treaty.as_str()) {
            format!("the treaty {} is unknown", event.treaty)
        } else if !sources.contains(&event.source) {
            format!("the source {:?} is unknown", event.source)
        } else {
            continue;
        };
        return Err(StoreError::integrity(format!(
            "event {} ({}): {unknown}",
            index + 1,
            describe(event)
        )));
    }
    Ok(())
}

fn sync_map(conn: &mut DbConnection, map: &WorldMap) -> Result<ImportReport, StoreError> {
    let states = known_states(conn)?;
    let shapes = map.shapes.iter().map(|s| ("shape", s.iso3));
    let markers = map.markers.iter().map(|m| ("marker", m.iso3));
    for (index, (what, iso3)) in shapes.chain(markers).enumerate() {
        if !states.contains(iso3.as_str()) {
            return Err(StoreError::integrity(format!(
                "map {what} {} is drawn for {iso3}, which is not among the states",
                index + 1
            )));
        }
    }
    let row = WorldMapRow::new(map)?;
    let stored = world_map::table
        .select(WorldMapRow::as_select())
        .load(conn)?;
    let changes = compare(stored, std::iter::once(row), |r| r.id);
    insert_batches!(conn, world_map::table, changes.inserts);
    for row in &changes.updates {
        diesel::update(world_map::table.find(SINGLE_ROW))
            .set(row)
            .execute(conn)?;
    }
    Ok(changes.report())
}

fn sync_as_of(conn: &mut DbConnection, as_of: NaiveDate) -> Result<ImportReport, StoreError> {
    let row = DatasetMetaRow {
        id: SINGLE_ROW,
        as_of,
    };
    let stored = dataset_meta::table
        .select(DatasetMetaRow::as_select())
        .load(conn)?;
    let changes = compare(stored, std::iter::once(row), |r| r.id);
    insert_batches!(conn, dataset_meta::table, changes.inserts);
    for row in &changes.updates {
        diesel::update(dataset_meta::table.find(SINGLE_ROW))
            .set(row)
            .execute(conn)?;
    }
    Ok(changes.report())
}
