//! Lists of states read from the states' rows of `action_states`, which
//! carry what such a list reads of each action (migration
//! `2026-12-23-000000_action_state_listings`); see
//! [`ActionFilter::state_rows`] for when a list is read here.

use diesel::prelude::*;
use entente_core::Iso3;
use entente_core::access::AccessScope;

use super::read::{Part, with_parts};
use super::rows::ActionRow;
use super::scope::{visible_actions, visible_listings};
use super::{ActionFilter, ActionPage, PageRequest};
use crate::StoreError;
use crate::connection::DbConnection;
use crate::schema::{action_states, actions, states};

/// `page` of the actions `scope` may read on the filter's states (or
/// region) and of its status, type, phase, level and dates, the only
/// things [`ActionFilter::state_rows`] allows, from the states' rows:
/// ranges of their index `action_states_listed`, which holds who may see each action,
/// those columns and its place in the list's order. For one state, the count
/// is the ids of one walk of its range, in the list's order, and the page
/// a slice of them (the count reaches the end of the page, see
/// [`PageRequest::count_limit`]). For several, the ranges' matches are
/// counted as they come, and the page is the first of them in the list's
/// order, up to its end: at a million actions on SQLite, 3.8 to 4.7 ms
/// for the African group's first page, where ordering the count's ten
/// thousand as well took 24 to 28 (and still does for a page ten thousand
/// deep). The page's rows are read by id, the scope tested again on them.
pub(super) fn list(
    conn: &mut DbConnection,
    scope: &AccessScope,
    filter: &ActionFilter,
    page: PageRequest,
) -> Result<ActionPage, StoreError> {
    let listed = || {
        let mut listed = action_states::table
            .select(action_states::action_id)
            .into_boxed();
        if !filter.states.is_empty() {
            let codes: Vec<&str> = filter.states.iter().map(Iso3::as_str).collect();
            listed = listed.filter(action_states::state.eq_any(codes));
        }
        if let Some(region) = filter.region {
            let in_region = states::table
                .filter(states::regional_group.eq(region.code()))
                .select(states::iso3);
            listed = listed.filter(action_states::state.eq_any(in_region));
        }
        if let Some(condition) = visible_listings(scope) {
            listed = listed.filter(condition);
        }
        if let Some(status) = filter.status {
            listed = listed.filter(action_states::status.eq(status.code()));
        }
        if let Some(code) = &filter.action_type {
            listed = listed.filter(action_states::action_type.eq(code));
        }
        if let Some(phase) = filter.phase {
            listed = listed.filter(action_states::phase.eq(phase.code()));
        }
        if let Some(level) = filter.level {
            listed = listed.filter(action_states::level.eq(level.code()));
        }
        // As the list through the actions' rows reads the range (see
        // `filtered`), from the columns that hold its two expressions.
        if let Some(from) = filter.from {
            listed = listed.filter(action_states::lasts_until.ge(from));
        }
        if let Some(to) = filter.to {
            listed = listed.filter(action_states::listed_on.le(to));
        }
        listed
    };
    let ordered = || {
        listed().order((
            action_states::listed_on.is_null(),
            action_states::listed_on,
            action_states::action_id,
        ))
    };
    let counted = page.count_limit(PageRequest::COUNTED);
    let skip = usize::try_from(page.offset).unwrap_or(usize::MAX);
    let end = page
        .offset
        .saturating_add(u64::from(page.limit.min(PageRequest::MAX_LIMIT)));
    let (matches, in_order) = if filter.states.len() == 1 {
        // One range, walked in the list's order: the counted ids are the
        // page's too.
        let in_order = distinct_ids(conn, counted, true, |conn, rows| {
            Ok(ordered().limit(rows).load(conn)?)
        })?;
        (in_order.len(), in_order)
    } else {
        let matches = distinct_ids(conn, counted, false, |conn, rows| {
            Ok(listed().limit(rows).load(conn)?)
        })?
        .len();
        let in_order = if skip < matches {
            let end = i64::try_from(end).unwrap_or(i64::MAX);
            distinct_ids(conn, end, true, |conn, rows| {
                Ok(ordered().limit(rows).load(conn)?)
            })?
        } else {
            Vec::new()
        };
        (matches, in_order)
    };
    let shown: Vec<i64> = in_order
        .into_iter()
        .skip(skip)
        .take(usize::try_from(page.limit.min(PageRequest::MAX_LIMIT)).unwrap_or(usize::MAX))
        .collect();
    let mut rows = Vec::new();
    if !shown.is_empty() {
        let mut query = Part::Both.ordered(actions::table.into_boxed());
        if let Some(condition) = visible_actions(scope) {
            query = query.filter(condition);
        }
        rows = query
            .filter(actions::id.eq_any(shown))
            .select(ActionRow::as_select())
            .load(conn)?;
    }
    let (total, total_is_lower_bound) = page.total(PageRequest::COUNTED, matches);
    Ok(ActionPage {
        actions: with_parts(conn, rows)?,
        total,
        total_is_lower_bound,
    })
}

/// Up to `wanted` ids, each once, of the first rows `read` reads (as many
/// as it is asked for): in the order read when `in_order` (an action's
/// rows then come one after the other), else ascending. An action on
/// several of the states has a row on each: should so many be repeated
/// that fewer than `wanted` come out of a full read, twice as many rows
/// are read again.
fn distinct_ids(
    conn: &mut DbConnection,
    wanted: i64,
    in_order: bool,
    mut read: impl FnMut(&mut DbConnection, i64) -> Result<Vec<i64>, StoreError>,
) -> Result<Vec<i64>, StoreError> {
    let mut rows = wanted;
    loop {
        let mut ids = read(conn, rows)?;
        let full = i64::try_from(ids.len()).unwrap_or(i64::MAX) >= rows;
        if !in_order {
            ids.sort_unstable();
        }
        ids.dedup();
        if !full || i64::try_from(ids.len()).unwrap_or(i64::MAX) >= wanted {
            ids.truncate(usize::try_from(wanted).unwrap_or(usize::MAX));
            return Ok(ids);
        }
        rows = rows.saturating_mul(2);
    }
}
