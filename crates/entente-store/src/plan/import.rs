//! Importing actions from a file: every row checked against every rule
//! first, then all of them written in one transaction, or none.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::Instant;

use chrono::Utc;
use diesel::prelude::*;
use entente_core::access::{AccessScope, AllianceId, OrgId, Visibility};
use entente_core::plan::{ActionDraft, FieldError};
use entente_io::plan::{ActionRecord, RowError};

use super::references::{Catalogues, Links, check_outcome_event};
use super::rows::ActionRow;
use super::write::insert_parts;
use crate::accounts::scope::visible_organisations;
use crate::accounts::{ImportError, ImportSummary};
use crate::audit::{self, AuditAction, AuditEntry};
use crate::batch::{ROWS_PER_STATEMENT, insert_batches};
use crate::bulk::{defers_indexes, with_bulk_settings, with_indexes_deferred};
use crate::connection::DbConnection;
use crate::schema::{action_status_changes, actions, alliance_members, alliances, organisations};
use crate::search::{Analyser, NewEntry, insert_new_entries, new_action_entries};
use crate::{Store, StoreError, transaction};

impl Store {
    /// Imports actions read from a file for organisation `org`: a row
    /// without a lead is led by `org`. Every row is checked first; any
    /// problem refuses the whole file with [`ImportError::Rows`] listing
    /// each (line, field, value, reason). Otherwise all rows are written
    /// in one transaction, with one audit entry. `progress` is told how
    /// many rows are written so far.
    pub fn import_actions(
        &self,
        scope: &AccessScope,
        org: OrgId,
        records: &[ActionRecord],
        mut progress: impl FnMut(usize),
    ) -> Result<ImportSummary, ImportError> {
        if records.is_empty() {
            return Ok(ImportSummary::default());
        }
        let started = Instant::now();
        let mut conn = self.connection()?;
        let drafts = resolve(&mut conn, scope, org, records)?;
        check_all(&mut conn, scope, records, &drafts)?;
        for lead in drafts.iter().map(|d| d.lead).collect::<BTreeSet<_>>() {
            let probe = ActionDraft {
                lead,
                ..drafts[0].clone()
            };
            self.check_writes_for(scope, &probe)?;
        }
        tracing::debug!(rows = records.len(), elapsed = ?started.elapsed(), "import: rows resolved and checked");
        let now = Utc::now().naive_utc();
        let summary = with_bulk_settings(&mut conn, records.len(), |conn| {
            transaction::write(conn, |conn| {
                let first: i64 = actions::table
                    .select(diesel::dsl::max(actions::id))
                    .first::<Option<i64>>(conn)?
                    .unwrap_or(0)
                    + 1;
                let existing = usize::try_from(first - 1).unwrap_or(0);
                let mut write = |conn: &mut DbConnection| {
                    write_drafts(conn, scope, records, &drafts, first, now, &mut progress)
                };
                let written = if defers_indexes(records.len(), existing) {
                    tracing::debug!("import: indexes dropped, to be built after the rows");
                    with_indexes_deferred(conn, ACTION_TABLES, write)?
                } else {
                    write(conn)?
                };
                if let DbConnection::Postgres(pg) = conn {
                    diesel::sql_query(
                        "SELECT setval(pg_get_serial_sequence('actions', 'id'), \
                     (SELECT max(id) FROM actions))",
                    )
                    .execute(pg)?;
                }
                let entry = AuditEntry {
                    actor_user: scope.user(),
                    actor_org: Some(org),
                    org: Some(org),
                    record_kind: Some("action".to_owned()),
                    detail: format!("{} actions imported", drafts.len()),
                    ..AuditEntry::new(now, AuditAction::Import)
                };
                audit::append(conn, &entry)?;
                Ok(ImportSummary {
                    inserted: written,
                    updated: 0,
                })
            })
        })
        .map_err(ImportError::Store)?;
        tracing::debug!(elapsed = ?started.elapsed(), "import: committed");
        Ok(summary)
    }
}

/// The tables an import of actions writes rows into, whose indexes a large
/// import builds after its rows.
const ACTION_TABLES: &[&str] = &[
    "actions",
    "action_states",
    "action_audiences",
    "action_partners",
    "action_alliances",
    "action_documents",
    "action_status_changes",
    "action_signals",
    "search_entries",
];

/// A chunk of drafts made ready to write: their rows and search entries.
struct Prepared {
    rows: Vec<ActionRow>,
    entries: Vec<NewEntry>,
}

/// Drafts per chunk: the unit of writing, of progress and of the work
/// handed from the preparing thread to the writing one.
const DRAFTS_PER_CHUNK: usize = ROWS_PER_STATEMENT * 4;

/// Writes the drafts as actions numbered from `first`, in chunks, with
/// their parts, history, signals and search entries; the number written.
///
/// The database is written from this thread only; another thread makes the
/// next chunks' rows and analyses their text for search meanwhile, so that
/// both cores of a small machine are busy (writing a million actions: 28 s
/// on one thread, 24 s with the second).
fn write_drafts(
    conn: &mut DbConnection,
    scope: &AccessScope,
    records: &[ActionRecord],
    drafts: &[ActionDraft],
    first: i64,
    now: chrono::NaiveDateTime,
    progress: &mut impl FnMut(usize),
) -> Result<usize, StoreError> {
    let user = scope.user();
    std::thread::scope(|threads| {
        // At most one chunk waits while one is written and the next made.
        let (ready, prepared) = std::sync::mpsc::sync_channel::<Prepared>(1);
        threads.spawn(move || {
            let mut analyser = Analyser::new();
            for (chunk, base) in drafts
                .chunks(DRAFTS_PER_CHUNK)
                .zip((first..).step_by(DRAFTS_PER_CHUNK))
            {
                let rows: Vec<ActionRow> = (base..)
                    .zip(chunk)
                    .map(|(id, draft)| ActionRow::new(id, draft, user, now, now))
                    .collect();
                let entries = new_action_entries(&mut analyser, &rows);
                // The writer stopped on an error: nothing more to prepare.
                if ready.send(Prepared { rows, entries }).is_err() {
                    break;
                }
            }
        });
        let mut written = 0_usize;
        let chunks = drafts
            .chunks(DRAFTS_PER_CHUNK)
            .zip(records.chunks(DRAFTS_PER_CHUNK));
        for ((chunk, records), prepared) in chunks.zip(prepared.iter()) {
            let numbered: Vec<(i64, &ActionDraft)> =
                prepared.rows.iter().map(|row| row.id).zip(chunk).collect();
            insert_numbered(conn, scope, prepared, &numbered, now)?;
            let switches: Vec<Option<bool>> = records.iter().map(|r| r.signal).collect();
            crate::coordination::emit_imported(conn, &numbered, &switches)?;
            written += chunk.len();
            progress(written);
        }
        tracing::debug!(written, "import: rows written");
        Ok(written)
    })
}

fn insert_numbered(
    conn: &mut DbConnection,
    scope: &AccessScope,
    prepared: Prepared,
    numbered: &[(i64, &ActionDraft)],
    now: chrono::NaiveDateTime,
) -> Result<(), StoreError> {
    insert_batches!(conn, actions::table, prepared.rows);
    insert_parts(conn, numbered)?;
    let by = scope.user().map(|u| u.0);
    let history: Vec<_> = numbered
        .iter()
        .map(|(id, draft)| {
            (
                action_status_changes::action_id.eq(*id),
                action_status_changes::status.eq(draft.status.code()),
                action_status_changes::changed_at.eq(now),
                action_status_changes::changed_by.eq(by),
            )
        })
        .collect();
    insert_batches!(conn, action_status_changes::table, history);
    insert_new_entries(conn, prepared.entries)
}

/// The drafts the records describe, with organisations and alliances
/// named by their short names and names resolved; every name not found is
/// a row error.
fn resolve(
    conn: &mut DbConnection,
    scope: &AccessScope,
    org: OrgId,
    records: &[ActionRecord],
) -> Result<Vec<ActionDraft>, ImportError> {
    let names: BTreeSet<&str> = records
        .iter()
        .flat_map(|r| r.lead.iter().chain(r.partners.iter()))
        .map(String::as_str)
        .collect();
    let mut query = organisations::table
        .filter(organisations::short_name.eq_any(names.into_iter().collect::<Vec<_>>()))
        .select((organisations::short_name, organisations::id))
        .into_boxed();
    if let Some(condition) = visible_organisations(scope) {
        query = query.filter(condition);
    }
    let orgs: BTreeMap<String, i64> = query
        .load(conn)
        .map_err(StoreError::from)?
        .into_iter()
        .collect();
    let leads: BTreeSet<i64> = records
        .iter()
        .filter_map(|r| r.lead.as_ref().map(|l| orgs.get(l).copied()))
        .flatten()
        .chain(std::iter::once(org.0))
        .collect();
    let memberships: Vec<(i64, String, i64)> = alliance_members::table
        .inner_join(alliances::table)
        .filter(alliance_members::org_id.eq_any(leads.into_iter().collect::<Vec<_>>()))
        .select((alliance_members::org_id, alliances::name, alliances::id))
        .load(conn)
        .map_err(StoreError::from)?;
    let alliances_by_name: BTreeMap<(i64, String), i64> = memberships
        .into_iter()
        .map(|(org, name, id)| ((org, name), id))
        .collect();
    let mut errors = Vec::new();
    let mut drafts = Vec::with_capacity(records.len());
    for record in records {
        let mut missing = |field: &str, value: &str, reason: String| {
            errors.push(RowError {
                line: record.line,
                field: field.to_owned(),
                value: value.to_owned(),
                reason,
            });
        };
        let lead = match &record.lead {
            None => org,
            Some(name) => match orgs.get(name) {
                Some(id) => OrgId(*id),
                None => {
                    missing("lead", name, "no organisation has this short name".into());
                    org
                }
            },
        };
        let mut partners = Vec::new();
        for name in &record.partners {
            match orgs.get(name) {
                Some(id) => partners.push(OrgId(*id)),
                None => missing(
                    "partners",
                    name,
                    "no organisation has this short name".into(),
                ),
            }
        }
        let mut shared_with = Vec::new();
        for name in &record.shared_with {
            match alliances_by_name.get(&(lead.0, name.trim().to_owned())) {
                Some(id) => shared_with.push(AllianceId(*id)),
                None => missing(
                    "shared_with",
                    name,
                    "the lead organisation belongs to no alliance of this name".into(),
                ),
            }
        }
        drafts.push(record.to_draft(lead, partners, shared_with));
    }
    if errors.is_empty() {
        Ok(drafts)
    } else {
        Err(ImportError::Rows(errors))
    }
}

/// A treaty event as a draft names it: state, treaty, kind and date.
type EventKey = (String, String, &'static str, chrono::NaiveDate);

/// Every rule of every draft; the problems as row errors.
fn check_all(
    conn: &mut DbConnection,
    scope: &AccessScope,
    records: &[ActionRecord],
    drafts: &[ActionDraft],
) -> Result<(), ImportError> {
    let catalogues = Catalogues::load(conn)?;
    let links = Links::load(conn, scope, drafts.iter())?;
    let mut errors = Vec::new();
    let mut events_checked: HashMap<EventKey, Vec<FieldError>> = HashMap::new();
    for (record, draft) in records.iter().zip(drafts) {
        let mut found: Vec<FieldError> = draft.validate().err().unwrap_or_default();
        catalogues.check(draft, &mut found);
        links.check(draft, &mut found);
        if let Some(event) = &draft.outcome_event {
            // One query per distinct event named, not per row.
            let key = (
                event.state.as_str().to_owned(),
                event.treaty.as_str().to_owned(),
                event.kind.code(),
                event.date,
            );
            let problems = match events_checked.entry(key) {
                Entry::Occupied(known) => known.into_mut(),
                Entry::Vacant(new) => {
                    let mut problems = Vec::new();
                    check_outcome_event(conn, draft, &mut problems)?;
                    new.insert(problems)
                }
            };
            found.extend(problems.iter().cloned());
        }
        if record.signal == Some(true) && draft.visibility == Visibility::Public {
            found.push(FieldError::new(
                "signal",
                "public_action",
                "a public action is seen whole and emits no signal",
            ));
        }
        errors.extend(found.into_iter().map(|e| RowError {
            line: record.line,
            field: e.field.to_owned(),
            value: String::new(),
            reason: e.message,
        }));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ImportError::Rows(errors))
    }
}
