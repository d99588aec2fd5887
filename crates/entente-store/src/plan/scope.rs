//! Which actions a scope may read, as an SQL condition: the rule of
//! `entente_core::access::can_read` over the action's lead (its owner),
//! visibility and the alliances it is shared with, and the joint action
//! proposed to one of the reader's organisations (pending or accepted).
//! The same rule reads the action's row or one of its state rows, which
//! carry the same columns for a state's list (migration
//! `2026-12-23-000000_action_state_listings`).

use diesel::prelude::*;
use diesel::sql_types::Text;
use entente_core::access::{AccessScope, Visibility};

use crate::accounts::{Condition, alliance_ids, org_ids};
use crate::schema::{action_states, actions, joint_proposals};

/// The rule over the columns `visibility`, `lead_org` and `alliance_ids`
/// of `$table`, whose column `$id` is the action's id: `None` for the
/// site admin. An action of `alliance` visibility is visible when it is
/// shared with one of the member's alliances, read from `alliance_ids`
/// (ids separated by one space, see `part_codes`), not from
/// `action_alliances`: every list tests each action it walks, and a probe
/// of the shares per action of `alliance` visibility made a member's month
/// at a million actions take 15 to 18 ms to count on PostgreSQL instead of
/// 10; the lists' indexes hold `alliance_ids`. The condition is true or
/// false, never NULL (every column it reads is NOT NULL), so that its
/// negation is exact.
macro_rules! visibility_rule {
    ($scope:expr, $table:ident, $id:expr) => {{
        let public = $table::visibility.eq(Visibility::Public.code());
        match $scope {
            AccessScope::SiteAdmin(_) => None,
            AccessScope::Public => Some(Box::new(public) as Condition<$table::table>),
            AccessScope::Member(member) => {
                let mut visible: Condition<$table::table> =
                    Box::new(public.or($table::lead_org.eq_any(org_ids(member))));
                let padded = " "
                    .into_sql::<Text>()
                    .concat($table::alliance_ids)
                    .concat(" ");
                let shared = alliance_ids(member).iter().fold(
                    None::<Condition<$table::table>>,
                    |any, alliance| {
                        let this = padded.clone().like(format!("% {alliance} %"));
                        Some(match any {
                            None => Box::new(this),
                            Some(any) => Box::new(any.or(this)),
                        })
                    },
                );
                if let Some(shared) = shared {
                    visible = Box::new(
                        visible.or($table::visibility
                            .eq(Visibility::Alliance.code())
                            .and(shared)),
                    );
                }
                let invited = joint_proposals::table
                    .filter(joint_proposals::invited_org.eq_any(org_ids(member)))
                    .filter(joint_proposals::status.eq_any(crate::coordination::SHARED_PROPOSALS))
                    .select(joint_proposals::action_id);
                Some(Box::new(visible.or($id.eq_any(invited))) as Condition<$table::table>)
            }
        }
    }};
}

/// Actions the scope may read: public ones; for members, those their
/// organisations lead, those shared with their alliances and the joint
/// actions proposed to their organisations, while pending and once
/// accepted. `None`: no condition (the site admin).
pub(crate) fn visible_actions(scope: &AccessScope) -> Option<Condition<actions::table>> {
    visibility_rule!(scope, actions, actions::id)
}

/// The state rows of the actions the scope may read, by the same rule as
/// [`visible_actions`], read from the columns the state rows carry.
pub(crate) fn visible_listings(scope: &AccessScope) -> Option<Condition<action_states::table>> {
    visibility_rule!(scope, action_states, action_states::action_id)
}
