//! The access rules of `entente_core::access` as SQL conditions, so a scoped
//! read loads only what the scope may see.

use diesel::expression::BoxableExpression;
use diesel::prelude::*;
use diesel::sql_types::Bool;
use entente_core::access::{AccessScope, MemberScope, Role, Visibility};

use crate::connection::Db;
use crate::schema::{alliance_members, alliances, organisations};

/// A condition on one table's rows, for the backend in use.
pub(crate) type Condition<T> = Box<dyn BoxableExpression<T, Db, SqlType = Bool>>;

pub(crate) fn org_ids(member: &MemberScope) -> Vec<i64> {
    member.memberships.keys().map(|o| o.0).collect()
}

pub(crate) fn alliance_ids(member: &MemberScope) -> Vec<i64> {
    member.alliances.iter().map(|a| a.0).collect()
}

/// The organisations where the member has at least `role`.
pub(crate) fn org_ids_with_role(member: &MemberScope, role: Role) -> Vec<i64> {
    member
        .memberships
        .iter()
        .filter(|(_, r)| **r >= role)
        .map(|(o, _)| o.0)
        .collect()
}

/// Directory entries the scope may read: public ones; for members, their
/// own organisations' and those of `alliance` visibility that share an
/// alliance with them. `None`: no condition (the site admin).
pub(crate) fn visible_organisations(
    scope: &AccessScope,
) -> Option<Condition<organisations::table>> {
    let public = organisations::visibility.eq(Visibility::Public.code());
    match scope {
        AccessScope::SiteAdmin(_) => None,
        AccessScope::Public => Some(Box::new(public)),
        AccessScope::Member(member) => {
            let allied_orgs = alliance_members::table
                .filter(alliance_members::alliance_id.eq_any(alliance_ids(member)))
                .select(alliance_members::org_id);
            let allied = organisations::visibility
                .eq(Visibility::Alliance.code())
                .and(organisations::id.eq_any(allied_orgs));
            Some(Box::new(
                public
                    .or(organisations::id.eq_any(org_ids(member)))
                    .or(allied),
            ))
        }
    }
}

/// Alliances the scope may read, as `can_read` decides for
/// [`super::Alliance::access`]: public ones; for members, those their
/// organisations own and `alliance`-visible ones their organisations are in.
pub(crate) fn visible_alliances(scope: &AccessScope) -> Option<Condition<alliances::table>> {
    let public = alliances::visibility.eq(Visibility::Public.code());
    match scope {
        AccessScope::SiteAdmin(_) => None,
        AccessScope::Public => Some(Box::new(public)),
        AccessScope::Member(member) => {
            let allied = alliances::visibility
                .eq(Visibility::Alliance.code())
                .and(alliances::id.eq_any(alliance_ids(member)));
            Some(Box::new(
                public
                    .or(alliances::owner_org.eq_any(org_ids(member)))
                    .or(allied),
            ))
        }
    }
}
