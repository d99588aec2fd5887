//! Contacts in files: an organisation's people imported all or nothing,
//! every refused value reported with its line and field, and read back as
//! file records for exports.

use chrono::Utc;
use diesel::prelude::*;
use entente_core::access::{
    AccessScope, AllianceId, OrgId, Visibility, can_share_personal, can_write,
};
use entente_io::plan::{ContactRecord, RowError};

use super::crud::insert_contact;
use super::rows::{ContactValues, write_sharing};
use super::{ContactDetails, access_of};
use crate::accounts::{ImportError, ImportSummary, row_error};
use crate::audit::{self, AuditAction, AuditEntry};
use crate::connection::DbConnection;
use crate::schema::{alliance_members, alliances, contacts};
use crate::{Store, StoreError, transaction};

/// The alliances `org` belongs to, by id and name.
pub(crate) fn alliances_of(
    conn: &mut DbConnection,
    org: OrgId,
) -> Result<Vec<(AllianceId, String)>, StoreError> {
    let rows: Vec<(i64, String)> = alliances::table
        .inner_join(alliance_members::table)
        .filter(alliance_members::org_id.eq(org.0))
        .select((alliances::id, alliances::name))
        .order(alliances::id)
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| (AllianceId(id), name))
        .collect())
}

/// The alliances `names` (a row's, on `line`) designate among `alliances`,
/// compared without case; a name that designates none or several is
/// refused in `refused`.
pub(crate) fn named_alliances(
    line: usize,
    names: &[String],
    alliances: &[(AllianceId, String)],
    refused: &mut Vec<RowError>,
) -> Vec<AllianceId> {
    let mut found = Vec::new();
    for name in names {
        let folded = name.trim().to_lowercase();
        let matching: Vec<AllianceId> = alliances
            .iter()
            .filter(|(_, n)| n.trim().to_lowercase() == folded)
            .map(|(id, _)| *id)
            .collect();
        match matching.as_slice() {
            [one] => found.push(*one),
            [] => refused.push(row_error(
                line,
                "shared_with",
                name,
                "the organisation belongs to no alliance of this name",
            )),
            _ => refused.push(row_error(
                line,
                "shared_with",
                name,
                "the organisation belongs to several alliances of this name",
            )),
        }
    }
    found
}

/// The record as contact details, or the refused values of its row.
fn details_of(
    scope: &AccessScope,
    org: OrgId,
    record: &ContactRecord,
    alliances: &[(AllianceId, String)],
) -> Result<ContactDetails, Vec<RowError>> {
    let line = record.line;
    let mut refused = Vec::new();
    let shared_with = named_alliances(line, &record.shared_with, alliances, &mut refused);
    let details = ContactDetails {
        name: record.name.clone(),
        role: record.role.clone(),
        email: record.email.clone(),
        phone: record.phone.clone(),
        languages: record.languages.clone(),
        consent: record.consent,
        notes: record.notes.clone(),
        visibility: record.visibility,
        shared_with,
    }
    .normalised();
    if record.visibility == Visibility::Alliance && !can_share_personal(scope, org) {
        let why = "only an admin of the organisation may share its contacts with an alliance";
        refused.push(row_error(line, "visibility", "alliance", why));
    }
    if refused.is_empty()
        && let Err(e) = details.check()
    {
        refused.push(check_error(record, &e));
    }
    if refused.is_empty() {
        Ok(details)
    } else {
        Err(refused)
    }
}

/// A refused detail as a row error: the message names the field first.
fn check_error(record: &ContactRecord, error: &StoreError) -> RowError {
    let text = error.to_string();
    let field: String = text
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    let reason = text.split_once(": ").map_or(text.as_str(), |(_, why)| why);
    let value = match field.as_str() {
        "name" => record.name.clone(),
        "email" => record.email.clone().unwrap_or_default(),
        "languages" => record.languages.join("; "),
        "visibility" => record.visibility.code().to_owned(),
        _ => record.shared_with.join("; "),
    };
    row_error(record.line, &field, &value, reason)
}

/// The stored contact of `org` with this name and e-mail, if any: what a
/// row of a file exported from Entente is imported back onto.
fn same_person(
    conn: &mut DbConnection,
    org: OrgId,
    details: &ContactDetails,
) -> Result<Option<i64>, StoreError> {
    let mut query = contacts::table
        .filter(contacts::org_id.eq(org.0))
        .filter(contacts::name.eq(details.name.clone()))
        .select(contacts::id)
        .into_boxed();
    query = match &details.email {
        Some(email) => query.filter(contacts::email.eq(email.clone())),
        None => query.filter(contacts::email.is_null()),
    };
    Ok(query.first(conn).optional()?)
}

/// Creates or updates one contact; returns whether it was created.
fn store_contact(
    conn: &mut DbConnection,
    scope: &AccessScope,
    org: OrgId,
    line: usize,
    details: &ContactDetails,
) -> Result<bool, StoreError> {
    let existing = same_person(conn, org, details)?;
    let (id, action) = match existing {
        Some(id) => {
            diesel::update(contacts::table.find(id))
                .set(ContactValues::of(details, Utc::now().naive_utc()))
                .execute(conn)?;
            write_sharing(conn, id, &details.shared_with)?;
            (id, AuditAction::RecordUpdated)
        }
        None => (
            insert_contact(conn, org, details)?.0,
            AuditAction::RecordCreated,
        ),
    };
    let entry = AuditEntry {
        actor_user: scope.user(),
        org: Some(org),
        record_kind: Some("contact".to_owned()),
        record_id: Some(id),
        detail: format!(
            "contact {id} ({}) imported from line {line}",
            details.visibility.code()
        ),
        ..AuditEntry::new(Utc::now().naive_utc(), action)
    };
    audit::append(conn, &entry)?;
    Ok(existing.is_none())
}

impl Store {
    /// Imports `org`'s contacts: a row whose person (same name and e-mail)
    /// is stored updates that contact, the others are created. `scope` must
    /// be an editor or admin of `org` ([`StoreError::NotFound`] when it
    /// cannot see it, [`StoreError::Forbidden`] otherwise); rows shared
    /// with an alliance need an admin. All or nothing, in one transaction:
    /// every refused value (a public contact, an alliance the organisation
    /// is not in, a blank name, a bad e-mail or language code) comes back
    /// as a [`RowError`]. Each contact written is logged.
    pub fn import_contacts(
        &self,
        scope: &AccessScope,
        org: OrgId,
        records: &[ContactRecord],
    ) -> Result<ImportSummary, ImportError> {
        if self.organisation(scope, org)?.is_none() {
            return Err(StoreError::not_found(format!("organisation {org}")).into());
        }
        if !can_write(scope, &access_of(org, &empty_details())) {
            return Err(StoreError::forbidden(format!(
                "only an editor or admin of organisation {org} may import its contacts"
            ))
            .into());
        }
        let mut refused: Vec<RowError> = Vec::new();
        let mut conn = self.connection()?;
        let written = transaction::write(&mut conn, |conn| {
            let alliances = alliances_of(conn, org)?;
            let mut checked = Vec::new();
            for record in records {
                match details_of(scope, org, record, &alliances) {
                    Ok(details) => checked.push((record.line, details)),
                    Err(rows) => refused.extend(rows),
                }
            }
            if !refused.is_empty() {
                return Err(StoreError::invalid("rows refused"));
            }
            let mut summary = ImportSummary::default();
            for (line, details) in &checked {
                if store_contact(conn, scope, org, *line, details)? {
                    summary.inserted += 1;
                } else {
                    summary.updated += 1;
                }
            }
            Ok(summary)
        });
        match written {
            Ok(summary) => Ok(summary),
            Err(_) if !refused.is_empty() => Err(ImportError::Rows(refused)),
            Err(e) => Err(e.into()),
        }
    }

    /// The contacts of `org` that `scope` may read, as file records by
    /// name, alliances by name; reads from outside the owner are logged.
    pub fn export_contacts(
        &self,
        scope: &AccessScope,
        org: OrgId,
    ) -> Result<Vec<ContactRecord>, StoreError> {
        let contacts = self.contacts_of(scope, org)?;
        // Alliances named as the reader may see them; the others by number.
        let names: Vec<(AllianceId, String)> = self
            .alliances(scope)?
            .into_iter()
            .map(|a| (a.id, a.name))
            .collect();
        let name_of = |id: &AllianceId| {
            names
                .iter()
                .find(|(a, _)| a == id)
                .map_or_else(|| id.to_string(), |(_, n)| n.clone())
        };
        Ok(contacts
            .into_iter()
            .enumerate()
            .map(|(i, c)| ContactRecord {
                line: i + 2,
                shared_with: c.details.shared_with.iter().map(name_of).collect(),
                name: c.details.name,
                role: c.details.role,
                email: c.details.email,
                phone: c.details.phone,
                languages: c.details.languages,
                consent: c.details.consent,
                notes: c.details.notes,
                visibility: c.details.visibility,
            })
            .collect())
    }
}

/// A private contact with nothing in it: what the write rule is asked about.
fn empty_details() -> ContactDetails {
    ContactDetails {
        name: String::new(),
        role: String::new(),
        email: None,
        phone: None,
        languages: Vec::new(),
        consent: false,
        notes: String::new(),
        visibility: Visibility::Private,
        shared_with: Vec::new(),
    }
}
