//! `/api/v1/alliances`: alliances as JSON. Reading takes whatever the
//! session or token may read; creating one and adding members needs an
//! admin of the owning organisation and, with a token, a read-write one.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use entente_core::access::{AccessScope, Visibility};
use entente_core::{Iso3, RegionalGroup};
use entente_store::{Area, NewAlliance, StoreError};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::auth::Viewer;
use crate::error::{AppError, ErrorBody};
use crate::state::AppState;
use crate::views::alliance::{self, AllianceView};

/// The alliances the reader may see.
///
/// Members are listed only when the reader may see their directory entry;
/// the others are left out, uncounted.
#[utoipa::path(
    get,
    path = "/api/v1/alliances",
    tag = "organisations",
    responses((status = 200, description = "Visible alliances, by name", body = Vec<AllianceView>)),
    security((), ("bearer" = []))
)]
pub async fn list_alliances(
    State(app): State<AppState>,
    viewer: Viewer,
) -> Result<Json<Vec<AllianceView>>, AppError> {
    let scope = viewer.scope;
    Ok(Json(
        app.read(move |store| alliance::alliances(store, &scope))
            .await?,
    ))
}

/// One alliance.
#[utoipa::path(
    get,
    path = "/api/v1/alliances/{id}",
    tag = "organisations",
    params(("id" = i64, Path, description = "The alliance's number")),
    responses(
        (status = 200, description = "The alliance", body = AllianceView),
        (status = 404, description = "No such alliance, or hidden from the reader (`alliance_not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn show_alliance(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
) -> Result<Json<AllianceView>, AppError> {
    let Some(id) = alliance::parse_id(&raw) else {
        return Err(AppError::AllianceNotFound(raw));
    };
    let scope = viewer.scope;
    app.read(move |store| alliance::alliance(store, &scope, id))
        .await?
        .map(Json)
        .ok_or(AppError::AllianceNotFound(raw))
}

/// A new alliance.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewAllianceBody {
    /// Short name of the owning organisation, which the user administers.
    #[schema(example = "apt")]
    pub owner: String,
    pub name: String,
    #[serde(default)]
    pub purpose: String,
    /// `private`, `alliance` or `public`.
    #[schema(example = "alliance")]
    pub visibility: String,
    /// The states it campaigns in, by ISO 3166-1 alpha-3 code.
    #[serde(default)]
    #[schema(example = json!(["FRA", "TUR"]))]
    pub states: Vec<String>,
    /// The UN regional groups it campaigns in as a whole.
    #[serde(default)]
    #[schema(example = json!(["weog"]))]
    pub regions: Vec<String>,
}

/// Where an alliance campaigns.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AreaBody {
    /// ISO 3166-1 alpha-3 codes of stored states.
    #[serde(default)]
    #[schema(example = json!(["FRA", "TUR"]))]
    pub states: Vec<String>,
    /// `african`, `asia_pacific`, `eastern_european`, `grulac`, `weog`.
    #[serde(default)]
    #[schema(example = json!(["weog"]))]
    pub regions: Vec<String>,
}

/// The area the codes name; a code that cannot be one is `invalid_field`.
fn area(states: &[String], regions: &[String]) -> Result<Area, AppError> {
    let states = states
        .iter()
        .map(|s| s.parse::<Iso3>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| AppError::InvalidField {
            field: "states",
            reason: e.to_string(),
        })?;
    let regions = regions
        .iter()
        .map(|r| r.parse::<RegionalGroup>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|reason| AppError::InvalidField {
            field: "regions",
            reason,
        })?;
    Ok(Area { states, regions })
}

/// A refusal of an area: an unknown state names it.
fn area_refused(error: StoreError, missing: AppError) -> AppError {
    match error {
        StoreError::Invalid { what } => AppError::InvalidField {
            field: "states",
            reason: what,
        },
        other => AppError::refused(other, missing),
    }
}

/// An organisation to add.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewMemberBody {
    /// The organisation's short name.
    #[schema(example = "apt")]
    pub org: String,
}

fn body<T>(body: Result<Json<T>, JsonRejection>) -> Result<T, AppError> {
    body.map(|Json(b)| b).map_err(|e| AppError::InvalidField {
        field: "body",
        reason: e.body_text(),
    })
}

fn signed_in(viewer: &Viewer) -> Result<AccessScope, AppError> {
    match viewer.account {
        Some(_) => Ok(viewer.scope.clone()),
        None => Err(AppError::Unauthenticated),
    }
}

/// Creates an alliance.
///
/// The owner becomes its first member. Needs an admin of the owner; a
/// read-only token is refused with `token_read_only`.
#[utoipa::path(
    post,
    path = "/api/v1/alliances",
    tag = "organisations",
    request_body = NewAllianceBody,
    responses(
        (status = 201, description = "The new alliance", body = AllianceView),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "Not an admin of the owner (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 404, description = "The owner is unknown or hidden (`org_not_found`)", body = ErrorBody),
        (status = 422, description = "A field cannot be used (`invalid_field`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn create_alliance(
    State(app): State<AppState>,
    viewer: Viewer,
    new: Result<Json<NewAllianceBody>, JsonRejection>,
) -> Result<(StatusCode, Json<AllianceView>), AppError> {
    let scope = signed_in(&viewer)?;
    let new = body(new)?;
    let visibility: Visibility =
        new.visibility
            .parse()
            .map_err(
                |e: entente_core::access::ParseCodeError| AppError::InvalidField {
                    field: "visibility",
                    reason: e.to_string(),
                },
            )?;
    if new.name.trim().is_empty() {
        return Err(AppError::InvalidField {
            field: "name",
            reason: "must not be blank".to_owned(),
        });
    }
    let area = area(&new.states, &new.regions)?;
    let created = app
        .read(move |store| {
            let Some(owner) = store.organisation_by_short_name(&scope, &new.owner)? else {
                return Ok::<_, StoreError>(Err(AppError::OrgNotFound(new.owner)));
            };
            let made = NewAlliance {
                owner: owner.id,
                name: new.name,
                purpose: new.purpose,
                visibility,
                area,
            };
            let id = match store.create_alliance(&scope, &made) {
                Ok(id) => id,
                Err(e) => return Ok(Err(area_refused(e, AppError::OrgNotFound(new.owner)))),
            };
            // The creator's scope now includes the new alliance.
            let scope = match scope.user() {
                Some(user) => store.member_scope(user)?,
                None => scope,
            };
            Ok(alliance::alliance(store, &scope, id)?
                .ok_or_else(|| AppError::internal("the new alliance is not readable")))
        })
        .await??;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Adds an organisation to an alliance.
///
/// Needs an admin of the alliance's owner, who must see the organisation in
/// the directory; a read-only token is refused with `token_read_only`.
#[utoipa::path(
    post,
    path = "/api/v1/alliances/{id}/members",
    tag = "organisations",
    params(("id" = i64, Path, description = "The alliance's number")),
    request_body = NewMemberBody,
    responses(
        (status = 200, description = "The alliance with its new member", body = AllianceView),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "Not an admin of the owner (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 404, description = "No such alliance, or hidden (`alliance_not_found`)", body = ErrorBody),
        (status = 409, description = "A member already (`conflict`)", body = ErrorBody),
        (status = 422, description = "No organisation the user sees has this short name (`invalid_field`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn add_alliance_member(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
    new: Result<Json<NewMemberBody>, JsonRejection>,
) -> Result<Json<AllianceView>, AppError> {
    let scope = signed_in(&viewer)?;
    let Some(id) = alliance::parse_id(&raw) else {
        return Err(AppError::AllianceNotFound(raw));
    };
    let new = body(new)?;
    let updated = app
        .read(move |store| {
            let Some(org) = store.organisation_by_short_name(&scope, &new.org)? else {
                return Ok::<_, StoreError>(Err(AppError::InvalidField {
                    field: "org",
                    reason: format!(
                        "no organisation you can see has the short name {:?}",
                        new.org
                    ),
                }));
            };
            if let Err(e) = store.add_alliance_member(&scope, id, org.id) {
                return Ok(Err(AppError::refused(e, AppError::AllianceNotFound(raw))));
            }
            Ok(alliance::alliance(store, &scope, id)?.ok_or(AppError::AllianceNotFound(raw)))
        })
        .await??;
    Ok(Json(updated))
}

/// Sets where an alliance campaigns.
///
/// Replaces its states and UN regional groups. Needs an admin of the
/// alliance's owner; a read-only token is refused with `token_read_only`.
#[utoipa::path(
    put,
    path = "/api/v1/alliances/{id}/area",
    tag = "organisations",
    params(("id" = i64, Path, description = "The alliance's number")),
    request_body = AreaBody,
    responses(
        (status = 200, description = "The alliance with its new area", body = AllianceView),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "Not an admin of the owner (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 404, description = "No such alliance, or hidden (`alliance_not_found`)", body = ErrorBody),
        (status = 422, description = "A code that names no state or group (`invalid_field`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn set_alliance_area(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
    new: Result<Json<AreaBody>, JsonRejection>,
) -> Result<Json<AllianceView>, AppError> {
    let scope = signed_in(&viewer)?;
    let Some(id) = alliance::parse_id(&raw) else {
        return Err(AppError::AllianceNotFound(raw));
    };
    let new = body(new);
    let updated = app
        .read(move |store| {
            let Some(found) = store.alliance(&scope, id)? else {
                return Ok::<_, StoreError>(Err(AppError::AllianceNotFound(raw)));
            };
            if !entente_core::access::can_administer(&scope, found.owner) {
                return Ok(Err(AppError::Forbidden(format!(
                    "only an admin of organisation {} may change alliance {raw}",
                    found.owner
                ))));
            }
            let wanted = match new.and_then(|b| area(&b.states, &b.regions)) {
                Ok(wanted) => wanted,
                Err(e) => return Ok(Err(e)),
            };
            if let Err(e) = store.set_alliance_area(&scope, id, &wanted) {
                return Ok(Err(area_refused(e, AppError::AllianceNotFound(raw))));
            }
            Ok(alliance::alliance(store, &scope, id)?.ok_or(AppError::AllianceNotFound(raw)))
        })
        .await??;
    Ok(Json(updated))
}
