//! Reading actions as a scope may see them: one, with its history, or a
//! filtered page.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{Double, Integer, Nullable};
use entente_core::access::AccessScope;
use entente_core::plan::ActionId;

use super::rows::{ActionRow, Parts};
use super::scope::visible_actions;
use super::{Action, ActionFilter, ActionPage, PageRequest, StatusChange};
use crate::accounts::rows::stored_code;
use crate::connection::{Backend, Db, DbConnection};
use crate::schema::{
    action_alliances, action_audiences, action_documents, action_partners, action_states,
    action_status_changes, actions, states,
};
use crate::{Store, StoreError};

pub(super) type ActionQuery<'a> = actions::BoxedQuery<'a, Db>;

diesel::define_sql_function! {
    /// The first of its arguments that is not NULL.
    fn coalesce(x: diesel::sql_types::Nullable<diesel::sql_types::Date>, y: diesel::sql_types::Nullable<diesel::sql_types::Date>) -> diesel::sql_types::Nullable<diesel::sql_types::Date>;
}

diesel::define_sql_function! {
    /// The first of its three arguments that is not NULL.
    #[sql_name = "coalesce"]
    fn coalesce3(x: diesel::sql_types::Nullable<diesel::sql_types::Date>, y: diesel::sql_types::Nullable<diesel::sql_types::Date>, z: diesel::sql_types::Nullable<diesel::sql_types::Date>) -> diesel::sql_types::Nullable<diesel::sql_types::Date>;
}

impl Store {
    /// One action, or `None` when it is missing or `scope` may not read it.
    pub fn action(&self, scope: &AccessScope, id: ActionId) -> Result<Option<Action>, StoreError> {
        let mut query = actions::table.filter(actions::id.eq(id.0)).into_boxed();
        if let Some(condition) = visible_actions(scope) {
            query = query.filter(condition);
        }
        let mut conn = self.connection()?;
        let rows = query.select(ActionRow::as_select()).load(&mut *conn)?;
        Ok(with_parts(&mut conn, rows)?.pop())
    }

    /// An action's status history, oldest first; empty when `scope` may
    /// not read the action.
    pub fn action_history(
        &self,
        scope: &AccessScope,
        id: ActionId,
    ) -> Result<Vec<StatusChange>, StoreError> {
        if self.action(scope, id)?.is_none() {
            return Ok(Vec::new());
        }
        let rows: Vec<(String, chrono::NaiveDateTime, Option<i64>)> = action_status_changes::table
            .filter(action_status_changes::action_id.eq(id.0))
            .order(action_status_changes::id)
            .select((
                action_status_changes::status,
                action_status_changes::changed_at,
                action_status_changes::changed_by,
            ))
            .load(&mut *self.connection()?)?;
        rows.into_iter()
            .map(|(status, at, by)| {
                Ok(StatusChange {
                    status: stored_code("action", id, "status history", &status)?,
                    at,
                    by: by.map(entente_core::access::UserId),
                })
            })
            .collect()
    }

    /// The actions `scope` may read that `filter` selects: dated ones first,
    /// by start date (or due date when there is none), then undated ones;
    /// `page` of them, and how many there are in all, counted up to
    /// [`PageRequest::COUNTED`] or the end of the page
    /// ([`ActionPage::total_is_lower_bound`] beyond). [`PageRequest::ALL`]
    /// is counted exactly: it reads every match anyway.
    pub fn list_actions(
        &self,
        scope: &AccessScope,
        filter: &ActionFilter,
        page: PageRequest,
    ) -> Result<ActionPage, StoreError> {
        let mut conn = self.connection()?;
        let all = page == PageRequest::ALL;
        if !all && filter.state_rows(self.backend) {
            return super::state_rows::list(&mut conn, scope, filter, page);
        }
        let earliest = earliest_start(&mut conn, filter)?;
        let count_limit = if all {
            i64::MAX
        } else {
            page.count_limit(PageRequest::COUNTED)
        };
        // Each part in its order, the page taken across them: the matches
        // skipped in one part are counted off the offset of the next.
        let mut rows = Vec::new();
        let mut wanted = if all {
            i64::MAX
        } else {
            i64::from(page.limit.min(PageRequest::MAX_LIMIT))
        };
        let mut skip = i64::try_from(page.offset).unwrap_or(i64::MAX);
        let mut counted: i64 = 0;
        for &part in Part::of(filter) {
            let query = || part.ordered(filtered(scope, filter, earliest, part));
            if all {
                rows.extend(query().select(ActionRow::as_select()).load(&mut *conn)?);
                continue;
            }
            // The matches' ids rather than count(*): diesel has no count
            // over a limited subquery, and the limit is what bounds the
            // work; at most some ten thousand small rows. On PostgreSQL,
            // with their start (or else due) dates when the filter finds
            // them through a part table: see
            // [`ActionFilter::finds_through_parts`].
            let counted_query = || filtered(scope, filter, earliest, part);
            let dated = self.backend == Backend::Postgres && filter.finds_through_parts();
            let mut matches: Vec<(i64, Option<NaiveDate>)> = if dated {
                counted_query()
                    .select((
                        actions::id,
                        coalesce(actions::start_date, actions::due_date),
                    ))
                    .limit(count_limit - counted)
                    .load(&mut *conn)?
            } else {
                let ids: Vec<i64> = counted_query()
                    .select(actions::id)
                    .limit(count_limit - counted)
                    .load(&mut *conn)?;
                ids.into_iter().map(|id| (id, None)).collect()
            };
            let here = i64::try_from(matches.len()).unwrap_or(i64::MAX);
            if wanted > 0 && skip < here {
                let complete = here < count_limit - counted;
                // The filters and the reader's scope still apply to the
                // page: an action changed since the count is not shown by
                // mistake.
                let mut page = query();
                if complete && dated {
                    // Every match counted, with its place in the list's
                    // order: the page is cut from them and read by id.
                    matches.sort_unstable_by_key(|&(id, start)| (start.is_none(), start, id));
                    let shown: Vec<i64> = matches
                        .iter()
                        .skip(usize::try_from(skip).unwrap_or(usize::MAX))
                        .take(usize::try_from(wanted).unwrap_or(usize::MAX))
                        .map(|&(id, _)| id)
                        .collect();
                    page = page.filter(actions::id.eq_any(shown));
                } else if complete && matches.len() <= PAGE_BY_IDS_MAX {
                    // Few matches, all of them counted: the page is found
                    // among them by their ids, not by walking the list's
                    // order until enough match. A planner cannot tell
                    // where in that order the matches lie: planned actions,
                    // say, are those of the future, at the end of it
                    // (PostgreSQL walked 41 to 56 ms for a member's 653
                    // matches, found by id in 4 ms).
                    let ids: Vec<i64> = matches.iter().map(|&(id, _)| id).collect();
                    page = page.filter(actions::id.eq_any(ids)).offset(skip);
                } else {
                    page = page.offset(skip);
                }
                let found: Vec<ActionRow> = page
                    .limit(wanted)
                    .select(ActionRow::as_select())
                    .load(&mut *conn)?;
                wanted -= i64::try_from(found.len()).unwrap_or(i64::MAX);
                rows.extend(found);
            }
            skip = (skip - here).max(0);
            counted += here;
            if counted >= count_limit {
                break;
            }
        }
        let (total, total_is_lower_bound) = if all {
            (u64::try_from(rows.len()).unwrap_or(u64::MAX), false)
        } else {
            page.total(
                PageRequest::COUNTED,
                usize::try_from(counted).unwrap_or(usize::MAX),
            )
        };
        Ok(ActionPage {
            actions: with_parts(&mut conn, rows)?,
            total,
            total_is_lower_bound,
        })
    }
}

/// The most matches of a list whose page is found by their ids.
const PAGE_BY_IDS_MAX: usize = 2_000;

/// Which of a list's matches one query reads, in the list's order: the
/// dated ones (by start date, or due date when there is none), then the
/// undated ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    /// Dated and undated, in one query.
    Both,
    Dated,
    Undated,
}

impl Part {
    /// The parts `filter` is read in. A filter with a date range is read
    /// dated part first: each part is then one range of an index walked
    /// in its order (`actions_listed`, or on PostgreSQL `actions_dated` for
    /// the dated part), which a query of both is not (SQLite would sort
    /// every match). With an upper bound every
    /// match is dated; with only a first day, an action with no start nor
    /// due date still matches when it ends on that day or later.
    fn of(filter: &ActionFilter) -> &'static [Part] {
        match (filter.from, filter.to) {
            (None, None) => &[Part::Both],
            (_, Some(_)) => &[Part::Dated],
            (Some(_), None) => &[Part::Dated, Part::Undated],
        }
    }

    /// `query` in the list's order for this part.
    pub(super) fn ordered(self, query: ActionQuery<'_>) -> ActionQuery<'_> {
        let start = || coalesce(actions::start_date, actions::due_date);
        match self {
            Part::Both => query.order((start().is_null(), start(), actions::id)),
            Part::Dated => query.order((start(), actions::id)),
            Part::Undated => query.order(actions::id),
        }
    }
}

/// The actions `scope` may read, narrowed by `filter`, of one `part` of
/// the list; `earliest` is [`earliest_start`]'s bound for the filter's
/// first day.
fn filtered<'a>(
    scope: &AccessScope,
    filter: &'a ActionFilter,
    earliest: Option<NaiveDate>,
    part: Part,
) -> ActionQuery<'a> {
    let mut query = actions::table.into_boxed();
    if let Some(condition) = visible_actions(scope) {
        query = query.filter(condition);
    }
    if !filter.states.is_empty() {
        let codes: Vec<String> = filter
            .states
            .iter()
            .map(|s| s.as_str().to_owned())
            .collect();
        query = query.filter(
            actions::id.eq_any(
                action_states::table
                    .filter(action_states::state.eq_any(codes))
                    .select(action_states::action_id),
            ),
        );
    }
    if let Some(region) = filter.region {
        let in_region = states::table
            .filter(states::regional_group.eq(region.code()))
            .select(states::iso3);
        query = query.filter(
            actions::id.eq_any(
                action_states::table
                    .filter(action_states::state.eq_any(in_region))
                    .select(action_states::action_id),
            ),
        );
    }
    if let Some(code) = &filter.action_type {
        query = query.filter(actions::action_type.eq(code));
    }
    if let Some(phase) = filter.phase {
        query = query.filter(actions::phase.eq(phase.code()));
    }
    if let Some(level) = filter.level {
        query = query.filter(actions::level.eq(level.code()));
    }
    if let Some(status) = filter.status {
        query = query.filter(actions::status.eq(status.code()));
    }
    if let Some(org) = filter.org {
        let partnered = action_partners::table
            .filter(action_partners::org_id.eq(org.0))
            .select(action_partners::action_id);
        query = query.filter(
            actions::lead_org
                .eq(org.0)
                .or(actions::id.eq_any(partnered)),
        );
    }
    if let Some(alliance) = filter.alliance {
        let shared = action_alliances::table
            .filter(action_alliances::alliance_id.eq(alliance.0))
            .select(action_alliances::action_id);
        query = query.filter(actions::id.eq_any(shared));
    }
    // An action lasts from its start (or else its due date) to its end (or
    // else its start, or else its due date). As one expression per bound,
    // the bounds of the dated part are a range on the `actions_listed`
    // index's key rather than ORed columns. Its first column, whether the
    // action is undated, is compared to a value in each part (as the
    // index holds it) so that the index serves that part.
    if let Some(from) = filter.from {
        query = query
            .filter(coalesce3(actions::end_date, actions::start_date, actions::due_date).ge(from));
    }
    let start = || coalesce(actions::start_date, actions::due_date);
    match part {
        Part::Both => {}
        Part::Dated => query = query.filter(start().is_null().eq(false)),
        Part::Undated => query = query.filter(start().is_null().eq(true)),
    }
    if let Some(to) = filter.to {
        query = query.filter(start().le(to));
    }
    // No action that starts before `earliest` reaches the first day: this
    // lower bound makes the dated part a range of `actions_listed`'s key
    // instead of a walk from the earliest action.
    if let (Some(earliest), Part::Dated) = (earliest, part) {
        query = query.filter(start().ge(earliest));
    }
    query
}

/// For a range with a first day, the earliest start (or else due date) of
/// an action that may still run on that day: the first day less the
/// longest span of any action, from start (or else due date) to end (or
/// else start, or else due date), read from the `actions_span` index.
/// Exact whatever the data: a longer action would have made the span
/// longer. `None` without a first day.
fn earliest_start(
    conn: &mut DbConnection,
    filter: &ActionFilter,
) -> Result<Option<NaiveDate>, StoreError> {
    let Some(from) = filter.from else {
        return Ok(None);
    };
    // The expressions are those of the index, on each backend.
    let longest: Option<i64> = match conn {
        DbConnection::Sqlite(c) => actions::table
            .select(sql::<Nullable<Double>>(
                "max(julianday(coalesce(end_date, start_date, due_date)) \
                 - julianday(coalesce(start_date, due_date)))",
            ))
            .get_result::<Option<f64>>(c)?
            .map(|days| days.ceil() as i64),
        DbConnection::Postgres(c) => actions::table
            .select(sql::<Nullable<Integer>>(
                "max(coalesce(end_date, start_date, due_date) - coalesce(start_date, due_date))",
            ))
            .get_result::<Option<i32>>(c)?
            .map(i64::from),
    };
    let days = u64::try_from(longest.unwrap_or(0)).unwrap_or(0);
    Ok(Some(
        from.checked_sub_days(chrono::Days::new(days))
            .unwrap_or(NaiveDate::MIN),
    ))
}

/// Loads the parts of all the given actions, a query per table.
pub(super) fn with_parts(
    conn: &mut DbConnection,
    rows: Vec<ActionRow>,
) -> Result<Vec<Action>, StoreError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut parts: HashMap<i64, Parts> = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(crate::batch::ROWS_PER_STATEMENT) {
        load_parts(conn, chunk, &mut parts)?;
    }
    rows.into_iter()
        .map(|row| {
            let of_this = parts.remove(&row.id).unwrap_or_default();
            row.into_action(of_this)
        })
        .collect()
}

fn load_parts(
    conn: &mut DbConnection,
    ids: &[i64],
    parts: &mut HashMap<i64, Parts>,
) -> Result<(), StoreError> {
    let states: Vec<(i64, String)> = action_states::table
        .filter(action_states::action_id.eq_any(ids))
        .order((action_states::action_id, action_states::state))
        .select((action_states::action_id, action_states::state))
        .load(conn)?;
    for (id, state) in states {
        parts.entry(id).or_default().states.push(state);
    }
    let audiences: Vec<(i64, String)> = action_audiences::table
        .filter(action_audiences::action_id.eq_any(ids))
        .order((action_audiences::action_id, action_audiences::audience))
        .select((action_audiences::action_id, action_audiences::audience))
        .load(conn)?;
    for (id, audience) in audiences {
        parts.entry(id).or_default().audiences.push(audience);
    }
    let partners: Vec<(i64, i64)> = action_partners::table
        .filter(action_partners::action_id.eq_any(ids))
        .order((action_partners::action_id, action_partners::org_id))
        .select((action_partners::action_id, action_partners::org_id))
        .load(conn)?;
    for (id, org) in partners {
        parts.entry(id).or_default().partners.push(org);
    }
    let alliances: Vec<(i64, i64)> = action_alliances::table
        .filter(action_alliances::action_id.eq_any(ids))
        .order((action_alliances::action_id, action_alliances::alliance_id))
        .select((action_alliances::action_id, action_alliances::alliance_id))
        .load(conn)?;
    for (id, alliance) in alliances {
        parts.entry(id).or_default().alliances.push(alliance);
    }
    let documents: Vec<(i64, String, String)> = action_documents::table
        .filter(action_documents::action_id.eq_any(ids))
        .order((action_documents::action_id, action_documents::position))
        .select((
            action_documents::action_id,
            action_documents::title,
            action_documents::url,
        ))
        .load(conn)?;
    for (id, title, url) in documents {
        parts.entry(id).or_default().documents.push((title, url));
    }
    Ok(())
}
