//! The append-only audit log: every write, every read of a record by
//! someone outside its owner, every sign-in and failure, every export.
//!
//! The store offers no way to change or delete an entry, and both databases
//! refuse it with a trigger. Admins of an organisation read the entries
//! about its records; the site admin reads all of them.

mod action;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use entente_core::access::{AccessScope, OrgId, Role, UserId};

use crate::accounts::org_ids_with_role;
use crate::accounts::rows::stored_code;
use crate::connection::DbConnection;
use crate::schema::audit_log;
use crate::{Store, StoreError};

pub use action::AuditAction;

/// One event to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// UTC.
    pub at: NaiveDateTime,
    /// Who acted, when a signed-in user did.
    pub actor_user: Option<UserId>,
    /// On behalf of which organisation, when that is known.
    pub actor_org: Option<OrgId>,
    /// The organisation owning the record concerned: its admins see the entry.
    pub org: Option<OrgId>,
    pub action: AuditAction,
    /// The kind of record concerned (`alliance`, `contact`, `api_token`...).
    pub record_kind: Option<String>,
    pub record_id: Option<i64>,
    /// Free text for the reader; never secrets.
    pub detail: String,
}

impl AuditEntry {
    /// An entry with only its time and action set.
    pub fn new(at: NaiveDateTime, action: AuditAction) -> Self {
        AuditEntry {
            at,
            actor_user: None,
            actor_org: None,
            org: None,
            action,
            record_kind: None,
            record_id: None,
            detail: String::new(),
        }
    }
}

/// An entry as stored, with its place in the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditLine {
    /// Increasing with each append.
    pub id: i64,
    pub entry: AuditEntry,
}

/// Which entries to read; every field left `None` keeps all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Entries about this organisation's records.
    pub org: Option<OrgId>,
    pub action: Option<AuditAction>,
    /// Entries at or after this moment (UTC).
    pub since: Option<NaiveDateTime>,
    /// At most this many, the newest first.
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = audit_log)]
struct AuditRow {
    #[diesel(skip_insertion)]
    id: i64,
    at: NaiveDateTime,
    actor_user: Option<i64>,
    actor_org: Option<i64>,
    org_id: Option<i64>,
    action: String,
    record_kind: Option<String>,
    record_id: Option<i64>,
    detail: String,
}

impl AuditRow {
    fn new(entry: &AuditEntry) -> Self {
        AuditRow {
            id: 0,
            at: entry.at,
            actor_user: entry.actor_user.map(|u| u.0),
            actor_org: entry.actor_org.map(|o| o.0),
            org_id: entry.org.map(|o| o.0),
            action: entry.action.code().to_owned(),
            record_kind: entry.record_kind.clone(),
            record_id: entry.record_id,
            detail: entry.detail.clone(),
        }
    }
}

impl TryFrom<AuditRow> for AuditLine {
    type Error = StoreError;
    fn try_from(row: AuditRow) -> Result<Self, StoreError> {
        Ok(AuditLine {
            id: row.id,
            entry: AuditEntry {
                at: row.at,
                actor_user: row.actor_user.map(UserId),
                actor_org: row.actor_org.map(OrgId),
                org: row.org_id.map(OrgId),
                action: stored_code("audit_log", row.id, "action", &row.action)?,
                record_kind: row.record_kind,
                record_id: row.record_id,
                detail: row.detail,
            },
        })
    }
}

/// Appends inside a caller's transaction, so a write and its entry are
/// stored together or not at all.
pub(crate) fn append(conn: &mut DbConnection, entry: &AuditEntry) -> Result<i64, StoreError> {
    Ok(diesel::insert_into(audit_log::table)
        .values(AuditRow::new(entry))
        .returning(audit_log::id)
        .get_result(conn)?)
}

impl Store {
    /// Appends an entry to the log; returns its id.
    pub fn append_audit(&self, entry: &AuditEntry) -> Result<i64, StoreError> {
        append(&mut *self.connection()?, entry)
    }

    /// The entries `scope` may read, newest first: for a member, those about
    /// the records of the organisations they administer; for the site admin,
    /// all; for anyone else, none.
    pub fn audit_entries(
        &self,
        scope: &AccessScope,
        filter: &AuditFilter,
    ) -> Result<Vec<AuditLine>, StoreError> {
        let mut query = audit_log::table
            .select(AuditRow::as_select())
            .order(audit_log::id.desc())
            .into_boxed();
        match scope {
            AccessScope::Public => return Ok(Vec::new()),
            AccessScope::SiteAdmin(_) => {}
            AccessScope::Member(member) => {
                let administered = org_ids_with_role(member, Role::Admin);
                if administered.is_empty() {
                    return Ok(Vec::new());
                }
                query = query.filter(audit_log::org_id.eq_any(administered));
            }
        }
        if let Some(org) = filter.org {
            query = query.filter(audit_log::org_id.eq(org.0));
        }
        if let Some(action) = filter.action {
            query = query.filter(audit_log::action.eq(action.code()));
        }
        if let Some(since) = filter.since {
            query = query.filter(audit_log::at.ge(since));
        }
        if let Some(limit) = filter.limit {
            query = query.limit(i64::from(limit));
        }
        let rows = query.load(&mut *self.connection()?)?;
        rows.into_iter().map(AuditLine::try_from).collect()
    }

    /// The whole log, oldest first, for the CLI's export: it reads as the
    /// site administrator, whatever the log holds.
    pub fn audit_export_as_site_admin(&self) -> Result<Vec<AuditLine>, StoreError> {
        let rows = audit_log::table
            .select(AuditRow::as_select())
            .order(audit_log::id)
            .load(&mut *self.connection()?)?;
        rows.into_iter().map(AuditLine::try_from).collect()
    }
}
