//! Which actions a scope may read, as an SQL condition: the rule of
//! `entente_core::access::can_read` over the action's lead (its owner),
//! visibility and the alliances it is shared with, and the joint action
//! proposed to one of the reader's organisations (pending or accepted).

use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Nullable};
use entente_core::access::{AccessScope, Visibility};

use crate::accounts::{Condition, alliance_ids, org_ids};
use crate::schema::{action_alliances, actions, joint_proposals};

diesel::define_sql_function! {
    /// The first of its arguments that is not NULL.
    #[sql_name = "coalesce"]
    fn coalesce_bool(x: Nullable<Bool>, y: Bool) -> Bool;
}

/// Actions the scope may read: public ones; for members, those their
/// organisations lead, those shared with their alliances and the joint
/// actions proposed to their organisations, while pending and once
/// accepted. `None`: no condition (the site admin).
pub(crate) fn visible_actions(scope: &AccessScope) -> Option<Condition<actions::table>> {
    let public = actions::visibility.eq(Visibility::Public.code());
    match scope {
        AccessScope::SiteAdmin(_) => None,
        AccessScope::Public => Some(Box::new(public)),
        AccessScope::Member(member) => {
            // A correlated test of the action's own shares, not `id IN
            // (the actions shared with the member's alliances)`: that
            // list, which SQLite builds in full for every statement, is
            // hundreds of thousands of ids at a million actions, while a
            // page or a capped count tests a few thousand actions. Written
            // as a scalar subquery rather than EXISTS: under an OR,
            // PostgreSQL may turn an EXISTS into a hash of every share of
            // the alliances (300,000 rows, 100 ms for a filter that tests
            // 800 actions, 2 ms probed one by one), and it never hashes a
            // scalar subquery. `coalesce` keeps the condition true or
            // false, never NULL, so that its negation is exact.
            let shared = coalesce_bool(
                action_alliances::table
                    .filter(action_alliances::action_id.eq(sql::<BigInt>("actions.id")))
                    .filter(action_alliances::alliance_id.eq_any(alliance_ids(member)))
                    .select(true.into_sql::<Bool>())
                    .single_value(),
                false,
            );
            let allied = actions::visibility
                .eq(Visibility::Alliance.code())
                .and(shared);
            let invited = joint_proposals::table
                .filter(joint_proposals::invited_org.eq_any(org_ids(member)))
                .filter(joint_proposals::status.eq_any(crate::coordination::SHARED_PROPOSALS))
                .select(joint_proposals::action_id);
            Some(Box::new(
                public
                    .or(actions::lead_org.eq_any(org_ids(member)))
                    .or(allied)
                    .or(actions::id.eq_any(invited)),
            ))
        }
    }
}
