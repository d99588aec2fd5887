//! Which actions a scope may read, as an SQL condition: the rule of
//! `entente_core::access::can_read` over the action's lead (its owner),
//! visibility and the alliances it is shared with, and the joint action
//! proposed to one of the reader's organisations (pending or accepted).

use diesel::prelude::*;
use diesel::sql_types::Text;
use entente_core::access::{AccessScope, Visibility};

use crate::accounts::{Condition, alliance_ids, org_ids};
use crate::schema::{actions, joint_proposals};

/// Actions shared with at least one of `alliances`, read from the
/// action's own `alliance_ids` (ids separated by one space, see
/// `part_codes`), not from `action_alliances`: every list tests each
/// action it walks, and a probe of the shares per action of `alliance`
/// visibility made a member's month at a million actions take 15 to 18
/// ms to count on PostgreSQL instead of 10; the lists' indexes hold
/// `alliance_ids`. `None` when there is no alliance to be shared with.
fn shared_with_any(alliances: &[i64]) -> Option<Condition<actions::table>> {
    let padded = " "
        .into_sql::<Text>()
        .concat(actions::alliance_ids)
        .concat(" ");
    alliances.iter().fold(None, |any, alliance| {
        let this = padded.like(format!("% {alliance} %"));
        Some(match any {
            None => Box::new(this),
            Some(any) => Box::new(any.or(this)),
        })
    })
}

/// Actions the scope may read: public ones; for members, those their
/// organisations lead, those shared with their alliances and the joint
/// actions proposed to their organisations, while pending and once
/// accepted. `None`: no condition (the site admin). The condition is true
/// or false, never NULL (every column it reads is NOT NULL), so that its
/// negation is exact.
pub(crate) fn visible_actions(scope: &AccessScope) -> Option<Condition<actions::table>> {
    let public = actions::visibility.eq(Visibility::Public.code());
    match scope {
        AccessScope::SiteAdmin(_) => None,
        AccessScope::Public => Some(Box::new(public)),
        AccessScope::Member(member) => {
            let mut visible: Condition<actions::table> =
                Box::new(public.or(actions::lead_org.eq_any(org_ids(member))));
            if let Some(shared) = shared_with_any(&alliance_ids(member)) {
                visible = Box::new(
                    visible.or(actions::visibility
                        .eq(Visibility::Alliance.code())
                        .and(shared)),
                );
            }
            let invited = joint_proposals::table
                .filter(joint_proposals::invited_org.eq_any(org_ids(member)))
                .filter(joint_proposals::status.eq_any(crate::coordination::SHARED_PROPOSALS))
                .select(joint_proposals::action_id);
            Some(Box::new(visible.or(actions::id.eq_any(invited))))
        }
    }
}
