//! The contact tables: rows, the alliances each contact is shared with, the
//! SQL condition of what a scope may read, and the log of reads from
//! outside the owner.

use std::collections::BTreeMap;

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;
use entente_core::access::{AccessScope, AllianceId, OrgId, Visibility};

use super::{Contact, ContactDetails, ContactId};
use crate::StoreError;
use crate::accounts::rows::stored_code;
use crate::accounts::{Condition, alliance_ids, org_ids};
use crate::audit::{self, AuditAction, AuditEntry};
use crate::connection::DbConnection;
use crate::schema::{alliance_members, contact_alliances, contacts};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = contacts)]
pub(super) struct ContactRow {
    pub id: i64,
    pub org_id: i64,
    pub name: String,
    pub role: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub languages: String,
    pub consent: bool,
    pub notes: String,
    pub visibility: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = contacts)]
#[diesel(treat_none_as_null = true)]
pub(super) struct ContactValues<'a> {
    pub name: &'a str,
    pub role: &'a str,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub languages: String,
    pub consent: bool,
    pub notes: &'a str,
    pub visibility: &'a str,
    pub updated_at: NaiveDateTime,
}

impl<'a> ContactValues<'a> {
    pub(super) fn of(details: &'a ContactDetails, now: NaiveDateTime) -> Self {
        ContactValues {
            name: &details.name,
            role: &details.role,
            email: details.email.as_deref(),
            phone: details.phone.as_deref(),
            languages: details.languages.join(","),
            consent: details.consent,
            notes: &details.notes,
            visibility: details.visibility.code(),
            updated_at: now,
        }
    }
}

/// Which contacts a scope may read: `can_read` of personal data, with a
/// contact shared with an alliance read by its members only while the
/// owner belongs to the alliance.
pub(super) enum Readable {
    /// Every one: the site admin.
    All,
    /// Those the condition keeps: for members, those of their organisations
    /// and those shared with one of their alliances.
    Only(Condition<contacts::table>),
    /// None: the public.
    Nothing,
}

pub(super) fn visible_contacts(scope: &AccessScope) -> Readable {
    let member = match scope {
        AccessScope::SiteAdmin(_) => return Readable::All,
        AccessScope::Public => return Readable::Nothing,
        AccessScope::Member(member) => member,
    };
    let mut condition: Condition<contacts::table> =
        Box::new(contacts::org_id.eq_any(org_ids(member)));
    // One clause per alliance of the reader (a handful): shared with it,
    // and owned by one of its members.
    for alliance in alliance_ids(member) {
        let shared = contact_alliances::table
            .filter(contact_alliances::alliance_id.eq(alliance))
            .select(contact_alliances::contact_id);
        let members = alliance_members::table
            .filter(alliance_members::alliance_id.eq(alliance))
            .select(alliance_members::org_id);
        condition = Box::new(
            condition.or(contacts::visibility
                .eq(Visibility::Alliance.code())
                .and(contacts::id.eq_any(shared))
                .and(contacts::org_id.eq_any(members))),
        );
    }
    Readable::Only(condition)
}

/// The contacts of `rows`, with the alliances each is shared with.
pub(super) fn with_sharing(
    conn: &mut DbConnection,
    rows: Vec<ContactRow>,
) -> Result<Vec<Contact>, StoreError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let pairs: Vec<(i64, i64)> = contact_alliances::table
        .filter(contact_alliances::contact_id.eq_any(&ids))
        .order((
            contact_alliances::contact_id,
            contact_alliances::alliance_id,
        ))
        .select((
            contact_alliances::contact_id,
            contact_alliances::alliance_id,
        ))
        .load(conn)?;
    let mut shared: BTreeMap<i64, Vec<AllianceId>> = BTreeMap::new();
    for (contact, alliance) in pairs {
        shared
            .entry(contact)
            .or_default()
            .push(AllianceId(alliance));
    }
    rows.into_iter()
        .map(|row| {
            let shared_with = shared.remove(&row.id).unwrap_or_default();
            Ok(Contact {
                id: ContactId(row.id),
                org: OrgId(row.org_id),
                details: ContactDetails {
                    visibility: stored_code("contacts", row.id, "visibility", &row.visibility)?,
                    name: row.name,
                    role: row.role,
                    email: row.email,
                    phone: row.phone,
                    languages: row
                        .languages
                        .split(',')
                        .filter(|c| !c.is_empty())
                        .map(str::to_owned)
                        .collect(),
                    consent: row.consent,
                    notes: row.notes,
                    shared_with,
                },
                created_at: row.created_at,
                updated_at: row.updated_at,
            })
        })
        .collect()
}

/// Replaces the alliances a contact is shared with.
pub(super) fn write_sharing(
    conn: &mut DbConnection,
    contact: i64,
    alliances: &[AllianceId],
) -> Result<(), StoreError> {
    diesel::delete(contact_alliances::table.filter(contact_alliances::contact_id.eq(contact)))
        .execute(conn)?;
    for alliance in alliances {
        diesel::insert_into(contact_alliances::table)
            .values((
                contact_alliances::contact_id.eq(contact),
                contact_alliances::alliance_id.eq(alliance.0),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Logs each read of a contact by a user outside its owner (a member of an
/// alliance it is shared with, or the site admin), so the owner's admins
/// see who read their people's data. One entry per contact, in one
/// transaction.
pub(super) fn audit_outside_reads(
    conn: &mut DbConnection,
    scope: &AccessScope,
    read: &[Contact],
) -> Result<(), StoreError> {
    let Some(actor) = scope.user() else {
        return Ok(());
    };
    let outside: Vec<&Contact> = read
        .iter()
        .filter(|c| scope.role_in(c.org).is_none())
        .collect();
    if outside.is_empty() {
        return Ok(());
    }
    crate::transaction::write(conn, |conn| {
        for contact in outside {
            let entry = AuditEntry {
                actor_user: Some(actor),
                org: Some(contact.org),
                record_kind: Some("contact".to_owned()),
                record_id: Some(contact.id.0),
                detail: format!(
                    "contact {} ({}) read from outside its organisation",
                    contact.id,
                    contact.details.visibility.code()
                ),
                ..AuditEntry::new(Utc::now().naive_utc(), AuditAction::RecordReadByAlliance)
            };
            audit::append(conn, &entry)?;
        }
        Ok(())
    })
}
