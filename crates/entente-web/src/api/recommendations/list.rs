//! Listing recommendations and reading one.

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use entente_core::Iso3;
use entente_core::recommendation::{Body, FollowUpStatus, Theme};
use entente_store::{PageRequest, RecommendationFilter, StoreError};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{RecommendationList, RecommendationView, missing, number, view};
use crate::auth::Viewer;
use crate::error::{AppError, ErrorBody};
use crate::locale::form_pairs;
use crate::state::AppState;

/// The filters of the list.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[expect(
    dead_code,
    reason = "documents the list's parameters in the OpenAPI document; the list reads the raw query"
)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// ISO 3166-1 alpha-3 code of the state.
    pub state: Option<String>,
    /// A recommending body.
    pub body: Option<String>,
    /// A follow-up status.
    pub status: Option<String>,
    /// A theme.
    pub theme: Option<String>,
    /// A free tag.
    pub tag: Option<String>,
    /// `true`: only those neither implemented nor refused.
    pub open: Option<bool>,
    /// Page size, 1 to 500; 50 by default.
    pub limit: Option<u32>,
    /// How many to skip.
    pub offset: Option<u64>,
}

fn invalid(name: &'static str, reason: String) -> AppError {
    AppError::InvalidParameter { name, reason }
}

pub(crate) fn parse_param<T: std::str::FromStr>(
    pairs: &[(String, String)],
    name: &'static str,
) -> Result<Option<T>, AppError>
where
    T::Err: std::fmt::Display,
{
    pairs
        .iter()
        .find(|(k, v)| k == name && !v.trim().is_empty())
        .map(|(_, v)| {
            v.trim()
                .parse::<T>()
                .map_err(|e| invalid(name, e.to_string()))
        })
        .transpose()
}

fn list_query(raw: Option<&str>) -> Result<(RecommendationFilter, PageRequest), AppError> {
    let pairs: Vec<(String, String)> = raw.map(|q| form_pairs(q).collect()).unwrap_or_default();
    const KNOWN: [&str; 8] = [
        "state", "body", "status", "theme", "tag", "open", "limit", "offset",
    ];
    if let Some((name, _)) = pairs.iter().find(|(k, _)| !KNOWN.contains(&k.as_str())) {
        return Err(AppError::InvalidParameter {
            name: "query",
            reason: format!("{name:?} is not a parameter of this list"),
        });
    }
    let limit = parse_param::<u32>(&pairs, "limit")?.unwrap_or(PageRequest::DEFAULT_LIMIT);
    if limit == 0 || limit > PageRequest::MAX_LIMIT {
        return Err(invalid(
            "limit",
            format!("{limit} is not between 1 and 500"),
        ));
    }
    let filter = RecommendationFilter {
        states: parse_param::<Iso3>(&pairs, "state")?.into_iter().collect(),
        body: parse_param::<Body>(&pairs, "body")?,
        status: parse_param::<FollowUpStatus>(&pairs, "status")?,
        theme: parse_param::<Theme>(&pairs, "theme")?,
        tag: parse_param::<String>(&pairs, "tag")?.map(|t| t.to_lowercase()),
        open_only: parse_param::<bool>(&pairs, "open")?.unwrap_or(false),
        owner: None,
    };
    let page = PageRequest {
        limit,
        offset: parse_param::<u64>(&pairs, "offset")?.unwrap_or(0),
    };
    Ok((filter, page))
}

/// The recommendations the reader may see.
///
/// Newest source document first, undated last; filtered and paged.
#[utoipa::path(
    get,
    path = "/api/v1/recommendations",
    tag = "recommendations",
    params(ListParams),
    responses(
        (status = 200, description = "A page of visible recommendations", body = RecommendationList),
        (status = 422, description = "A parameter cannot be used (`invalid_parameter`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn list_recommendations(
    State(app): State<AppState>,
    viewer: Viewer,
    RawQuery(raw): RawQuery,
) -> Result<Json<RecommendationList>, AppError> {
    let (filter, page) = list_query(raw.as_deref())?;
    let scope = viewer.scope;
    let list = app
        .read(move |store| {
            let found = store.list_recommendations(&scope, &filter, page)?;
            Ok::<_, StoreError>(RecommendationList {
                total: found.total,
                limit: page.limit,
                offset: page.offset,
                items: found
                    .recommendations
                    .into_iter()
                    .map(|r| view(store, &scope, r))
                    .collect::<Result<_, _>>()?,
            })
        })
        .await?;
    Ok(Json(list))
}

/// One recommendation.
///
/// A read from outside the owner of a recommendation that is not public is
/// logged in the owner's audit log.
#[utoipa::path(
    get,
    path = "/api/v1/recommendations/{id}",
    tag = "recommendations",
    params(("id" = i64, Path, description = "The recommendation's number")),
    responses(
        (status = 200, description = "The recommendation", body = RecommendationView),
        (status = 404, description = "No such recommendation, or hidden from the reader (`not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn show_recommendation(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
) -> Result<Json<RecommendationView>, AppError> {
    let id = number(&raw)?;
    let scope = viewer.scope;
    let found = app
        .read(move |store| {
            let Some(r) = store.recommendation(&scope, id)? else {
                return Ok::<_, StoreError>(None);
            };
            let c = &r.content;
            crate::auth::audit_outside_read(
                store,
                &scope,
                c.owner,
                c.visibility,
                "recommendation",
                id.0,
            )?;
            Ok(Some(view(store, &scope, r)?))
        })
        .await?;
    found.map(Json).ok_or_else(|| missing(raw))
}
