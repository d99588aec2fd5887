//! Keeping the index in step with the records: every write of an action,
//! organisation or alliance calls one of these inside its transaction, so
//! a record and its entry change together or not at all.

use diesel::prelude::*;

use super::SearchKind;
use super::text::Analyser;
use crate::StoreError;
use crate::batch::{ROWS_PER_STATEMENT, insert_batches};
use crate::connection::DbConnection;
use crate::plan::rows::ActionRow;
use crate::schema::{actions, alliances, organisations, search_entries};

/// A record's text, as it is indexed.
struct Indexed {
    id: i64,
    title: String,
    body: Vec<String>,
}

/// Re-indexes these actions from their stored rows; an id with no row (a
/// deleted action) loses its entry.
pub(crate) fn index_actions(conn: &mut DbConnection, ids: &[i64]) -> Result<(), StoreError> {
    let mut analyser = Analyser::new();
    for chunk in ids.chunks(ROWS_PER_STATEMENT) {
        let rows: Vec<(i64, String, String, String, String)> = actions::table
            .filter(actions::id.eq_any(chunk))
            .select((
                actions::id,
                actions::title,
                actions::description,
                actions::expected_outcome,
                actions::actual_outcome,
            ))
            .load(conn)?;
        let records = rows
            .into_iter()
            .map(|(id, title, description, expected, actual)| Indexed {
                id,
                title,
                body: vec![description, expected, actual],
            });
        replace(conn, &mut analyser, SearchKind::Action, chunk, records)?;
    }
    Ok(())
}

/// The search entry of an action just inserted: its id, title terms and
/// body terms.
pub(crate) type NewEntry = (i64, String, String);

/// The entries of actions just inserted, from the rows as written rather
/// than read back: an import of a million actions needs no second read,
/// keeps one analyser (and its stems of the words already seen) for all of
/// its chunks, and analyses the next chunk's text on another thread while
/// this one is written ([`insert_new_entries`]).
pub(crate) fn new_action_entries(analyser: &mut Analyser, rows: &[ActionRow]) -> Vec<NewEntry> {
    let mut body = String::new();
    rows.iter()
        .map(|row| {
            body.clear();
            for (i, part) in [&row.description, &row.expected_outcome, &row.actual_outcome]
                .into_iter()
                .enumerate()
            {
                if i > 0 {
                    body.push('\n');
                }
                body.push_str(part);
            }
            (row.id, analyser.terms(&row.title), analyser.terms(&body))
        })
        .collect()
}

/// Writes the entries of actions just inserted; the ids must have none
/// yet.
pub(crate) fn insert_new_entries(
    conn: &mut DbConnection,
    entries: Vec<NewEntry>,
) -> Result<(), StoreError> {
    let entries: Vec<_> = entries
        .into_iter()
        .map(|(id, title, body)| {
            (
                search_entries::kind.eq(SearchKind::Action.code()),
                search_entries::record_id.eq(id),
                search_entries::title_terms.eq(title),
                search_entries::body_terms.eq(body),
            )
        })
        .collect();
    insert_batches!(conn, search_entries::table, entries);
    Ok(())
}

/// Re-indexes these organisations (name and short name as the title, the
/// description as the body).
pub(crate) fn index_organisations(conn: &mut DbConnection, ids: &[i64]) -> Result<(), StoreError> {
    let mut analyser = Analyser::new();
    for chunk in ids.chunks(ROWS_PER_STATEMENT) {
        let rows: Vec<(i64, String, String, Option<String>)> = organisations::table
            .filter(organisations::id.eq_any(chunk))
            .select((
                organisations::id,
                organisations::name,
                organisations::short_name,
                organisations::description,
            ))
            .load(conn)?;
        let records = rows
            .into_iter()
            .map(|(id, name, short_name, description)| Indexed {
                id,
                title: format!("{name} {short_name}"),
                body: description.into_iter().collect(),
            });
        replace(
            conn,
            &mut analyser,
            SearchKind::Organisation,
            chunk,
            records,
        )?;
    }
    Ok(())
}

/// Re-indexes these alliances (name and purpose).
pub(crate) fn index_alliances(conn: &mut DbConnection, ids: &[i64]) -> Result<(), StoreError> {
    let mut analyser = Analyser::new();
    for chunk in ids.chunks(ROWS_PER_STATEMENT) {
        let rows: Vec<(i64, String, String)> = alliances::table
            .filter(alliances::id.eq_any(chunk))
            .select((alliances::id, alliances::name, alliances::purpose))
            .load(conn)?;
        let records = rows.into_iter().map(|(id, title, purpose)| Indexed {
            id,
            title,
            body: vec![purpose],
        });
        replace(conn, &mut analyser, SearchKind::Alliance, chunk, records)?;
    }
    Ok(())
}

/// Replaces the entries of `ids` by those of `records` (the ids still
/// stored).
fn replace(
    conn: &mut DbConnection,
    analyser: &mut Analyser,
    kind: SearchKind,
    ids: &[i64],
    records: impl Iterator<Item = Indexed>,
) -> Result<(), StoreError> {
    diesel::delete(
        search_entries::table
            .filter(search_entries::kind.eq(kind.code()))
            .filter(search_entries::record_id.eq_any(ids)),
    )
    .execute(conn)?;
    let entries: Vec<_> = records
        .map(|record| {
            (
                search_entries::kind.eq(kind.code()),
                search_entries::record_id.eq(record.id),
                search_entries::title_terms.eq(analyser.terms(&record.title)),
                search_entries::body_terms.eq(analyser.terms(&record.body.join("\n"))),
            )
        })
        .collect();
    insert_batches!(conn, search_entries::table, entries);
    Ok(())
}

/// Indexes every record anew, a chunk at a time: after the migration that
/// creates the index, and whenever the normalisation changes.
pub(crate) fn rebuild(conn: &mut DbConnection) -> Result<(), StoreError> {
    diesel::delete(search_entries::table).execute(conn)?;
    let mut after = 0_i64;
    loop {
        let ids: Vec<i64> = actions::table
            .filter(actions::id.gt(after))
            .order(actions::id)
            .limit(10_000)
            .select(actions::id)
            .load(conn)?;
        let Some(&last) = ids.last() else { break };
        index_actions(conn, &ids)?;
        after = last;
    }
    let orgs: Vec<i64> = organisations::table.select(organisations::id).load(conn)?;
    index_organisations(conn, &orgs)?;
    let alliance_ids: Vec<i64> = alliances::table.select(alliances::id).load(conn)?;
    index_alliances(conn, &alliance_ids)
}
