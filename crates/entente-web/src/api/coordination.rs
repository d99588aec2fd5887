//! `GET /api/v1/coordination/overlaps|gaps|unpushed-recommendations|partners|deadlines`: the
//! coordination engine's findings over the plan the reader may see (the
//! anonymous public its public actions only), with the board's filters.

pub mod contact_requests;
pub mod deadline_feed;
pub mod proposals;
mod query;
pub mod signals;
mod views;

use std::collections::HashMap;

use axum::Json;
use axum::extract::{RawQuery, State};
use entente_core::access::{AccessScope, OrgId};
use entente_core::coordination::{GapSettings, OverlapSettings, Place};
use entente_core::plan::ActionId;
use entente_store::{Store, StoreError};

use crate::auth::Viewer;
use crate::error::AppError;
use crate::extract::AsOf;
use crate::state::AppState;
use query::{MAX_WINDOW_DAYS, filter, limit, params};

pub use views::{
    ActionRef, DeadlineList, DeadlineView, GapList, GapView, OverlapList, OverlapView, PartnerList,
    PartnerView, ReasonView, UnpushedList,
};

/// The short names of the directory entries `scope` sees.
fn short_names(store: &Store, scope: &AccessScope) -> Result<HashMap<OrgId, String>, StoreError> {
    Ok(store
        .organisations(scope)?
        .into_iter()
        .map(|o| (o.id, o.short_name))
        .collect())
}

/// The actions findings name, as `scope` (which the findings came from)
/// reads them.
fn action_refs(
    store: &Store,
    scope: &AccessScope,
    ids: &[ActionId],
) -> Result<HashMap<ActionId, ActionRef>, StoreError> {
    let names = short_names(store, scope)?;
    Ok(store
        .action_labels(scope, ids)?
        .iter()
        .map(|(id, label)| (*id, ActionRef::of(*id, label, &names)))
        .collect())
}

/// An organisation by short name as `scope` sees it.
fn org_named(store: &Store, scope: &AccessScope, short: &str) -> Result<Option<OrgId>, StoreError> {
    Ok(store
        .organisation_by_short_name(scope, short)?
        .map(|o| o.id))
}

/// Lists the overlaps among the actions the reader may see.
///
/// Open, dated actions of different organisations on the same state and
/// audience within `window_days` (30 by default) of each other: closest
/// first, then greatest gain. With `org`, only the overlaps of that
/// organisation's actions.
#[utoipa::path(
    get,
    path = "/api/v1/coordination/overlaps",
    tag = "coordination",
    params(
        ("state" = Option<String>, Query, description = "Only this state (ISO 3166 alpha-3)"),
        ("region" = Option<String>, Query, description = "Only states of this UN regional group: african, asia_pacific, eeg, grulac, weog"),
        ("alliance" = Option<i64>, Query, description = "Only actions of this alliance's members"),
        ("phase" = Option<String>, Query, description = "ratification or implementation"),
        ("org" = Option<String>, Query, description = "Only overlaps of this organisation's actions (short name)"),
        ("window_days" = Option<u32>, Query, description = "The most days between the end of one action and the start of the other, 0 to 366; 30 by default"),
        ("limit" = Option<usize>, Query, description = "At most this many, 1 to 500; 50 by default"),
        ("as_of" = Option<String>, Query, description = "Accepted for symmetry with the other findings (YYYY-MM-DD)"),
    ),
    responses(
        (status = 200, description = "The overlaps, best first", body = OverlapList),
        (status = 404, description = "`org` names no organisation the reader sees (`org_not_found`)", body = crate::error::ErrorBody),
        (status = 422, description = "A parameter cannot be used (`invalid_parameter`)", body = crate::error::ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn list_overlaps(
    State(app): State<AppState>,
    viewer: Viewer,
    RawQuery(raw): RawQuery,
) -> Result<Json<OverlapList>, AppError> {
    let params = params(raw.as_deref(), &["org", "window_days"])?;
    AsOf::parse(params.get("as_of"))?;
    let window_days = params
        .parse::<u32>("window_days", "a whole number of days")?
        .unwrap_or(OverlapSettings::default().window_days);
    if window_days > MAX_WINDOW_DAYS {
        return Err(AppError::InvalidParameter {
            name: "window_days",
            reason: format!("{window_days} is more than {MAX_WINDOW_DAYS} days"),
        });
    }
    let filter = filter(&params)?;
    let limit = limit(&params)?;
    let org = params.get("org").map(str::to_owned);
    let scope = viewer.scope;
    let found = app
        .read(move |store| -> Result<Option<OverlapList>, StoreError> {
            let involving = match &org {
                Some(short) => match org_named(store, &scope, short)? {
                    Some(id) => Some(id),
                    None => return Ok(None),
                },
                None => None,
            };
            let settings = OverlapSettings {
                window_days,
                limit: Some(limit),
                involving,
            };
            let found = store.overlaps(&scope, &filter, settings)?;
            let ids: Vec<ActionId> = found
                .ranked
                .iter()
                .flat_map(|o| [o.first, o.second])
                .collect();
            let refs = action_refs(store, &scope, &ids)?;
            let overlaps = found
                .ranked
                .iter()
                .filter_map(|overlap| {
                    Some(OverlapView {
                        first: refs.get(&overlap.first)?.clone(),
                        second: refs.get(&overlap.second)?.clone(),
                        state: overlap.state.to_string(),
                        audience: overlap.audience.code().to_owned(),
                        opportunity: views::opportunity(overlap.opportunity).to_owned(),
                        days_apart: overlap.days_apart,
                        gain: overlap.gain,
                    })
                })
                .collect();
            Ok(Some(OverlapList {
                total: found.total,
                overlaps,
            }))
        })
        .await?;
    found
        .map(Json)
        .ok_or_else(|| AppError::OrgNotFound(params.get("org").unwrap_or_default().to_owned()))
}

/// Lists the gaps of each state on `as_of`.
///
/// What the default playbook calls for at each state's OPCAT stage and no
/// planned or under-way action the reader may see covers in the next six
/// months, and pressure only international, only national or from one
/// sector: overdue NPMs first, then the states longest at their stage.
#[utoipa::path(
    get,
    path = "/api/v1/coordination/gaps",
    tag = "coordination",
    params(
        ("as_of" = Option<String>, Query, description = "The day of the analysis (YYYY-MM-DD); today by default"),
        ("state" = Option<String>, Query, description = "Only this state (ISO 3166 alpha-3)"),
        ("region" = Option<String>, Query, description = "Only states of this UN regional group"),
        ("alliance" = Option<i64>, Query, description = "Count only actions of this alliance's members"),
        ("phase" = Option<String>, Query, description = "Count only actions of this phase"),
        ("limit" = Option<usize>, Query, description = "At most this many, 1 to 500; 50 by default"),
    ),
    responses(
        (status = 200, description = "The gaps, most urgent first", body = GapList),
        (status = 422, description = "A parameter cannot be used (`invalid_parameter`, `invalid_as_of`)", body = crate::error::ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn list_gaps(
    State(app): State<AppState>,
    viewer: Viewer,
    RawQuery(raw): RawQuery,
) -> Result<Json<GapList>, AppError> {
    let params = params(raw.as_deref(), &[])?;
    let as_of = AsOf::parse(params.get("as_of"))?.date;
    let filter = filter(&params)?;
    let limit = limit(&params)?;
    let scope = viewer.scope;
    let gaps = app
        .read(move |store| store.gaps(&scope, &filter, as_of, GapSettings::default()))
        .await?;
    Ok(Json(GapList {
        as_of,
        gaps: gaps.iter().take(limit).map(GapView::from).collect(),
    }))
}

/// Lists the open recommendations no action pushes.
///
/// The recommendations the reader may see that are neither implemented nor
/// refused and that no planned, under-way or done action the reader may see
/// is linked to: gaps in the plan, by state then number. With `alliance`
/// or `phase`, only the actions of that alliance's members or of that
/// phase count as pushing.
#[utoipa::path(
    get,
    path = "/api/v1/coordination/unpushed-recommendations",
    tag = "coordination",
    params(
        ("state" = Option<String>, Query, description = "Only this state (ISO 3166 alpha-3)"),
        ("region" = Option<String>, Query, description = "Only states of this UN regional group"),
        ("alliance" = Option<i64>, Query, description = "Count only actions of this alliance's members"),
        ("phase" = Option<String>, Query, description = "Count only actions of this phase"),
        ("limit" = Option<usize>, Query, description = "At most this many, 1 to 500; 50 by default"),
        ("as_of" = Option<String>, Query, description = "Accepted for symmetry with the other findings (YYYY-MM-DD)"),
    ),
    responses(
        (status = 200, description = "The unpushed recommendations, by state", body = UnpushedList),
        (status = 422, description = "A parameter cannot be used (`invalid_parameter`, `invalid_as_of`)", body = crate::error::ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn list_unpushed_recommendations(
    State(app): State<AppState>,
    viewer: Viewer,
    RawQuery(raw): RawQuery,
) -> Result<Json<UnpushedList>, AppError> {
    let params = params(raw.as_deref(), &[])?;
    AsOf::parse(params.get("as_of"))?;
    let filter = filter(&params)?;
    let limit = limit(&params)?;
    let scope = viewer.scope;
    let list = app
        .read(move |store| -> Result<UnpushedList, StoreError> {
            let found = store.unpushed_recommendations(&scope, &filter)?;
            let total = found.len();
            let recommendations = found
                .into_iter()
                .take(limit)
                .map(|r| crate::api::recommendations::view(store, &scope, r))
                .collect::<Result<_, _>>()?;
            Ok(UnpushedList {
                total,
                recommendations,
            })
        })
        .await?;
    Ok(Json(list))
}

/// Lists the partners an organisation could seek at a state or in a region.
///
/// The organisations the reader sees that act or work there, bring another
/// level or other sectors, and share no alliance with `org` yet, best
/// first, each with its reasons.
#[utoipa::path(
    get,
    path = "/api/v1/coordination/partners",
    tag = "coordination",
    params(
        ("org" = String, Query, description = "The organisation that seeks partners (short name)"),
        ("state" = Option<String>, Query, description = "Where (ISO 3166 alpha-3); or give `region`"),
        ("region" = Option<String>, Query, description = "Or a UN regional group as a whole"),
        ("limit" = Option<usize>, Query, description = "At most this many, 1 to 500; 50 by default"),
    ),
    responses(
        (status = 200, description = "The suggestions, best first", body = PartnerList),
        (status = 404, description = "`org` names no organisation the reader sees (`org_not_found`)", body = crate::error::ErrorBody),
        (status = 422, description = "`org` is missing, or neither or both of `state` and `region` are given (`invalid_parameter`)", body = crate::error::ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn list_partners(
    State(app): State<AppState>,
    viewer: Viewer,
    RawQuery(raw): RawQuery,
) -> Result<Json<PartnerList>, AppError> {
    let params = params(raw.as_deref(), &["org"])?;
    let filter = filter(&params)?;
    let limit = limit(&params)?;
    let org = params
        .get("org")
        .ok_or_else(|| AppError::InvalidParameter {
            name: "org",
            reason: "the organisation that seeks partners is missing".to_owned(),
        })?
        .to_owned();
    let place = match (filter.states.first(), filter.region) {
        (Some(state), None) => Place::State(*state),
        (None, Some(region)) => Place::Region(region),
        _ => {
            return Err(AppError::InvalidParameter {
                name: "state",
                reason: "give either a state or a region, not both".to_owned(),
            });
        }
    };
    let scope = viewer.scope;
    let short = org.clone();
    let found = app
        .read(move |store| partner_views(store, &scope, &short, place, limit))
        .await?;
    let partners = found.ok_or_else(|| AppError::OrgNotFound(org.clone()))?;
    let place = match place {
        Place::State(state) => state.to_string(),
        Place::Region(region) => region.code().to_owned(),
    };
    Ok(Json(PartnerList {
        org,
        place,
        partners,
    }))
}

/// The partners the organisation `short` could seek at `place` as `scope`
/// sees them; `None` when `scope` does not see the organisation.
fn partner_views(
    store: &Store,
    scope: &AccessScope,
    short: &str,
    place: Place,
    limit: usize,
) -> Result<Option<Vec<PartnerView>>, StoreError> {
    let Some(id) = org_named(store, scope, short)? else {
        return Ok(None);
    };
    let Some(suggestions) = store.partners(scope, id, place)? else {
        return Ok(None);
    };
    let orgs: HashMap<OrgId, (String, String)> = store
        .organisations(scope)?
        .into_iter()
        .map(|o| (o.id, (o.short_name, o.name)))
        .collect();
    Ok(Some(
        suggestions
            .iter()
            .take(limit)
            .filter_map(|s| {
                let (short_name, name) = orgs.get(&s.org)?.clone();
                Some(PartnerView {
                    id: s.org.0,
                    short_name,
                    name,
                    score: s.score,
                    reasons: s.reasons.iter().map(ReasonView::from).collect(),
                })
            })
            .collect(),
    ))
}

/// Lists the deadlines on `as_of`.
///
/// Art. 17 NPM due dates of parties without an NPM (overdue or not), ends
/// of Art. 24 postponements still running, and due dates of the open
/// actions the reader may see, by date.
#[utoipa::path(
    get,
    path = "/api/v1/coordination/deadlines",
    tag = "coordination",
    params(
        ("as_of" = Option<String>, Query, description = "The day of the analysis (YYYY-MM-DD); today by default"),
        ("state" = Option<String>, Query, description = "Only this state (ISO 3166 alpha-3)"),
        ("region" = Option<String>, Query, description = "Only states of this UN regional group"),
        ("alliance" = Option<i64>, Query, description = "Only actions of this alliance's members"),
        ("phase" = Option<String>, Query, description = "Only actions of this phase"),
        ("limit" = Option<usize>, Query, description = "At most this many, 1 to 500; 50 by default"),
    ),
    responses(
        (status = 200, description = "The deadlines, by date", body = DeadlineList),
        (status = 422, description = "A parameter cannot be used (`invalid_parameter`, `invalid_as_of`)", body = crate::error::ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn list_deadlines(
    State(app): State<AppState>,
    viewer: Viewer,
    RawQuery(raw): RawQuery,
) -> Result<Json<DeadlineList>, AppError> {
    let params = params(raw.as_deref(), &[])?;
    let as_of = AsOf::parse(params.get("as_of"))?.date;
    let filter = filter(&params)?;
    let limit = limit(&params)?;
    let scope = viewer.scope;
    let deadlines = app
        .read(move |store| -> Result<Vec<DeadlineView>, StoreError> {
            let deadlines = store.deadlines(&scope, &filter, as_of)?;
            let deadlines = &deadlines[..limit.min(deadlines.len())];
            let ids: Vec<ActionId> = deadlines.iter().filter_map(|d| d.action).collect();
            let refs = action_refs(store, &scope, &ids)?;
            let views = deadlines
                .iter()
                .map(|d| DeadlineView::of(d, d.action.and_then(|id| refs.get(&id).cloned())))
                .collect();
            Ok(views)
        })
        .await?;
    Ok(Json(DeadlineList { as_of, deadlines }))
}
