//! The organisation directory in files: importing entries all or nothing,
//! every refused value reported with its line and field, and reading the
//! directory back as file records for exports.

use chrono::Utc;
use diesel::prelude::*;
use entente_core::access::AccessScope;
use entente_io::plan::{OrganisationRecord, RowError};

use super::organisations::{apply_changes, check_short_name, check_website, insert_organisation};
use super::profile::unknown_states;
use super::rows::NewOrganisationRow;
use super::{Area, OrganisationChanges, OrganisationProfile};
use crate::audit::{self, AuditAction, AuditEntry};
use crate::connection::DbConnection;
use crate::schema::organisations;
use crate::{Store, StoreError, transaction};

/// What an import wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Records created.
    pub inserted: usize,
    /// Records that were stored already and took the file's values.
    pub updated: usize,
}

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Rows the store refused, each with its line, field, value and reason.
    #[error("{} refused values, nothing was written", .0.len())]
    Rows(Vec<RowError>),
    /// The import could not run: not allowed, or the database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<diesel::result::Error> for ImportError {
    fn from(error: diesel::result::Error) -> Self {
        ImportError::Store(error.into())
    }
}

/// A refused value of one row.
pub(crate) fn row_error(
    line: usize,
    field: &str,
    value: &str,
    reason: impl Into<String>,
) -> RowError {
    RowError {
        line,
        field: field.to_owned(),
        value: value.to_owned(),
        reason: reason.into(),
    }
}

/// The reason of a store error, without the field name it starts with
/// when the field is given apart.
pub(crate) fn reason(error: &StoreError, field: &str) -> String {
    let text = error.to_string();
    let prefix = format!("{field} ");
    text.strip_prefix(&prefix)
        .and_then(|rest| rest.split_once(": ").map(|(_, why)| why.to_owned()))
        .or_else(|| text.strip_prefix(&format!("{field}: ")).map(str::to_owned))
        .unwrap_or(text)
}

/// The checks that need no database: slugs, names, websites, repeated
/// short names.
fn check_records(records: &[OrganisationRecord]) -> Vec<RowError> {
    let mut refused = Vec::new();
    let mut seen: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for record in records {
        let short = record.short_name.as_str();
        if let Err(e) = check_short_name(short) {
            refused.push(row_error(
                record.line,
                "short_name",
                short,
                reason(&e, "short name"),
            ));
        }
        if let Some(first) = seen.insert(short, record.line) {
            let why = format!("the same short name is on line {first}");
            refused.push(row_error(record.line, "short_name", short, why));
        }
        if record.name.trim().is_empty() {
            refused.push(row_error(record.line, "name", "", "must not be blank"));
        }
        if let Some(website) = record.website.as_deref()
            && let Err(e) = check_website(website)
        {
            refused.push(row_error(
                record.line,
                "website",
                website,
                reason(&e, "website"),
            ));
        }
    }
    refused
}

fn profile_of(record: &OrganisationRecord) -> OrganisationProfile {
    OrganisationProfile {
        level: record.level,
        sectors: record.sectors.clone(),
        area: Area {
            states: record.states.clone(),
            regions: record.regions.clone(),
        },
    }
    .normalised()
}

/// Creates or updates one entry; returns whether it was created.
fn store_record(
    conn: &mut DbConnection,
    scope: &AccessScope,
    record: &OrganisationRecord,
) -> Result<bool, StoreError> {
    let existing: Option<i64> = organisations::table
        .filter(organisations::short_name.eq(&record.short_name))
        .select(organisations::id)
        .first(conn)
        .optional()?;
    let changes = OrganisationChanges {
        name: record.name.trim().to_owned(),
        kind: record.kind,
        website: record.website.clone(),
        description: record.description.clone(),
        visibility: record.visibility,
        profile: profile_of(record),
    };
    let (org, action) = match existing {
        Some(id) => {
            let org = entente_core::access::OrgId(id);
            apply_changes(conn, org, &changes)?;
            (org, AuditAction::OrganisationUpdated)
        }
        None => {
            let row = NewOrganisationRow {
                short_name: &record.short_name,
                name: &changes.name,
                kind: changes.kind.code(),
                website: changes.website.as_deref(),
                description: changes.description.as_deref(),
                visibility: changes.visibility.code(),
                created_at: Utc::now().naive_utc(),
                level: changes.profile.level.code(),
            };
            let org = insert_organisation(conn, &row)?;
            apply_changes(conn, org, &changes)?;
            (org, AuditAction::OrganisationCreated)
        }
    };
    let entry = AuditEntry {
        actor_user: scope.user(),
        org: Some(org),
        record_kind: Some("organisation".to_owned()),
        record_id: Some(org.0),
        detail: format!("imported from line {}", record.line),
        ..AuditEntry::new(Utc::now().naive_utc(), action)
    };
    audit::append(conn, &entry)?;
    Ok(existing.is_none())
}

impl Store {
    /// Imports directory entries: each record creates the organisation of
    /// its short name, or replaces the stored entry and profile of that
    /// name. For the site admin only ([`StoreError::Forbidden`] otherwise).
    /// All or nothing, in one transaction: every refused value of every
    /// row (a bad short name, a repeated one, a blank name, a website that
    /// is not a web address, an unknown state) comes back as a [`RowError`].
    /// Each entry written is logged.
    pub fn import_organisations(
        &self,
        scope: &AccessScope,
        records: &[OrganisationRecord],
    ) -> Result<ImportSummary, ImportError> {
        if !scope.is_site_admin() {
            return Err(StoreError::forbidden("only the site admin imports organisations").into());
        }
        let mut refused = check_records(records);
        let mut conn = self.connection()?;
        let written = transaction::write(&mut conn, |conn| {
            for record in records {
                for state in unknown_states(conn, &record.states)? {
                    let why = "no state has this code";
                    refused.push(row_error(record.line, "states", state.as_str(), why));
                }
            }
            if !refused.is_empty() {
                return Err(StoreError::invalid("rows refused"));
            }
            let mut summary = ImportSummary::default();
            for record in records {
                match store_record(conn, scope, record) {
                    Ok(true) => summary.inserted += 1,
                    Ok(false) => summary.updated += 1,
                    Err(e @ (StoreError::Invalid { .. } | StoreError::Conflict { .. })) => {
                        refused.push(row_error(
                            record.line,
                            "short_name",
                            &record.short_name,
                            e.to_string(),
                        ));
                    }
                    Err(e) => return Err(e),
                }
            }
            if refused.is_empty() {
                Ok(summary)
            } else {
                Err(StoreError::invalid("rows refused"))
            }
        });
        match written {
            Ok(summary) => Ok(summary),
            Err(_) if !refused.is_empty() => Err(ImportError::Rows(refused)),
            Err(e) => Err(e.into()),
        }
    }

    /// The directory entries `scope` may read as file records, by short
    /// name, numbered as the lines of a file with a header.
    pub fn export_organisations(
        &self,
        scope: &AccessScope,
    ) -> Result<Vec<OrganisationRecord>, StoreError> {
        Ok(self
            .organisations(scope)?
            .into_iter()
            .enumerate()
            .map(|(i, org)| OrganisationRecord {
                line: i + 2,
                short_name: org.short_name,
                name: org.name,
                kind: org.kind,
                level: org.profile.level,
                sectors: org.profile.sectors,
                states: org.profile.area.states,
                regions: org.profile.area.regions,
                website: org.website,
                description: org.description,
                visibility: org.visibility,
            })
            .collect())
    }
}
