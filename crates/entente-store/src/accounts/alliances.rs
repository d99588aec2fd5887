//! Alliances (coalitions of organisations, the unit of sharing): creating
//! them, setting the states and regions they campaign in, managing their
//! members and reading those a scope may see.

use std::collections::BTreeMap;

use chrono::Utc;
use diesel::prelude::*;
use entente_core::access::{AccessScope, AllianceId, OrgId, can_administer};

use super::profile::{alliance_areas, write_alliance_area};
use super::rows::{AllianceRow, NewAllianceRow};
use super::scope::visible_alliances;
use super::{Alliance, Area, NewAlliance};
use crate::audit::{self, AuditAction, AuditEntry};
use crate::connection::DbConnection;
use crate::schema::{alliance_members, alliances};
use crate::{Store, StoreError, transaction};

fn alliance_entry(scope: &AccessScope, action: AuditAction, alliance: &Alliance) -> AuditEntry {
    AuditEntry {
        actor_user: scope.user(),
        org: Some(alliance.owner),
        record_kind: Some("alliance".to_owned()),
        record_id: Some(alliance.id.0),
        ..AuditEntry::new(Utc::now().naive_utc(), action)
    }
}

impl Store {
    /// Creates an alliance owned by `new.owner`, which becomes its first
    /// member; `scope` must administer the owner (see
    /// [`Store::add_membership`] for the errors). An unknown state in its
    /// area is [`StoreError::Invalid`], naming it. Logged in the audit log.
    pub fn create_alliance(
        &self,
        scope: &AccessScope,
        new: &NewAlliance,
    ) -> Result<AllianceId, StoreError> {
        self.check_administers(scope, new.owner)?;
        if new.name.trim().is_empty() {
            return Err(StoreError::invalid("name: must not be blank"));
        }
        let row = NewAllianceRow {
            owner_org: new.owner.0,
            name: new.name.trim(),
            purpose: &new.purpose,
            visibility: new.visibility.code(),
            created_at: Utc::now().naive_utc(),
        };
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            let id = diesel::insert_into(alliances::table)
                .values(&row)
                .returning(alliances::id)
                .get_result::<i64>(conn)?;
            insert_member(conn, id, new.owner)?;
            crate::search::index_alliances(conn, &[id])?;
            let area = new.area.clone().normalised();
            write_alliance_area(conn, id, &area)?;
            let created = Alliance {
                id: AllianceId(id),
                owner: new.owner,
                name: row.name.to_owned(),
                purpose: new.purpose.clone(),
                visibility: new.visibility,
                area,
                created_at: row.created_at,
                members: vec![new.owner],
            };
            let entry = AuditEntry {
                actor_org: Some(new.owner),
                ..alliance_entry(scope, AuditAction::AllianceCreated, &created)
            };
            audit::append(conn, &entry)?;
            Ok(AllianceId(id))
        })
    }

    /// Sets the states and regions an alliance campaigns in: for admins of
    /// its owner ([`StoreError::Forbidden`] for other readers,
    /// [`StoreError::NotFound`] when hidden); an unknown state is
    /// [`StoreError::Invalid`]. Logged with the area's size.
    pub fn set_alliance_area(
        &self,
        scope: &AccessScope,
        alliance: AllianceId,
        area: &Area,
    ) -> Result<(), StoreError> {
        let found = self.administered_alliance(scope, alliance)?;
        let area = area.clone().normalised();
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            write_alliance_area(conn, alliance.0, &area)?;
            let entry = AuditEntry {
                detail: format!(
                    "area: {} states, {} regions",
                    area.states.len(),
                    area.regions.len()
                ),
                ..alliance_entry(scope, AuditAction::AllianceUpdated, &found)
            };
            audit::append(conn, &entry)?;
            Ok(())
        })
    }

    /// Adds `org` to an alliance. `scope` must see the alliance
    /// ([`StoreError::NotFound`] otherwise) and administer its owner
    /// ([`StoreError::Forbidden`]), and see `org` in the directory or
    /// administer it too ([`StoreError::NotFound`]): an organisation whose
    /// entry is hidden from the owner joins through the site admin or
    /// someone who administers both. Adding a member twice is a
    /// [`StoreError::Conflict`]. Logged in the audit log.
    pub fn add_alliance_member(
        &self,
        scope: &AccessScope,
        alliance: AllianceId,
        org: OrgId,
    ) -> Result<(), StoreError> {
        let found = self.administered_alliance(scope, alliance)?;
        if !can_administer(scope, org) && self.organisation(scope, org)?.is_none() {
            return Err(StoreError::not_found(format!("organisation {org}")));
        }
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            insert_member(conn, alliance.0, org)?;
            let entry = AuditEntry {
                detail: format!("organisation {org} joined"),
                ..alliance_entry(scope, AuditAction::AllianceMemberAdded, &found)
            };
            audit::append(conn, &entry)?;
            Ok(())
        })
    }

    /// Removes `org` from an alliance; returns whether it was a member. An
    /// admin of the owner may remove any member, an admin of `org` may take
    /// it out; the owner itself stays. The contacts `org` shared with the
    /// alliance are no longer read by its members (they would be again if
    /// `org` came back). Logged in the audit log.
    pub fn remove_alliance_member(
        &self,
        scope: &AccessScope,
        alliance: AllianceId,
        org: OrgId,
    ) -> Result<bool, StoreError> {
        let found = if can_administer(scope, org) {
            self.alliance(scope, alliance)?
                .ok_or_else(|| StoreError::not_found(format!("alliance {alliance}")))?
        } else {
            self.administered_alliance(scope, alliance)?
        };
        if found.owner == org {
            return Err(StoreError::conflict(format!(
                "organisation {org} owns alliance {alliance} and cannot leave it"
            )));
        }
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            let removed =
                diesel::delete(alliance_members::table.find((alliance.0, org.0))).execute(conn)?;
            if removed > 0 {
                let entry = AuditEntry {
                    detail: format!("organisation {org} left"),
                    ..alliance_entry(scope, AuditAction::AllianceMemberRemoved, &found)
                };
                audit::append(conn, &entry)?;
            }
            Ok(removed > 0)
        })
    }

    /// The alliances `scope` may read, by name, with their members.
    pub fn alliances(&self, scope: &AccessScope) -> Result<Vec<Alliance>, StoreError> {
        let mut query = alliances::table
            .select(AllianceRow::as_select())
            .order((alliances::name, alliances::id))
            .into_boxed();
        if let Some(condition) = visible_alliances(scope) {
            query = query.filter(condition);
        }
        let mut conn = self.connection()?;
        let rows = query.load(&mut *conn)?;
        with_members(&mut conn, rows)
    }

    /// One alliance with its members, or `None` when it is missing or
    /// `scope` may not read it.
    pub fn alliance(
        &self,
        scope: &AccessScope,
        id: AllianceId,
    ) -> Result<Option<Alliance>, StoreError> {
        let mut query = alliances::table
            .filter(alliances::id.eq(id.0))
            .select(AllianceRow::as_select())
            .into_boxed();
        if let Some(condition) = visible_alliances(scope) {
            query = query.filter(condition);
        }
        let mut conn = self.connection()?;
        let rows: Vec<AllianceRow> = query.load(&mut *conn)?;
        Ok(with_members(&mut conn, rows)?.pop())
    }

    pub(crate) fn administered_alliance(
        &self,
        scope: &AccessScope,
        id: AllianceId,
    ) -> Result<Alliance, StoreError> {
        let found = self
            .alliance(scope, id)?
            .ok_or_else(|| StoreError::not_found(format!("alliance {id}")))?;
        if !can_administer(scope, found.owner) {
            return Err(StoreError::forbidden(format!(
                "only an admin of organisation {} may manage alliance {id}",
                found.owner
            )));
        }
        Ok(found)
    }
}

fn insert_member(conn: &mut DbConnection, alliance: i64, org: OrgId) -> Result<(), StoreError> {
    diesel::insert_into(alliance_members::table)
        .values((
            alliance_members::alliance_id.eq(alliance),
            alliance_members::org_id.eq(org.0),
        ))
        .execute(conn)
        .map_err(|e| {
            if StoreError::is_unique_violation(&e) {
                StoreError::conflict(format!(
                    "organisation {org} is a member of alliance {alliance} already"
                ))
            } else {
                e.into()
            }
        })?;
    Ok(())
}

/// Loads the members and areas of all the given alliances, one query per table.
fn with_members(
    conn: &mut DbConnection,
    rows: Vec<AllianceRow>,
) -> Result<Vec<Alliance>, StoreError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let pairs: Vec<(i64, i64)> = alliance_members::table
        .filter(alliance_members::alliance_id.eq_any(&ids))
        .order((alliance_members::alliance_id, alliance_members::org_id))
        .select((alliance_members::alliance_id, alliance_members::org_id))
        .load(conn)?;
    let mut members: BTreeMap<i64, Vec<OrgId>> = BTreeMap::new();
    for (alliance, org) in pairs {
        members.entry(alliance).or_default().push(OrgId(org));
    }
    let mut areas = alliance_areas(conn, &ids)?;
    rows.into_iter()
        .map(|row| {
            let of_this = members.remove(&row.id).unwrap_or_default();
            let area = areas.remove(&row.id).unwrap_or_default();
            row.into_alliance(of_this, area)
        })
        .collect()
}
