//! Recording, changing and deleting a recommendation.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use entente_core::Iso3;
use entente_core::access::{AccessScope, AllianceId, RecordAccess, Visibility, can_write};
use entente_core::plan::FieldError;
use entente_core::recommendation::{Body, RecommendationDraft, Theme};
use entente_store::{Store, StoreError};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{DocumentView, RecommendationView, code, json, missing, number, signed_in, view};
use crate::api::actions::body::{AllianceNumber, OrgName};
use crate::auth::Viewer;
use crate::error::{AppError, ErrorBody};
use crate::state::AppState;

/// A recommendation's whole content, to create or replace it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct RecommendationInput {
    #[schema(example = "MEX")]
    pub state: String,
    #[schema(example = "spt")]
    pub body: String,
    pub document: DocumentView,
    #[serde(default)]
    pub addressed_to: String,
    #[serde(default)]
    pub paragraph: String,
    pub text: String,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    pub owner: OrgName,
    /// `private` (the default: SPT reports are confidential unless
    /// published), `alliance` or `public`.
    #[serde(default)]
    pub visibility: Option<String>,
    #[serde(default)]
    pub shared_with: Vec<AllianceNumber>,
}

/// The draft a body makes, every bad value named.
fn draft(
    store: &Store,
    scope: &AccessScope,
    input: RecommendationInput,
    demo: bool,
) -> Result<Result<RecommendationDraft, AppError>, StoreError> {
    let mut errors = Vec::new();
    let state = input
        .state
        .trim()
        .to_uppercase()
        .parse::<Iso3>()
        .map_err(|e| FieldError::new("state", "unknown_state", e.to_string()));
    let body = code::<Body>("body", &input.body);
    let mut themes = Vec::new();
    for theme in &input.themes {
        match code::<Theme>("themes", theme) {
            Ok(t) => themes.push(t),
            Err(e) => errors.push(e),
        }
    }
    let visibility = match &input.visibility {
        Some(v) => code::<Visibility>("visibility", v),
        None => Ok(Visibility::Private),
    };
    let short = match &input.owner {
        OrgName::ShortName(s) | OrgName::Entry { short_name: s } => s.trim().to_owned(),
    };
    let owner = store
        .organisation_by_short_name(scope, &short)?
        .map(|o| o.id)
        .ok_or_else(|| {
            FieldError::new(
                "owner",
                "unknown_organisation",
                "no organisation you may see has this short name",
            )
        });
    if let Ok(owner) = owner {
        if !can_write(scope, &RecordAccess::private(owner)) {
            return Ok(Err(AppError::Forbidden(format!(
                "only editors of {short:?} may record its recommendations"
            ))));
        }
    }
    let shared_with: Vec<AllianceId> = input
        .shared_with
        .iter()
        .map(|a| match a {
            AllianceNumber::Id(id) | AllianceNumber::Entry { id } => AllianceId(*id),
        })
        .collect();
    Ok(match (state, body, visibility, owner) {
        (Ok(state), Ok(body), Ok(visibility), Ok(owner)) if errors.is_empty() => {
            Ok(RecommendationDraft {
                state,
                body,
                document_symbol: input.document.symbol.trim().to_owned(),
                document_title: input.document.title.trim().to_owned(),
                document_url: input.document.url.filter(|u| !u.trim().is_empty()),
                document_date: input.document.date,
                addressed_to: input.addressed_to.trim().to_owned(),
                paragraph: input.paragraph.trim().to_owned(),
                text: input.text.trim().to_owned(),
                themes,
                tags: input.tags.iter().map(|t| t.trim().to_lowercase()).collect(),
                owner,
                visibility,
                shared_with,
                demo,
            })
        }
        (state, body, visibility, owner) => {
            let mut all: Vec<FieldError> = [state.err(), body.err(), visibility.err(), owner.err()]
                .into_iter()
                .flatten()
                .collect();
            all.extend(errors);
            Err(AppError::InvalidFields(all))
        }
    })
}

/// Records a recommendation.
///
/// Needs an editor or admin of the owner; the visibility is `private`
/// unless given.
#[utoipa::path(
    post,
    path = "/api/v1/recommendations",
    tag = "recommendations",
    request_body = RecommendationInput,
    responses(
        (status = 201, description = "The new recommendation", body = RecommendationView),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "A read-only token (`token_read_only`)", body = ErrorBody),
        (status = 422, description = "Broken rules, each with its field (`invalid_fields`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn create_recommendation(
    State(app): State<AppState>,
    viewer: Viewer,
    input: Result<Json<RecommendationInput>, JsonRejection>,
) -> Result<(StatusCode, Json<RecommendationView>), AppError> {
    let scope = signed_in(&viewer)?;
    let input = json(input)?;
    let created = app
        .read(move |store| {
            let draft = match draft(store, &scope, input, false)? {
                Ok(d) => d,
                Err(e) => return Ok(Err(e)),
            };
            let id = match store.create_recommendation(&scope, &draft) {
                Ok(id) => id,
                Err(e) => return Ok(Err(AppError::refused(e, missing("new")))),
            };
            let r = store
                .recommendation(&scope, id)?
                .ok_or_else(|| StoreError::Corrupt {
                    what: format!("recommendation {id} is not readable after its creation"),
                })?;
            Ok::<_, StoreError>(Ok(view(store, &scope, r)?))
        })
        .await??;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Replaces a recommendation's content.
///
/// Its follow-up events, links and status stay.
#[utoipa::path(
    put,
    path = "/api/v1/recommendations/{id}",
    tag = "recommendations",
    params(("id" = i64, Path, description = "The recommendation's number")),
    request_body = RecommendationInput,
    responses(
        (status = 200, description = "The recommendation as changed", body = RecommendationView),
        (status = 403, description = "Not an editor of its owner (`forbidden`)", body = ErrorBody),
        (status = 404, description = "No such recommendation, or hidden (`not_found`)", body = ErrorBody),
        (status = 422, description = "Broken rules (`invalid_fields`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn update_recommendation(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
    input: Result<Json<RecommendationInput>, JsonRejection>,
) -> Result<Json<RecommendationView>, AppError> {
    let scope = signed_in(&viewer)?;
    let id = number(&raw)?;
    let input = json(input)?;
    let updated = app
        .read(move |store| {
            let Some(before) = store.recommendation(&scope, id)? else {
                return Ok(Err(missing(id)));
            };
            if !can_write(&scope, &before.content.access()) {
                return Ok(Err(AppError::Forbidden(format!(
                    "only editors of its owner may change recommendation {id}"
                ))));
            }
            let draft = match draft(store, &scope, input, before.content.demo)? {
                Ok(d) => d,
                Err(e) => return Ok(Err(e)),
            };
            if let Err(e) = store.update_recommendation(&scope, id, &draft) {
                return Ok(Err(AppError::refused(e, missing(id))));
            }
            let r = store
                .recommendation(&scope, id)?
                .ok_or_else(|| StoreError::Corrupt {
                    what: format!("recommendation {id} is not readable after its change"),
                })?;
            Ok::<_, StoreError>(Ok(view(store, &scope, r)?))
        })
        .await??;
    Ok(Json(updated))
}

/// Deletes a recommendation with its follow-up and links.
#[utoipa::path(
    delete,
    path = "/api/v1/recommendations/{id}",
    tag = "recommendations",
    params(("id" = i64, Path, description = "The recommendation's number")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "Not an editor of its owner (`forbidden`)", body = ErrorBody),
        (status = 404, description = "No such recommendation, or hidden (`not_found`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn delete_recommendation(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
) -> Result<StatusCode, AppError> {
    let scope = signed_in(&viewer)?;
    let id = number(&raw)?;
    app.read(move |store| Ok::<_, StoreError>(store.delete_recommendation(&scope, id)))
        .await?
        .map_err(|e| AppError::refused(e, missing(raw)))?;
    Ok(StatusCode::NO_CONTENT)
}
