//! An action's states, audiences, partners and alliances as they are also
//! written on the action's own row (`state_codes`, `audience_codes`,
//! `partner_ids`, `alliance_ids`; migrations
//! `2026-12-19-000000_action_part_codes` and
//! `2026-12-22-000000_action_alliance_ids` say why): codes, or
//! organisation and alliance ids, separated by one space, each list in
//! ascending order, as the part tables return them.
//!
//! Whatever writes an action's parts writes these in the same transaction:
//! the action's own insert or update carries them ([`PartCodes::of`] its
//! draft), and a partner added on its own rewrites the list
//! ([`rewrite_partners`]). An action's alliances change only with the
//! action itself. Its state rows carry its alliances again, with its
//! visibility, lead, status, type, phase, level and first and last days,
//! for a list of states (`plan::write::insert_parts` writes them).

use diesel::prelude::*;
use entente_core::plan::ActionDraft;

use crate::StoreError;
use crate::connection::DbConnection;
use crate::schema::{action_partners, actions};

/// The four columns of one action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PartCodes {
    pub states: String,
    pub audiences: String,
    pub partners: String,
    pub alliances: String,
}

impl PartCodes {
    /// The columns of the parts `draft` names, each once.
    pub(crate) fn of(draft: &ActionDraft) -> Self {
        PartCodes {
            states: joined(draft.states.iter().map(|s| s.as_str())),
            audiences: joined(draft.audiences.iter().map(|a| a.code())),
            partners: ids(draft.partners.iter().map(|o| o.0)),
            alliances: Self::alliances_of(draft),
        }
    }

    /// The `alliance_ids` of `draft`, which its state rows carry too
    /// (migration `2026-12-23-000000_action_state_listings`).
    pub(crate) fn alliances_of(draft: &ActionDraft) -> String {
        ids(draft.shared_with.iter().map(|a| a.0))
    }
}

/// `words` sorted, each once, separated by one space.
fn joined<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut words: Vec<&str> = words.collect();
    words.sort_unstable();
    words.dedup();
    words.join(" ")
}

/// The organisation (or alliance) ids, ascending, each once, separated by one space.
fn ids(ids: impl Iterator<Item = i64>) -> String {
    let mut ids: Vec<i64> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(" ")
}

/// Writes `action`'s `partner_ids` again from `action_partners`, after a
/// partner was added or removed there on its own.
pub(crate) fn rewrite_partners(conn: &mut DbConnection, action: i64) -> Result<(), StoreError> {
    let partners: Vec<i64> = action_partners::table
        .filter(action_partners::action_id.eq(action))
        .select(action_partners::org_id)
        .load(conn)?;
    diesel::update(actions::table.find(action))
        .set(actions::partner_ids.eq(ids(partners.into_iter())))
        .execute(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{ids, joined};

    #[test]
    fn lists_are_sorted_once_each_and_spaced() {
        assert_eq!(
            joined(["TUR", "FRA", "CIV", "FRA"].into_iter()),
            "CIV FRA TUR"
        );
        assert_eq!(joined(std::iter::empty()), "");
        assert_eq!(ids([12, 3, 45, 3].into_iter()), "3 12 45");
        assert_eq!(ids(std::iter::empty()), "");
    }
}
