//! Reading recommendations as a scope may see them: one, a filtered page,
//! a state's open ones (for the state page and the country brief), their
//! follow-up history, the actions that push them and the related ones.

use std::collections::HashMap;

use diesel::prelude::*;
use entente_core::Iso3;
use entente_core::access::{AccessScope, OrgId, Visibility};
use entente_core::plan::{ActionId, ActionStatus};
use entente_core::recommendation::{
    FollowUpStatus, RecommendationId, RecommendationStanding, unpushed,
};

use super::rows::{FollowUpRow, Parts, RecommendationRow};
use super::{FollowUp, PushingAction, Recommendation, RecommendationFilter, RecommendationPage};
use crate::accounts::rows::stored_code;
use crate::accounts::{Condition, alliance_ids, org_ids};
use crate::connection::{Db, DbConnection};
use crate::plan::PageRequest;
use crate::plan::scope::visible_actions;
use crate::schema::{
    actions, recommendation_actions, recommendation_alliances, recommendation_follow_ups,
    recommendation_links, recommendation_tags, recommendation_themes, recommendations,
};
use crate::{Store, StoreError};

type RecommendationQuery<'a> = recommendations::BoxedQuery<'a, Db>;

/// The ids of some actions.
pub(crate) type ActionIdQuery<'a> = actions::BoxedQuery<'a, Db, diesel::sql_types::BigInt>;

/// The statuses of an open recommendation.
fn open_codes() -> Vec<&'static str> {
    FollowUpStatus::ALL
        .iter()
        .filter(|s| s.is_open())
        .map(|s| s.code())
        .collect()
}

/// Recommendations the scope may read: public ones; for members, those
/// their organisations own and those shared with their alliances. `None`:
/// no condition (the site admin).
pub(crate) fn visible_recommendations(
    scope: &AccessScope,
) -> Option<Condition<recommendations::table>> {
    let public = recommendations::visibility.eq(Visibility::Public.code());
    match scope {
        AccessScope::SiteAdmin(_) => None,
        AccessScope::Public => Some(Box::new(public)),
        AccessScope::Member(member) => {
            let shared = recommendation_alliances::table
                .filter(recommendation_alliances::alliance_id.eq_any(alliance_ids(member)))
                .select(recommendation_alliances::recommendation_id);
            let allied = recommendations::visibility
                .eq(Visibility::Alliance.code())
                .and(recommendations::id.eq_any(shared));
            Some(Box::new(
                public
                    .or(recommendations::owner_org.eq_any(org_ids(member)))
                    .or(allied),
            ))
        }
    }
}

impl Store {
    /// One recommendation, or `None` when it is missing or `scope` may not
    /// read it.
    pub fn recommendation(
        &self,
        scope: &AccessScope,
        id: RecommendationId,
    ) -> Result<Option<Recommendation>, StoreError> {
        let mut conn = self.connection()?;
        let rows = visible(scope)
            .filter(recommendations::id.eq(id.0))
            .select(RecommendationRow::as_select())
            .load(&mut *conn)?;
        Ok(with_parts(&mut conn, rows)?.pop())
    }

    /// The recommendations `scope` may read that `filter` selects, newest
    /// source document first (undated last), `page` of them, and how many
    /// there are in all.
    pub fn list_recommendations(
        &self,
        scope: &AccessScope,
        filter: &RecommendationFilter,
        page: PageRequest,
    ) -> Result<RecommendationPage, StoreError> {
        let mut conn = self.connection()?;
        let total = filtered(scope, filter)
            .count()
            .get_result::<i64>(&mut *conn)?;
        let limit = if page == PageRequest::ALL {
            i64::MAX
        } else {
            i64::from(page.limit.min(PageRequest::MAX_LIMIT))
        };
        let rows = filtered(scope, filter)
            .order((
                recommendations::document_date.is_null(),
                recommendations::document_date.desc(),
                recommendations::id,
            ))
            .limit(limit)
            .offset(i64::try_from(page.offset).unwrap_or(i64::MAX))
            .select(RecommendationRow::as_select())
            .load(&mut *conn)?;
        Ok(RecommendationPage {
            recommendations: with_parts(&mut conn, rows)?,
            total: u64::try_from(total).unwrap_or(0),
        })
    }

    /// The open recommendations on `state` that `scope` may read (neither
    /// implemented nor refused), newest first: what the state page and the
    /// country brief show.
    pub fn open_recommendations(
        &self,
        scope: &AccessScope,
        state: Iso3,
    ) -> Result<Vec<Recommendation>, StoreError> {
        let filter = RecommendationFilter {
            states: vec![state],
            open_only: true,
            ..RecommendationFilter::default()
        };
        Ok(self
            .list_recommendations(scope, &filter, PageRequest::ALL)?
            .recommendations)
    }

    /// A recommendation's follow-up events in recording order; empty when
    /// `scope` may not read it.
    pub fn follow_ups(
        &self,
        scope: &AccessScope,
        id: RecommendationId,
    ) -> Result<Vec<FollowUp>, StoreError> {
        if self.recommendation(scope, id)?.is_none() {
            return Ok(Vec::new());
        }
        let mut conn = self.connection()?;
        load_follow_ups(&mut conn, id.0)?
            .into_iter()
            .map(FollowUpRow::into_follow_up)
            .collect()
    }

    /// The campaign actions linked to a recommendation that `scope` may
    /// read, by number; empty when it may not read the recommendation.
    pub fn pushing_actions(
        &self,
        scope: &AccessScope,
        id: RecommendationId,
    ) -> Result<Vec<PushingAction>, StoreError> {
        if self.recommendation(scope, id)?.is_none() {
            return Ok(Vec::new());
        }
        let linked = recommendation_actions::table
            .filter(recommendation_actions::recommendation_id.eq(id.0))
            .select(recommendation_actions::action_id);
        let mut query = actions::table
            .filter(actions::id.eq_any(linked))
            .into_boxed();
        if let Some(condition) = visible_actions(scope) {
            query = query.filter(condition);
        }
        let rows: Vec<(i64, String, i64, String)> = query
            .order(actions::id)
            .select((
                actions::id,
                actions::title,
                actions::lead_org,
                actions::status,
            ))
            .load(&mut *self.connection()?)?;
        rows.into_iter()
            .map(|(action, title, lead, status)| {
                Ok(PushingAction {
                    id: ActionId(action),
                    title,
                    lead: OrgId(lead),
                    status: stored_code("action", action, "status", &status)?,
                })
            })
            .collect()
    }

    /// The recommendations linked to this one that `scope` may read;
    /// empty when it may not read this one.
    pub fn related_recommendations(
        &self,
        scope: &AccessScope,
        id: RecommendationId,
    ) -> Result<Vec<Recommendation>, StoreError> {
        if self.recommendation(scope, id)?.is_none() {
            return Ok(Vec::new());
        }
        let mut conn = self.connection()?;
        let pairs: Vec<(i64, i64)> = recommendation_links::table
            .filter(
                recommendation_links::recommendation_id
                    .eq(id.0)
                    .or(recommendation_links::related_id.eq(id.0)),
            )
            .select((
                recommendation_links::recommendation_id,
                recommendation_links::related_id,
            ))
            .load(&mut *conn)?;
        let others: Vec<i64> = pairs
            .into_iter()
            .map(|(a, b)| if a == id.0 { b } else { a })
            .collect();
        let rows = visible(scope)
            .filter(recommendations::id.eq_any(others))
            .order(recommendations::id)
            .select(RecommendationRow::as_select())
            .load(&mut *conn)?;
        with_parts(&mut conn, rows)
    }

    /// What the gap rule needs of every open recommendation `scope` may
    /// read on `states` (all states when empty): its status and how many
    /// actions the scope may read push it, not counting cancelled ones.
    pub fn recommendation_standings(
        &self,
        scope: &AccessScope,
        states: &[Iso3],
    ) -> Result<Vec<RecommendationStanding>, StoreError> {
        self.standings_counting(scope, states, Some)
    }

    /// The open recommendations `scope` may read on `states` (all when
    /// empty) that no action counted by `narrow` pushes, by state then
    /// number: the coordination engine's unpushed-recommendation gaps.
    pub(crate) fn unpushed_among<'a>(
        &self,
        scope: &AccessScope,
        states: &[Iso3],
        narrow: impl Fn(ActionIdQuery<'a>) -> Option<ActionIdQuery<'a>>,
    ) -> Result<Vec<Recommendation>, StoreError> {
        let standings = self.standings_counting(scope, states, narrow)?;
        let ids: Vec<i64> = unpushed(&standings).iter().map(|s| s.id.0).collect();
        let mut conn = self.connection()?;
        let mut found = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(crate::batch::ROWS_PER_STATEMENT) {
            let rows = visible(scope)
                .filter(recommendations::id.eq_any(chunk))
                .select(RecommendationRow::as_select())
                .load(&mut *conn)?;
            found.extend(with_parts(&mut conn, rows)?);
        }
        found.sort_by_key(|r| (r.content.state, r.id));
        Ok(found)
    }

    /// [`Store::recommendation_standings`], counting only the pushing
    /// actions `narrow` keeps of those the scope may read (none when it
    /// answers `None`).
    fn standings_counting<'a>(
        &self,
        scope: &AccessScope,
        states: &[Iso3],
        narrow: impl Fn(ActionIdQuery<'a>) -> Option<ActionIdQuery<'a>>,
    ) -> Result<Vec<RecommendationStanding>, StoreError> {
        let filter = RecommendationFilter {
            states: states.to_vec(),
            open_only: true,
            ..RecommendationFilter::default()
        };
        let mut conn = self.connection()?;
        let rows: Vec<(i64, String, String, String)> = filtered(scope, &filter)
            .order(recommendations::id)
            .select((
                recommendations::id,
                recommendations::state,
                recommendations::body,
                recommendations::status,
            ))
            .load(&mut *conn)?;
        let mut pushing: HashMap<i64, usize> = HashMap::new();
        let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
        for chunk in ids.chunks(crate::batch::ROWS_PER_STATEMENT) {
            let links: Vec<(i64, i64)> = recommendation_actions::table
                .filter(recommendation_actions::recommendation_id.eq_any(chunk))
                .select((
                    recommendation_actions::recommendation_id,
                    recommendation_actions::action_id,
                ))
                .load(&mut *conn)?;
            let linked: Vec<i64> = links.iter().map(|(_, action)| *action).collect();
            let mut counted: ActionIdQuery<'a> = actions::table
                .filter(actions::id.eq_any(linked))
                .filter(actions::status.ne(ActionStatus::Cancelled.code()))
                .select(actions::id)
                .into_boxed();
            if let Some(condition) = visible_actions(scope) {
                counted = counted.filter(condition);
            }
            let counted: std::collections::HashSet<i64> = match narrow(counted) {
                Some(query) => query.load::<i64>(&mut *conn)?.into_iter().collect(),
                None => std::collections::HashSet::new(),
            };
            for (id, action) in links {
                if counted.contains(&action) {
                    *pushing.entry(id).or_default() += 1;
                }
            }
        }
        rows.into_iter()
            .map(|(id, state, body, status)| {
                Ok(RecommendationStanding {
                    id: RecommendationId(id),
                    state: stored_code("recommendation", id, "state", &state)?,
                    body: stored_code("recommendation", id, "body", &body)?,
                    status: stored_code("recommendation", id, "status", &status)?,
                    pushing_actions: pushing.get(&id).copied().unwrap_or(0),
                })
            })
            .collect()
    }
}

fn visible<'a>(scope: &AccessScope) -> RecommendationQuery<'a> {
    let mut query = recommendations::table.into_boxed();
    if let Some(condition) = visible_recommendations(scope) {
        query = query.filter(condition);
    }
    query
}

/// The recommendations `scope` may read, narrowed by `filter`.
fn filtered<'a>(scope: &AccessScope, filter: &'a RecommendationFilter) -> RecommendationQuery<'a> {
    let mut query = visible(scope);
    if !filter.states.is_empty() {
        let codes: Vec<String> = filter
            .states
            .iter()
            .map(|s| s.as_str().to_owned())
            .collect();
        query = query.filter(recommendations::state.eq_any(codes));
    }
    if let Some(body) = filter.body {
        query = query.filter(recommendations::body.eq(body.code()));
    }
    if let Some(status) = filter.status {
        query = query.filter(recommendations::status.eq(status.code()));
    }
    if filter.open_only {
        query = query.filter(recommendations::status.eq_any(open_codes()));
    }
    if let Some(theme) = filter.theme {
        let themed = recommendation_themes::table
            .filter(recommendation_themes::theme.eq(theme.code()))
            .select(recommendation_themes::recommendation_id);
        query = query.filter(recommendations::id.eq_any(themed));
    }
    if let Some(tag) = &filter.tag {
        let tagged = recommendation_tags::table
            .filter(recommendation_tags::tag.eq(tag.clone()))
            .select(recommendation_tags::recommendation_id);
        query = query.filter(recommendations::id.eq_any(tagged));
    }
    if let Some(owner) = filter.owner {
        query = query.filter(recommendations::owner_org.eq(owner.0));
    }
    query
}

pub(crate) fn load_follow_ups(
    conn: &mut DbConnection,
    id: i64,
) -> Result<Vec<FollowUpRow>, StoreError> {
    Ok(recommendation_follow_ups::table
        .filter(recommendation_follow_ups::recommendation_id.eq(id))
        .order(recommendation_follow_ups::id)
        .select(FollowUpRow::as_select())
        .load(conn)?)
}

/// Loads the parts of all the given recommendations, a query per table.
pub(crate) fn with_parts(
    conn: &mut DbConnection,
    rows: Vec<RecommendationRow>,
) -> Result<Vec<Recommendation>, StoreError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut parts: HashMap<i64, Parts> = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(crate::batch::ROWS_PER_STATEMENT) {
        let themes: Vec<(i64, String)> = recommendation_themes::table
            .filter(recommendation_themes::recommendation_id.eq_any(chunk))
            .order((
                recommendation_themes::recommendation_id,
                recommendation_themes::theme,
            ))
            .select((
                recommendation_themes::recommendation_id,
                recommendation_themes::theme,
            ))
            .load(conn)?;
        for (id, theme) in themes {
            parts.entry(id).or_default().themes.push(theme);
        }
        let tags: Vec<(i64, String)> = recommendation_tags::table
            .filter(recommendation_tags::recommendation_id.eq_any(chunk))
            .order((
                recommendation_tags::recommendation_id,
                recommendation_tags::tag,
            ))
            .select((
                recommendation_tags::recommendation_id,
                recommendation_tags::tag,
            ))
            .load(conn)?;
        for (id, tag) in tags {
            parts.entry(id).or_default().tags.push(tag);
        }
        let alliances: Vec<(i64, i64)> = recommendation_alliances::table
            .filter(recommendation_alliances::recommendation_id.eq_any(chunk))
            .order((
                recommendation_alliances::recommendation_id,
                recommendation_alliances::alliance_id,
            ))
            .select((
                recommendation_alliances::recommendation_id,
                recommendation_alliances::alliance_id,
            ))
            .load(conn)?;
        for (id, alliance) in alliances {
            parts.entry(id).or_default().alliances.push(alliance);
        }
    }
    rows.into_iter()
        .map(|row| {
            let of_this = parts.remove(&row.id).unwrap_or_default();
            row.into_recommendation(of_this)
        })
        .collect()
}
