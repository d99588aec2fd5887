//! `/api/v1/recommendations`: recommendations of the SPT, treaty bodies,
//! the UPR, regional bodies and NPMs as JSON, with their follow-up events,
//! the actions that push them and the related ones. Reading takes whatever
//! the session or token may read (a hidden recommendation answers exactly
//! as a missing one, `not_found`); changing one takes an editor or admin of
//! its owner. Broken rules come back together as `invalid_fields`.

mod follow_ups;
mod links;
mod list;
mod write;

use axum::Json;
use axum::extract::rejection::JsonRejection;
use chrono::{NaiveDate, NaiveDateTime};
use entente_core::ParseCodeError;
use entente_core::access::AccessScope;
use entente_core::plan::FieldError;
use entente_core::recommendation::RecommendationId;
use entente_store::{Recommendation, Store, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::Viewer;
use crate::error::AppError;

pub use follow_ups::*;
pub use links::*;
pub use list::*;
pub use write::*;

/// The source document of a recommendation.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DocumentView {
    /// Its symbol or reference.
    #[schema(example = "CAT/OP/MEX/R.2")]
    #[serde(default)]
    pub symbol: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub url: Option<String>,
    /// YYYY-MM-DD.
    #[serde(default)]
    pub date: Option<NaiveDate>,
}

/// A recommendation as the reader may see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RecommendationView {
    pub id: i64,
    #[schema(example = "MEX")]
    pub state: String,
    /// `spt`, `cat`, `upr`, `cpt`, `iachr`, `achpr`, `npm` or `other`.
    #[schema(example = "spt")]
    pub body: String,
    /// The status of its latest follow-up event: `not_started`,
    /// `in_progress`, `partly_implemented`, `implemented` or `not_accepted`.
    pub status: String,
    pub document: DocumentView,
    pub addressed_to: String,
    pub paragraph: String,
    pub text: String,
    pub themes: Vec<String>,
    pub tags: Vec<String>,
    /// The owner's short name; absent when the reader may not see the
    /// owner's directory entry.
    pub owner: Option<String>,
    pub visibility: String,
    pub shared_with: Vec<i64>,
    /// Written by `entente demo`: demo data, not facts.
    pub demo: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A page of recommendations.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RecommendationList {
    pub total: u64,
    pub limit: u32,
    pub offset: u64,
    pub items: Vec<RecommendationView>,
}
pub(super) fn missing(id: impl std::fmt::Display) -> AppError {
    AppError::NotFound(format!("recommendation \"{id}\""))
}

pub(crate) fn signed_in(viewer: &Viewer) -> Result<AccessScope, AppError> {
    match viewer.account {
        Some(_) => Ok(viewer.scope.clone()),
        None => Err(AppError::Unauthenticated),
    }
}

pub(crate) fn view(
    store: &Store,
    scope: &AccessScope,
    r: Recommendation,
) -> Result<RecommendationView, StoreError> {
    let c = r.content;
    let owner = store.organisation(scope, c.owner)?.map(|o| o.short_name);
    Ok(RecommendationView {
        id: r.id.0,
        state: c.state.to_string(),
        body: c.body.code().to_owned(),
        status: r.status.code().to_owned(),
        document: DocumentView {
            symbol: c.document_symbol,
            title: c.document_title,
            url: c.document_url,
            date: c.document_date,
        },
        addressed_to: c.addressed_to,
        paragraph: c.paragraph,
        text: c.text,
        themes: c.themes.iter().map(|t| t.code().to_owned()).collect(),
        tags: c.tags,
        owner,
        visibility: c.visibility.code().to_owned(),
        shared_with: c.shared_with.iter().map(|a| a.0).collect(),
        demo: c.demo,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}

pub(crate) fn code<T>(field: &'static str, value: &str) -> Result<T, FieldError>
where
    T: std::str::FromStr<Err = ParseCodeError>,
{
    value
        .trim()
        .parse()
        .map_err(|e: ParseCodeError| FieldError::new(field, "invalid_code", e.to_string()))
}

pub(crate) fn json<T>(body: Result<Json<T>, JsonRejection>) -> Result<T, AppError> {
    body.map(|Json(b)| b).map_err(|e| AppError::InvalidField {
        field: "body",
        reason: e.body_text(),
    })
}

pub(super) fn number(raw: &str) -> Result<RecommendationId, AppError> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .map(RecommendationId)
        .ok_or_else(|| missing(raw))
}
