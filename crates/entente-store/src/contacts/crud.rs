//! Creating, reading, changing and deleting contacts under the access
//! rules: editors and admins of the owner write, only its admins share with
//! an alliance, and a contact the scope may not read answers as a missing one.

use chrono::Utc;
use diesel::prelude::*;
use entente_core::access::{
    AccessScope, AllianceId, OrgId, Visibility, can_share_personal, can_write,
};

use super::rows::{
    ContactRow, ContactValues, Readable, audit_outside_reads, visible_contacts, with_sharing,
    write_sharing,
};
use super::{Contact, ContactDetails, ContactId, access_of};
use crate::audit::{self, AuditAction, AuditEntry};
use crate::connection::DbConnection;
use crate::schema::{alliance_members, contacts};
use crate::{Store, StoreError, transaction};

fn contact_entry(
    scope: &AccessScope,
    action: AuditAction,
    org: OrgId,
    id: i64,
    visibility: Visibility,
) -> AuditEntry {
    AuditEntry {
        actor_user: scope.user(),
        org: Some(org),
        record_kind: Some("contact".to_owned()),
        record_id: Some(id),
        detail: format!("contact {id} ({})", visibility.code()),
        ..AuditEntry::new(Utc::now().naive_utc(), action)
    }
}

/// Refuses sharing with an alliance `org` does not belong to.
pub(super) fn check_memberships(
    conn: &mut DbConnection,
    org: OrgId,
    alliances: &[AllianceId],
) -> Result<(), StoreError> {
    for alliance in alliances {
        let member = alliance_members::table
            .find((alliance.0, org.0))
            .select(alliance_members::org_id)
            .first::<i64>(conn)
            .optional()?;
        if member.is_none() {
            return Err(StoreError::invalid(format!(
                "shared_with {alliance}: organisation {org} is not a member of this alliance"
            )));
        }
    }
    Ok(())
}

/// Why `scope` may not share personal data of `org`.
fn sharing_forbidden(org: OrgId) -> StoreError {
    StoreError::forbidden(format!(
        "only an admin of organisation {org} may share its contacts with an alliance"
    ))
}

impl Store {
    /// Adds a contact to `org`. `scope` must be an editor or admin of `org`
    /// ([`StoreError::NotFound`] when it cannot see the organisation,
    /// [`StoreError::Forbidden`] when it sees but may not write), and an
    /// admin to share it with an alliance (`org` must belong to each one
    /// named). Invalid details are [`StoreError::Invalid`] naming the
    /// field; a public contact is refused. Logged.
    pub fn create_contact(
        &self,
        scope: &AccessScope,
        org: OrgId,
        details: &ContactDetails,
    ) -> Result<ContactId, StoreError> {
        if self.organisation(scope, org)?.is_none() {
            return Err(StoreError::not_found(format!("organisation {org}")));
        }
        let details = details.clone().normalised();
        if !can_write(scope, &access_of(org, &details)) {
            return Err(StoreError::forbidden(format!(
                "only an editor or admin of organisation {org} may add its contacts"
            )));
        }
        details.check()?;
        if details.visibility == Visibility::Alliance && !can_share_personal(scope, org) {
            return Err(sharing_forbidden(org));
        }
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            check_memberships(conn, org, &details.shared_with)?;
            let id = insert_contact(conn, org, &details)?;
            let entry = contact_entry(
                scope,
                AuditAction::RecordCreated,
                org,
                id.0,
                details.visibility,
            );
            audit::append(conn, &entry)?;
            Ok(id)
        })
    }

    /// One contact, or `None` when it is missing or `scope` may not read
    /// it. A read from outside the owner is logged.
    pub fn contact(
        &self,
        scope: &AccessScope,
        id: ContactId,
    ) -> Result<Option<Contact>, StoreError> {
        let mut found = self.load_contacts(scope, Some(id), None)?;
        Ok(found.pop())
    }

    /// The contacts of `org` that `scope` may read, by name. Reads from
    /// outside the owner are logged, one entry per contact.
    pub fn contacts_of(&self, scope: &AccessScope, org: OrgId) -> Result<Vec<Contact>, StoreError> {
        self.load_contacts(scope, None, Some(org))
    }

    /// Changes a contact. `scope` must see it ([`StoreError::NotFound`])
    /// and be an editor or admin of its owner ([`StoreError::Forbidden`]);
    /// sharing it with an alliance, or with other alliances, takes an admin
    /// of the owner. Validated as at creation. Logged.
    pub fn update_contact(
        &self,
        scope: &AccessScope,
        id: ContactId,
        details: &ContactDetails,
    ) -> Result<(), StoreError> {
        let before = self.writable_contact(scope, id)?;
        let details = details.clone().normalised();
        details.check()?;
        let shares_more = details.visibility == Visibility::Alliance
            && (before.details.visibility != Visibility::Alliance
                || details
                    .shared_with
                    .iter()
                    .any(|a| !before.details.shared_with.contains(a)));
        if shares_more && !can_share_personal(scope, before.org) {
            return Err(sharing_forbidden(before.org));
        }
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            check_memberships(conn, before.org, &details.shared_with)?;
            diesel::update(contacts::table.find(id.0))
                .set(ContactValues::of(&details, Utc::now().naive_utc()))
                .execute(conn)?;
            write_sharing(conn, id.0, &details.shared_with)?;
            let entry = contact_entry(
                scope,
                AuditAction::RecordUpdated,
                before.org,
                id.0,
                details.visibility,
            );
            audit::append(conn, &entry)?;
            Ok(())
        })
    }

    /// Deletes a contact, under the rules of [`Store::update_contact`].
    /// Logged.
    pub fn delete_contact(&self, scope: &AccessScope, id: ContactId) -> Result<(), StoreError> {
        let before = self.writable_contact(scope, id)?;
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            diesel::delete(contacts::table.find(id.0)).execute(conn)?;
            let entry = contact_entry(
                scope,
                AuditAction::RecordDeleted,
                before.org,
                id.0,
                before.details.visibility,
            );
            audit::append(conn, &entry)?;
            Ok(())
        })
    }

    /// The contact if `scope` may change it: hidden ones are missing, the
    /// others forbidden unless `scope` writes for the owner.
    fn writable_contact(&self, scope: &AccessScope, id: ContactId) -> Result<Contact, StoreError> {
        let found = self
            .load_contacts(scope, Some(id), None)?
            .pop()
            .ok_or_else(|| StoreError::not_found(format!("contact {id}")))?;
        if !can_write(scope, &found.access()) {
            return Err(StoreError::forbidden(format!(
                "only an editor or admin of organisation {} may change its contacts",
                found.org
            )));
        }
        Ok(found)
    }

    /// The contacts `scope` may read, by name, of one id or one owner;
    /// logs reads from outside the owner.
    fn load_contacts(
        &self,
        scope: &AccessScope,
        id: Option<ContactId>,
        org: Option<OrgId>,
    ) -> Result<Vec<Contact>, StoreError> {
        let mut query = contacts::table
            .select(ContactRow::as_select())
            .order((contacts::name, contacts::id))
            .into_boxed();
        let mut conn = self.connection()?;
        match visible_contacts(scope) {
            Readable::All => {}
            Readable::Only(condition) => query = query.filter(condition),
            Readable::Nothing => return Ok(Vec::new()),
        }
        if let Some(id) = id {
            query = query.filter(contacts::id.eq(id.0));
        }
        if let Some(org) = org {
            query = query.filter(contacts::org_id.eq(org.0));
        }
        let rows = query.load(&mut *conn)?;
        let mut found = with_sharing(&mut conn, rows)?;
        audit_outside_reads(&mut conn, scope, &found)?;
        // A reader outside the owner learns only the alliances of their
        // own it is shared with, not the owner's other alliances.
        if let AccessScope::Member(member) = scope {
            for contact in found.iter_mut().filter(|c| scope.role_in(c.org).is_none()) {
                contact
                    .details
                    .shared_with
                    .retain(|a| member.alliances.contains(a));
            }
        }
        Ok(found)
    }
}

/// Inserts a contact and its sharing; the caller checked everything.
pub(super) fn insert_contact(
    conn: &mut DbConnection,
    org: OrgId,
    details: &ContactDetails,
) -> Result<ContactId, StoreError> {
    let now = Utc::now().naive_utc();
    let id = diesel::insert_into(contacts::table)
        .values((
            contacts::org_id.eq(org.0),
            contacts::created_at.eq(now),
            ContactValues::of(details, now),
        ))
        .returning(contacts::id)
        .get_result::<i64>(conn)?;
    write_sharing(conn, id, &details.shared_with)?;
    Ok(ContactId(id))
}
