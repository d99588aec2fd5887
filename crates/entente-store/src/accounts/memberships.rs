//! Who belongs to which organisation with which role, and the access scope
//! a user's memberships give.

use std::collections::{BTreeMap, BTreeSet};

use diesel::prelude::*;
use entente_core::access::{
    AccessScope, AllianceId, MemberScope, OrgId, Role, UserId, can_administer,
};

use super::rows::stored_code;
use super::users::user_not_found;
use super::{Member, Membership};
use crate::connection::DbConnection;
use crate::schema::{alliance_members, memberships, organisations, users};
use crate::{Store, StoreError, transaction};

impl Store {
    /// Makes `user` a member of `org` with `role`. `scope` must administer
    /// `org`: [`StoreError::NotFound`] when it cannot even see the
    /// organisation, [`StoreError::Forbidden`] when it sees but does not
    /// administer it; [`StoreError::Conflict`] when the user is a member already.
    pub fn add_membership(
        &self,
        scope: &AccessScope,
        user: UserId,
        org: OrgId,
        role: Role,
    ) -> Result<(), StoreError> {
        self.check_administers(scope, org)?;
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            user_exists(conn, user)?;
            diesel::insert_into(memberships::table)
                .values((
                    memberships::user_id.eq(user.0),
                    memberships::org_id.eq(org.0),
                    memberships::role.eq(role.code()),
                ))
                .execute(conn)
                .map_err(|e| {
                    if StoreError::is_unique_violation(&e) {
                        StoreError::conflict(format!(
                            "user {user} is a member of organisation {org} already"
                        ))
                    } else {
                        e.into()
                    }
                })?;
            Ok(())
        })
    }

    /// Changes a member's role, under the same rules as
    /// [`Store::add_membership`]. Refused with [`StoreError::Conflict`] when
    /// it would leave the organisation without an admin.
    pub fn set_role(
        &self,
        scope: &AccessScope,
        user: UserId,
        org: OrgId,
        role: Role,
    ) -> Result<(), StoreError> {
        self.check_administers(scope, org)?;
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            if role != Role::Admin {
                keep_an_admin(conn, user, org)?;
            }
            let changed = diesel::update(memberships::table.find((user.0, org.0)))
                .set(memberships::role.eq(role.code()))
                .execute(conn)?;
            if changed == 0 {
                return Err(StoreError::not_found(format!(
                    "membership of user {user} in organisation {org}"
                )));
            }
            Ok(())
        })
    }

    /// Ends a membership; returns whether there was one. An admin of `org`
    /// (or the site admin) may remove anyone, and members may leave
    /// themselves; nobody may remove the last admin.
    pub fn remove_membership(
        &self,
        scope: &AccessScope,
        user: UserId,
        org: OrgId,
    ) -> Result<bool, StoreError> {
        if scope.user() != Some(user) || scope.role_in(org).is_none() {
            self.check_administers(scope, org)?;
        }
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            keep_an_admin(conn, user, org)?;
            let removed = diesel::delete(memberships::table.find((user.0, org.0))).execute(conn)?;
            Ok(removed > 0)
        })
    }

    /// The user's own organisations and roles, by short name. For the user
    /// themselves (their account page) and the site admin.
    pub fn memberships_of(&self, user: UserId) -> Result<Vec<Membership>, StoreError> {
        let rows: Vec<(i64, String, String, String)> = memberships::table
            .inner_join(organisations::table)
            .filter(memberships::user_id.eq(user.0))
            .order(organisations::short_name)
            .select((
                organisations::id,
                organisations::short_name,
                organisations::name,
                memberships::role,
            ))
            .load(&mut *self.connection()?)?;
        rows.into_iter()
            .map(|(org, short_name, name, role)| {
                Ok(Membership {
                    org: OrgId(org),
                    role: stored_code("memberships", format!("{user}/{org}"), "role", &role)?,
                    short_name,
                    name,
                })
            })
            .collect()
    }

    /// The access scope of a signed-in user: `SiteAdmin` for site
    /// administrators, otherwise their roles and the alliances their
    /// organisations belong to. A missing or disabled account gets the
    /// public's scope, no more.
    pub fn member_scope(&self, user: UserId) -> Result<AccessScope, StoreError> {
        let mut conn = self.connection()?;
        let account: Option<(bool, bool)> = users::table
            .find(user.0)
            .select((users::site_admin, users::disabled))
            .first(&mut *conn)
            .optional()?;
        match account {
            None | Some((_, true)) => return Ok(AccessScope::Public),
            Some((true, false)) => return Ok(AccessScope::SiteAdmin(user)),
            Some((false, false)) => {}
        }
        let rows: Vec<(i64, String)> = memberships::table
            .filter(memberships::user_id.eq(user.0))
            .select((memberships::org_id, memberships::role))
            .load(&mut *conn)?;
        let mut memberships = BTreeMap::new();
        for (org, role) in rows {
            let role = stored_code("memberships", format!("{user}/{org}"), "role", &role)?;
            memberships.insert(OrgId(org), role);
        }
        let org_ids: Vec<i64> = memberships.keys().map(|o| o.0).collect();
        let alliances: BTreeSet<AllianceId> = alliance_members::table
            .filter(alliance_members::org_id.eq_any(org_ids))
            .select(alliance_members::alliance_id)
            .distinct()
            .load::<i64>(&mut *conn)?
            .into_iter()
            .map(AllianceId)
            .collect();
        Ok(AccessScope::Member(MemberScope {
            user,
            memberships,
            alliances,
        }))
    }

    /// The members of `org`, by display name: shown to its own members and
    /// the site admin; anyone else gets an empty list, as for an
    /// organisation without members.
    pub fn members_of(&self, scope: &AccessScope, org: OrgId) -> Result<Vec<Member>, StoreError> {
        if !scope.is_site_admin() && scope.role_in(org).is_none() {
            return Ok(Vec::new());
        }
        let rows: Vec<(i64, String, String, String)> = memberships::table
            .inner_join(users::table)
            .filter(memberships::org_id.eq(org.0))
            .order((users::display_name, users::id))
            .select((
                users::id,
                users::email,
                users::display_name,
                memberships::role,
            ))
            .load(&mut *self.connection()?)?;
        rows.into_iter()
            .map(|(user, email, display_name, role)| {
                Ok(Member {
                    user: UserId(user),
                    role: stored_code("memberships", format!("{user}/{org}"), "role", &role)?,
                    email,
                    display_name,
                })
            })
            .collect()
    }

    /// Hidden and missing organisations answer alike; visible ones the
    /// scope does not administer are forbidden.
    pub(crate) fn check_administers(
        &self,
        scope: &AccessScope,
        org: OrgId,
    ) -> Result<(), StoreError> {
        let visible = self.organisation(scope, org)?.is_some();
        match (visible, can_administer(scope, org)) {
            (false, _) => Err(StoreError::not_found(format!("organisation {org}"))),
            (true, false) => Err(StoreError::forbidden(format!(
                "only an admin of organisation {org} may do this"
            ))),
            (true, true) => Ok(()),
        }
    }
}

fn user_exists(conn: &mut DbConnection, user: UserId) -> Result<(), StoreError> {
    let found = users::table
        .find(user.0)
        .select(users::id)
        .first::<i64>(conn)
        .optional()?;
    found.map(|_| ()).ok_or_else(|| user_not_found(user))
}

/// Refuses to demote or remove `user` when they are `org`'s only admin: an
/// organisation nobody administers cannot be managed any more.
fn keep_an_admin(conn: &mut DbConnection, user: UserId, org: OrgId) -> Result<(), StoreError> {
    let admins: Vec<i64> = memberships::table
        .filter(memberships::org_id.eq(org.0))
        .filter(memberships::role.eq(Role::Admin.code()))
        .select(memberships::user_id)
        .load(conn)?;
    if admins == [user.0] {
        return Err(StoreError::conflict(format!(
            "user {user} is the only admin of organisation {org}; make another member admin first"
        )));
    }
    Ok(())
}
