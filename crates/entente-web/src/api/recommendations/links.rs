//! The actions that push a recommendation and its related ones: listing,
//! linking, unlinking.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use entente_core::plan::ActionId;
use entente_core::recommendation::RecommendationId;
use entente_store::{PushingAction, StoreError};
use serde::Serialize;
use utoipa::ToSchema;

use super::{RecommendationView, missing, number, signed_in, view};
use crate::auth::Viewer;
use crate::error::{AppError, ErrorBody};
use crate::state::AppState;

/// An action linked to a recommendation.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PushingActionView {
    pub id: i64,
    pub title: String,
    pub status: String,
}

/// The campaign actions pushing a recommendation that the reader may see.
#[utoipa::path(
    get,
    path = "/api/v1/recommendations/{id}/actions",
    tag = "recommendations",
    params(("id" = i64, Path, description = "The recommendation's number")),
    responses(
        (status = 200, description = "The linked actions the reader may see", body = [PushingActionView]),
        (status = 404, description = "No such recommendation, or hidden (`not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn list_pushing_actions(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
) -> Result<Json<Vec<PushingActionView>>, AppError> {
    let id = number(&raw)?;
    let scope = viewer.scope;
    let found = app
        .read(move |store| {
            if store.recommendation(&scope, id)?.is_none() {
                return Ok::<_, StoreError>(None);
            }
            Ok(Some(store.pushing_actions(&scope, id)?))
        })
        .await?;
    let actions = found.ok_or_else(|| missing(raw))?;
    Ok(Json(
        actions
            .into_iter()
            .map(|a: PushingAction| PushingActionView {
                id: a.id.0,
                title: a.title,
                status: a.status.code().to_owned(),
            })
            .collect(),
    ))
}

/// Links an action that pushes the recommendation.
///
/// The writer must be able to change the recommendation and to see the
/// action; linking twice changes nothing.
#[utoipa::path(
    put,
    path = "/api/v1/recommendations/{id}/actions/{action}",
    tag = "recommendations",
    params(
        ("id" = i64, Path, description = "The recommendation's number"),
        ("action" = i64, Path, description = "The action's number"),
    ),
    responses(
        (status = 204, description = "Linked"),
        (status = 403, description = "Not an editor of its owner (`forbidden`)", body = ErrorBody),
        (status = 404, description = "No such recommendation, or hidden (`not_found`)", body = ErrorBody),
        (status = 422, description = "No such action, or hidden (`invalid_fields`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn link_action(
    State(app): State<AppState>,
    Path((raw, action)): Path<(String, i64)>,
    viewer: Viewer,
) -> Result<StatusCode, AppError> {
    let scope = signed_in(&viewer)?;
    let id = number(&raw)?;
    app.read(move |store| Ok::<_, StoreError>(store.link_action(&scope, id, ActionId(action))))
        .await?
        .map_err(|e| AppError::refused(e, missing(raw)))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes the link to an action.
#[utoipa::path(
    delete,
    path = "/api/v1/recommendations/{id}/actions/{action}",
    tag = "recommendations",
    params(
        ("id" = i64, Path, description = "The recommendation's number"),
        ("action" = i64, Path, description = "The action's number"),
    ),
    responses(
        (status = 204, description = "Unlinked"),
        (status = 403, description = "Not an editor of its owner (`forbidden`)", body = ErrorBody),
        (status = 404, description = "No such recommendation, action or link, or hidden (`not_found`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn unlink_action(
    State(app): State<AppState>,
    Path((raw, action)): Path<(String, i64)>,
    viewer: Viewer,
) -> Result<StatusCode, AppError> {
    let scope = signed_in(&viewer)?;
    let id = number(&raw)?;
    app.read(move |store| Ok::<_, StoreError>(store.unlink_action(&scope, id, ActionId(action))))
        .await?
        .map_err(|e| AppError::refused(e, missing(raw)))?;
    Ok(StatusCode::NO_CONTENT)
}

/// The related recommendations the reader may see.
#[utoipa::path(
    get,
    path = "/api/v1/recommendations/{id}/related",
    tag = "recommendations",
    params(("id" = i64, Path, description = "The recommendation's number")),
    responses(
        (status = 200, description = "The related recommendations the reader may see", body = [RecommendationView]),
        (status = 404, description = "No such recommendation, or hidden (`not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn list_related(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
) -> Result<Json<Vec<RecommendationView>>, AppError> {
    let id = number(&raw)?;
    let scope = viewer.scope;
    let found = app
        .read(move |store| {
            if store.recommendation(&scope, id)?.is_none() {
                return Ok::<_, StoreError>(None);
            }
            let related = store.related_recommendations(&scope, id)?;
            Ok(Some(
                related
                    .into_iter()
                    .map(|r| view(store, &scope, r))
                    .collect::<Result<Vec<_>, _>>()?,
            ))
        })
        .await?;
    found.map(Json).ok_or_else(|| missing(raw))
}

/// Links two related recommendations (often of two bodies).
#[utoipa::path(
    put,
    path = "/api/v1/recommendations/{id}/related/{other}",
    tag = "recommendations",
    params(
        ("id" = i64, Path, description = "The recommendation's number"),
        ("other" = i64, Path, description = "The related recommendation's number"),
    ),
    responses(
        (status = 204, description = "Linked"),
        (status = 403, description = "Not an editor of the first's owner (`forbidden`)", body = ErrorBody),
        (status = 404, description = "No such recommendation, or hidden (`not_found`)", body = ErrorBody),
        (status = 422, description = "The other is itself, missing or hidden (`invalid_fields`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn link_related(
    State(app): State<AppState>,
    Path((raw, other)): Path<(String, i64)>,
    viewer: Viewer,
) -> Result<StatusCode, AppError> {
    let scope = signed_in(&viewer)?;
    let id = number(&raw)?;
    app.read(move |store| {
        Ok::<_, StoreError>(store.link_related(&scope, id, RecommendationId(other)))
    })
    .await?
    .map_err(|e| AppError::refused(e, missing(raw)))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes the link between two recommendations.
#[utoipa::path(
    delete,
    path = "/api/v1/recommendations/{id}/related/{other}",
    tag = "recommendations",
    params(
        ("id" = i64, Path, description = "The recommendation's number"),
        ("other" = i64, Path, description = "The related recommendation's number"),
    ),
    responses(
        (status = 204, description = "Unlinked"),
        (status = 403, description = "Not an editor of the first's owner (`forbidden`)", body = ErrorBody),
        (status = 404, description = "No such recommendation or link, or hidden (`not_found`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn unlink_related(
    State(app): State<AppState>,
    Path((raw, other)): Path<(String, i64)>,
    viewer: Viewer,
) -> Result<StatusCode, AppError> {
    let scope = signed_in(&viewer)?;
    let id = number(&raw)?;
    app.read(move |store| {
        Ok::<_, StoreError>(store.unlink_related(&scope, id, RecommendationId(other)))
    })
    .await?
    .map_err(|e| AppError::refused(e, missing(raw)))?;
    Ok(StatusCode::NO_CONTENT)
}
